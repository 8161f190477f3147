package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/report"
	"github.com/estimate-dev/estimate/scenarios"
	"github.com/spf13/cobra"
)

const sweepExamples = `  estimate sweep web-app dau=1M..100M --log
  estimate sweep youtube video_size=100..1000 --steps 10 --outputs storage_per_day,cost_per_month
  estimate sweep chat dau=10M..100M --set retention=5years -o csv > chat.csv`

// sweepOptions are the flags of estimate sweep.
type sweepOptions struct {
	scenarioFlags
	steps   int
	log     bool
	outputs string
	outputFlags
}

func newSweepCmd(s *streams) *cobra.Command {
	var opts sweepOptions
	cmd := &cobra.Command{
		Use:   "sweep NAME INPUT=FROM..TO",
		Short: "Show how a scenario's outputs move as one input varies",
		Long: `Vary one input of a scenario from FROM to TO and print the outputs at each
step: a table (with a sparkline per output on a terminal), CSV or JSON.

FROM and TO are values of the input, like --set takes them: a bare number
takes the unit of the input's default (video_size=100..1000 is 100 MB to
1,000 MB). --steps sets the number of points, both ends included; --log
spaces them geometrically, which suits ranges over several orders of
magnitude. --outputs picks the columns; --set fixes other inputs.`,
		Example: sweepExamples,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usagef("sweep needs a scenario and a range, such as: estimate sweep web-app dau=1M..100M")
			}
			return nil
		},
		ValidArgsFunction: opts.completeName,
		RunE:              func(_ *cobra.Command, args []string) error { return runSweep(s, args, opts) },
	}
	opts.scenarioFlags.add(cmd)
	cmd.Flags().IntVar(&opts.steps, "steps", 11, "number of points, both ends included")
	cmd.Flags().BoolVar(&opts.log, "log", false, "space the points geometrically instead of evenly")
	cmd.Flags().StringVar(&opts.outputs, "outputs", "", "comma-separated names of the outputs to show (all by default)")
	opts.outputFlags.add(cmd)
	return cmd
}

func runSweep(s *streams, args []string, opts sweepOptions) error {
	format, err := opts.check()
	if err != nil {
		return err
	}
	if (format == report.FormatTable || format == report.FormatMarkdown) && opts.steps > report.MaxSweepTableRows {
		return fmt.Errorf("--steps %d is too many for a table (at most %d): use -o csv or -o json", opts.steps, report.MaxSweepTableRows)
	}
	sc, settings, err := opts.scenario(args[:1])
	if err != nil {
		return err
	}
	sw, err := sc.ParseSweep(args[1], opts.steps, opts.log)
	if err != nil {
		return err
	}
	if _, set := settings[sw.Input.Name]; set {
		return usagef("--set %s: %s is the input being swept, from %s to %s; drop the --set or sweep another input", sw.Input.Name, sw.Input.Name, sw.From.Text, sw.To.Text)
	}
	outputs, err := pickOutputs(sc, opts.outputs)
	if err != nil {
		return err
	}
	data := &report.SweepData{Scenario: sc, Sweep: sw, Outputs: outputs, Inputs: make([]float64, 0, sw.Steps), Values: make([][]float64, len(outputs))}
	for j := range data.Values {
		data.Values[j] = make([]float64, 0, sw.Steps)
	}
	err = sw.Run(sc, settings, func(_ int, vals []float64) {
		data.Inputs = append(data.Inputs, vals[sw.Input.Slot()])
		for j, o := range outputs {
			data.Values[j] = append(data.Values[j], vals[o.Slot()])
		}
	})
	if err != nil {
		return err
	}
	numbers := opts.numbers()
	return printTable(s, opts.output, func(w io.Writer, f report.Format, st report.Styles) error {
		return report.WriteSweep(w, data, f, report.SweepOptions{Styles: st, Numbers: numbers, Sparklines: report.ColorEnabled(s.out)})
	})
}

// pickOutputs resolves --outputs, or returns every output when it names
// none. Empty names, as a trailing comma leaves, and repeats are skipped.
func pickOutputs(sc *scenarios.Scenario, list string) ([]*scenarios.Output, error) {
	var out []*scenarios.Output
	var names []string
	for _, o := range sc.Outputs {
		names = append(names, o.Name)
	}
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		o, ok := sc.Output(name)
		if !ok {
			msg := fmt.Sprintf("%s has no output %q", sc.Name, name)
			if s := calc.Suggest(name, names); len(s) > 0 {
				msg += fmt.Sprintf("; did you mean %q?", s[0])
			}
			return nil, &hintedError{err: fmt.Errorf("%s", msg), hint: "outputs: " + strings.Join(names, ", ")}
		}
		if !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	if len(out) == 0 {
		return sc.Outputs, nil
	}
	return out, nil
}
