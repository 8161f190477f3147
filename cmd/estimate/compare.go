package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/report"
	"github.com/estimate-dev/estimate/scenarios"
	"github.com/spf13/cobra"
)

const compareExamples = `  estimate compare chat youtube
  estimate compare web-app twitter news-feed --set dau=20M       # every scenario with a dau
  estimate compare chat youtube --set youtube.video_size=1GB     # one scenario's input
  estimate compare chat youtube -o json | jq '.scenarios[].outputs[] | select(.name == "qps")'`

// compareOptions are the flags of estimate compare.
type compareOptions struct {
	files []string
	sets  []string
	outputFlags
}

func newCompareCmd(s *streams) *cobra.Command {
	var opts compareOptions
	cmd := &cobra.Command{
		Use:   "compare NAME NAME [NAME…]",
		Short: "Compare scenarios' standard metrics side by side",
		Long: `Show the standard metrics (qps, read_qps, write_qps, peak_qps,
storage_per_day, storage_total, ingress, egress, cache_memory, servers,
cost_per_month) of two or more scenarios side by side: a row per metric that
any of them has, blank where one lacks it, each row in one unit so the
columns compare by eye. The text table adds a bar to each cell, on a log
scale within the row, so the largest stands out.

--set NAME.input=value sets one scenario's input; --set input=value sets it
in every compared scenario that has that input.`,
		Example: compareExamples,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usagef("compare needs at least two scenarios, such as: estimate compare chat youtube")
			}
			return nil
		},
		ValidArgsFunction: func(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return scenarioNames(opts.files, prefix), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error { return runCompare(s, args, opts) },
	}
	cmd.Flags().StringArrayVar(&opts.files, "file", nil, "also read scenarios from this YAML file (repeatable)")
	cmd.Flags().StringArrayVar(&opts.sets, "set", nil, "set an input: [scenario.]name=value (repeatable)")
	opts.outputFlags.add(cmd)
	_ = cmd.RegisterFlagCompletionFunc("file", yamlFiles)
	return cmd
}

func runCompare(s *streams, names []string, opts compareOptions) error {
	if _, err := opts.check(); err != nil {
		return err
	}
	cat, err := scenarios.Open(scenarios.Options{Files: opts.files})
	if err != nil {
		return err
	}
	list := make([]*scenarios.Scenario, len(names))
	for i, name := range names {
		if list[i], err = cat.Load(name); err != nil {
			return err
		}
	}
	settings, err := compareSettings(list, opts.sets)
	if err != nil {
		return err
	}
	numbers := opts.numbers()
	results := make([]*scenarios.Result, len(list))
	for i, sc := range list {
		if results[i], err = sc.Evaluate(settings[i], numbers); err != nil {
			return err
		}
	}
	c := scenarios.Compare(results, numbers)
	return printTable(s, opts.output, func(w io.Writer, f report.Format, st report.Styles) error {
		return report.WriteCompare(w, c, f, report.CompareOptions{Styles: st, Numbers: numbers})
	})
}

// compareSettings applies each --set to the scenarios it names: one with
// "scenario.input=value", every one that has the input with "input=value".
func compareSettings(list []*scenarios.Scenario, sets []string) ([]scenarios.Settings, error) {
	settings := make([]scenarios.Settings, len(list))
	for i := range settings {
		settings[i] = scenarios.Settings{}
	}
	for _, a := range sets {
		target, text, ok := strings.Cut(a, "=")
		if !ok || strings.TrimSpace(text) == "" {
			return nil, fmt.Errorf("--set %q: write [SCENARIO.]NAME=VALUE, such as --set dau=10M or --set youtube.dau=10M", a)
		}
		scenario, input, scoped := strings.Cut(strings.TrimSpace(target), ".")
		if !scoped {
			scenario, input = "", scenario
		}
		if input == "" || (scoped && scenario == "") {
			return nil, fmt.Errorf("--set %q: write [SCENARIO.]NAME=VALUE, such as --set dau=10M or --set youtube.dau=10M", a)
		}
		applied := 0
		for i, sc := range list {
			if scoped && sc.Name != scenario {
				continue
			}
			if _, has := sc.Input(input); !has && !scoped {
				continue
			}
			if err := sc.SetOne(settings[i], input, text); err != nil {
				return nil, err
			}
			applied++
		}
		if applied == 0 {
			return nil, noSuchTarget(list, scenario, input, scoped)
		}
	}
	return settings, nil
}

// noSuchTarget explains a --set that applies to no compared scenario.
func noSuchTarget(list []*scenarios.Scenario, scenario, input string, scoped bool) error {
	names := make([]string, len(list))
	var inputs []string
	seen := map[string]bool{}
	for i, sc := range list {
		names[i] = sc.Name
		for _, n := range sc.InputNames() {
			if !seen[n] {
				seen[n] = true
				inputs = append(inputs, n)
			}
		}
	}
	if scoped {
		return fmt.Errorf("--set %s.%s: %q is not one of the compared scenarios (%s)", scenario, input, scenario, strings.Join(names, ", "))
	}
	msg := fmt.Sprintf("--set %s: no compared scenario has an input %q", input, input)
	if s := calc.Suggest(input, inputs); len(s) > 0 {
		msg += fmt.Sprintf("; did you mean %q?", s[0])
	}
	return &hintedError{err: fmt.Errorf("%s", msg), hint: "their inputs: " + strings.Join(inputs, ", ")}
}
