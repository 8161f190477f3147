package main

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"strings"

	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/report"
	"github.com/estimate-dev/estimate/scenarios"
	"github.com/spf13/cobra"
)

const runExamples = `  estimate run web-app
  estimate run web-app --set dau=40M --set read_write=20:1
  estimate run youtube --set video_size=500        # a bare number takes the default's unit: 500 MB
  estimate run web-app --set cache_share=40% --work  # the arithmetic under each output
  estimate run youtube -o json | jq '.outputs[] | {name, text, base}'
  estimate run url-shortener -o md >> design.md
  estimate run twitter --growth 10%/month --at 3mo,6mo,1y,3y   # how it grows
  estimate run --file my-service.yaml`

// scenarioFlags are the flags that pick a scenario and set its inputs,
// shared by run and show.
type scenarioFlags struct {
	files []string
	sets  []string
}

// add registers --file and --set on cmd, with their completions.
func (sf *scenarioFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringArrayVar(&sf.files, "file", nil, "read a scenario from this YAML file (repeatable); with no NAME and one file, use its scenario")
	cmd.Flags().StringArrayVar(&sf.sets, "set", nil, "set an input, NAME=VALUE, such as dau=10M or video_size=500 (repeatable)")
	_ = cmd.RegisterFlagCompletionFunc("file", yamlFiles)
	_ = cmd.RegisterFlagCompletionFunc("set", sf.completeSet)
}

// scenario loads the scenario that the arguments name (or the one --file
// gives, when there is no NAME) and parses the --set values against it.
func (sf *scenarioFlags) scenario(args []string) (*scenarios.Scenario, scenarios.Settings, error) {
	sc, err := sf.load(args)
	if err != nil {
		return nil, nil, err
	}
	settings, err := applySets(sc, sf.sets)
	if err != nil {
		return nil, nil, err
	}
	return sc, settings, nil
}

// load opens the catalog and loads the named scenario. Only that scenario
// (and any --file) is read: the catalog parses nothing it is not asked for.
func (sf *scenarioFlags) load(args []string) (*scenarios.Scenario, error) {
	cat, err := scenarios.Open(scenarios.Options{Files: sf.files})
	if err != nil {
		return nil, err
	}
	if len(args) > 0 {
		return cat.Load(args[0])
	}
	flagged := cat.Flagged()
	switch len(flagged) {
	case 0:
		return nil, usagef("name a scenario, such as web-app (estimate list shows them all), or give one with --file")
	case 1:
		return cat.Load(flagged[0])
	}
	return nil, usagef("--file gave %d scenarios (%s): name the one to use", len(flagged), strings.Join(flagged, ", "))
}

// applySets parses each --set against the scenario. A value an input cannot
// take names the input and says what it expects.
func applySets(sc *scenarios.Scenario, sets []string) (scenarios.Settings, error) {
	all := scenarios.Settings{}
	for _, a := range sets {
		one, err := sc.Set([]string{a})
		if err != nil {
			return nil, withInputHint(sc, a, err)
		}
		maps.Copy(all, one)
	}
	return all, nil
}

// withInputHint adds to a --set error what the input is and what it holds
// by default, or, when the assignment names no input, the inputs there are.
func withInputHint(sc *scenarios.Scenario, assignment string, err error) error {
	name, _, _ := strings.Cut(assignment, "=")
	in, ok := sc.Input(strings.TrimSpace(name))
	if !ok {
		var ie *scenarios.InputError
		if errors.As(err, &ie) {
			return err // it already lists the inputs
		}
		return &hintedError{err: err, hint: "inputs: " + strings.Join(sc.InputNames(), ", ")}
	}
	hint := in.Name + " is " + in.Default.Text + " by default"
	if in.Help != "" {
		hint += ": " + in.Help
	}
	return &hintedError{err: err, hint: hint}
}

// runOptions are the flags of estimate run besides the scenario's.
type runOptions struct {
	scenarioFlags
	outputFlags
	work   bool
	growth string
	at     string
}

func newRunCmd(s *streams) *cobra.Command {
	var opts runOptions
	cmd := &cobra.Command{
		Use:   "run [NAME]",
		Short: "Compute a scenario's estimates",
		Long: `Compute a scenario's outputs (QPS, storage, bandwidth, cache memory, servers,
cost) from its inputs, and print both.

NAME is a preset (estimate list shows them) or a scenario of your own in
$XDG_CONFIG_HOME/estimate/scenarios (~/.config/estimate/scenarios); --file
reads one from anywhere, and with no NAME and one --file, runs its scenario.

--set changes an input. The value is any expression of the input's
dimension: --set video_size=0.5GB, --set cache_share=40%, --set
read_write=20:1. A bare number takes the unit of the default, so
--set video_size=500 is 500 MB when the default is 300 MB.

-o table (the default) prints an aligned table; json, csv and md print the
same numbers for scripts and design documents. JSON and CSV give every
number in base units too ("base": bytes, seconds, dollars and their
quotients), unrounded. A month is 30 days and a year 365 days.

--growth 10%/month adds the results 3 months, 6 months and a year ahead (or
at the times --at gives), compounding the inputs the scenario marks
grows: true (daily users and the like) once per period.`,
		Example:           runExamples,
		Args:              atMostOneScenario,
		ValidArgsFunction: opts.completeName,
		RunE: func(_ *cobra.Command, args []string) error {
			return runScenario(s, args, opts)
		},
	}
	opts.scenarioFlags.add(cmd)
	opts.outputFlags.add(cmd)
	cmd.Flags().BoolVar(&opts.work, "work", false, "show each output's arithmetic: formula, values put in, result")
	cmd.Flags().StringVar(&opts.growth, "growth", "", "grow the inputs marked grows: true at this rate, such as 10%/month, and show the results ahead")
	cmd.Flags().StringVar(&opts.at, "at", scenarios.DefaultHorizons, "with --growth, the times ahead to show, such as 3mo,6mo,1y,3y")
	_ = cmd.RegisterFlagCompletionFunc("growth", fixedCompletions("5%/month", "10%/month", "50%/year", "100%/year"))
	_ = cmd.RegisterFlagCompletionFunc("at", fixedCompletions(scenarios.DefaultHorizons, "3mo,6mo,1y,3y", "1y,2y,5y"))
	return cmd
}

// runGrowth evaluates the scenario at each time ahead of --at, its growing
// inputs compounded at the --growth rate.
func runGrowth(sc *scenarios.Scenario, settings scenarios.Settings, opts runOptions, numbers calc.FormatOptions) (*report.Growth, error) {
	if opts.growth == "" {
		if opts.at != scenarios.DefaultHorizons {
			return nil, usagef("--at needs --growth, such as --growth 10%%/month")
		}
		return nil, nil
	}
	g, err := scenarios.ParseGrowth(opts.growth)
	if err != nil {
		return nil, err
	}
	horizons, err := scenarios.ParseHorizons(opts.at)
	if err != nil {
		return nil, err
	}
	grows := sc.GrowingInputs()
	if len(grows) == 0 {
		return nil, fmt.Errorf("%s marks no input grows: true, so --growth has nothing to grow; set the inputs ahead with --set instead", sc.Name)
	}
	out := &report.Growth{Rate: opts.growth, Inputs: grows}
	for _, h := range horizons {
		grown, err := sc.Grown(settings, g, h.Seconds)
		if err != nil {
			return nil, &hintedError{err: fmt.Errorf("at +%s: %w", h.Label, err), hint: "choose a lower --growth or a nearer --at"}
		}
		r, err := sc.Evaluate(grown, numbers)
		if err != nil {
			return nil, fmt.Errorf("at +%s: %w", h.Label, err)
		}
		out.At = append(out.At, report.GrowthPoint{Label: h.Label, Seconds: h.Seconds, Factor: g.Factor(h.Seconds), Result: r})
	}
	return out, nil
}

// runScenario evaluates the scenario and prints it in the format asked for.
func runScenario(s *streams, args []string, opts runOptions) error {
	if _, err := opts.check(); err != nil {
		return err
	}
	sc, settings, err := opts.scenario(args)
	if err != nil {
		return err
	}
	numbers := opts.numbers()
	r, err := sc.Evaluate(settings, numbers)
	if err != nil {
		return err
	}
	growth, err := runGrowth(sc, settings, opts, numbers)
	if err != nil {
		return err
	}
	return printTable(s, opts.output, func(w io.Writer, f report.Format, st report.Styles) error {
		return report.WriteRun(w, r, f, report.RunOptions{Work: opts.work, Styles: st, Numbers: numbers, Growth: growth})
	})
}

// completeName completes a scenario's name from the catalog: presets,
// the user's scenarios and --file ones. Nothing is parsed but --file.
func (sf *scenarioFlags) completeName(_ *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return scenarioNames(sf.files, prefix), cobra.ShellCompDirectiveNoFileComp
}

// scenarioNames lists the known scenarios' names that start with prefix.
func scenarioNames(files []string, prefix string) []cobra.Completion {
	cat, err := scenarios.Open(scenarios.Options{Files: files})
	if err != nil {
		return nil
	}
	var out []cobra.Completion
	for _, name := range cat.Names() {
		if strings.HasPrefix(name, prefix) {
			out = append(out, name)
		}
	}
	return out
}

// completeSet completes --set: "name=" for each input of the scenario
// named so far, then "name=DEFAULT" once the name is typed.
func (sf *scenarioFlags) completeSet(_ *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	sc, err := sf.load(args)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	if name, _, typed := strings.Cut(prefix, "="); typed {
		if in, ok := sc.Input(name); ok {
			return []cobra.Completion{cobra.CompletionWithDesc(name+"="+in.Default.Text, firstSentence(in.Help))}, cobra.ShellCompDirectiveNoFileComp
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, in := range sc.Inputs {
		if strings.HasPrefix(in.Name, prefix) {
			out = append(out, cobra.CompletionWithDesc(in.Name+"=", firstSentence(in.Help)))
		}
	}
	return out, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
}

// firstSentence shortens a help text to its first sentence, for a
// completion's description.
func firstSentence(help string) string {
	if i := strings.Index(help, ". "); i >= 0 {
		return help[:i+1]
	}
	return help
}

// yamlFiles completes scenario file names.
func yamlFiles(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return []cobra.Completion{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
}
