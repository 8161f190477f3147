package main

import (
	"bytes"
	"context"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/report"
	"github.com/estimate-dev/estimate/scenarios"
	"github.com/estimate-dev/estimate/tui"
	"github.com/spf13/cobra"
)

const tuiExamples = `  estimate                      # the same as estimate tui, on a terminal
  estimate tui youtube
  estimate tui --file my-service.yaml
  NO_COLOR=1 estimate tui --binary`

// tuiOptions are the flags of estimate tui.
type tuiOptions struct {
	files  []string
	binary bool
	digits int
}

func newTUICmd(s *streams) *cobra.Command {
	opts := tuiOptions{digits: calc.DefaultDigits}
	cmd := &cobra.Command{
		Use:   "tui [NAME]",
		Short: "Explore scenarios interactively",
		Long: `Open the interactive session on the scenario NAME (web-app by default):
change an input and every result moves at once, with the arithmetic; compare
scenarios side by side; look up powers of two, latency numbers and
availability nines; use the calculator. Press ? inside for every key.

The session draws on stderr and needs a terminal. ctrl+s saves the scenario
with your inputs as a YAML file, e exports the results as Markdown.`,
		Example: tuiExamples,
		Args:    atMostOneScenario,
		ValidArgsFunction: func(_ *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return scenarioNames(opts.files, prefix), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if !onTerminal(s) {
				return usagef("the interactive session needs a terminal; for plain output use estimate run NAME")
			}
			name := ""
			if len(args) > 0 {
				name = args[0]
			}
			return runTUI(cmd.Context(), s, opts, name)
		},
	}
	cmd.Flags().StringArrayVar(&opts.files, "file", nil, "also offer the scenario in this YAML file (repeatable); with no NAME and one file, open it")
	cmd.Flags().BoolVar(&opts.binary, "binary", false, "use binary prefixes (KiB, MiB, GiB) for bytes")
	cmd.Flags().IntVar(&opts.digits, "digits", calc.DefaultDigits, "significant digits to show")
	_ = cmd.RegisterFlagCompletionFunc("file", yamlFiles)
	return cmd
}

// onTerminal reports whether the session can run: keys come from a
// terminal and the screen, drawn on stderr, goes to one.
func onTerminal(s *streams) bool {
	return isTerminal(s.in) && isTerminal(s.err)
}

func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// runTUI loads every scenario and runs the session until the user quits.
// Scenarios that do not load are reported inside the session; the others
// are still offered.
func runTUI(ctx context.Context, s *streams, opts tuiOptions, name string) error {
	if opts.digits < 1 || opts.digits > calc.MaxDigits {
		return usagef("--digits must be between 1 and %d, not %d", calc.MaxDigits, opts.digits)
	}
	cat, err := scenarios.Open(scenarios.Options{Files: opts.files})
	if err != nil {
		return err
	}
	all, loadErr := cat.LoadAll()
	if len(all) == 0 {
		return loadErr
	}
	if flagged := cat.Flagged(); name == "" && len(flagged) == 1 {
		name = flagged[0]
	}
	return tui.Run(ctx, tui.Options{
		Scenarios: all,
		LoadError: loadErr,
		Start:     name,
		Format:    calc.FormatOptions{Digits: opts.digits, Binary: opts.binary},
		NoColor:   os.Getenv("NO_COLOR") != "",
		Export:    exportMarkdown,
	}, s.in, s.err)
}

// exportMarkdown writes a result as Markdown with the work, for the
// session's e key: the same document as estimate run -o md --work.
func exportMarkdown(r *scenarios.Result, format calc.FormatOptions) ([]byte, error) {
	var b bytes.Buffer
	err := report.WriteRun(&b, r, report.FormatMarkdown, report.RunOptions{Work: true, Numbers: format})
	return b.Bytes(), err
}
