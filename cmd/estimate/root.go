package main

import (
	"errors"

	"github.com/estimate-dev/estimate/calc"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

const rootExamples = `  # The interactive session: change an input, every result moves
  estimate

  # A preset of System Design Interview, with your own numbers
  estimate run youtube --set dau=10M --set video_size=500
  estimate run web-app --set dau=40M --set read_write=20:1 -o json

  # Side by side, and as one input varies
  estimate compare chat youtube twitter
  estimate sweep web-app dau=1M..100M --log

  # The calculator: units are checked, conversions explicit
  estimate eval '5M * 10% * 300 MB/day to TB/day'

  # Reference tables of chapter 2
  estimate tables availability 99.95

  # Your own scenario: start from a preset
  estimate show web-app > my-service.yaml
  estimate run --file my-service.yaml`

func newRootCmd(s *streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "estimate",
		Short: "Back-of-the-envelope capacity estimates for system design",
		Long: `estimate sizes a system from what you know (daily active users, request and
object sizes, read/write ratios, retention, prices) and shows what you need:
QPS, storage, bandwidth, cache memory, servers and cost, with the arithmetic.

Units are checked, not guessed: "10 MB + 5 ms" is an error. A month is 30 days
and a year 365 days, as in System Design Interview.`,
		Example: rootExamples,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// On a terminal, plain estimate opens the interactive session.
			// Elsewhere it shows help and exits with a usage status, so that
			// scripts notice.
			if onTerminal(s) {
				return runTUI(cmd.Context(), s, tuiOptions{digits: calc.DefaultDigits}, "")
			}
			_ = cmd.Help()
			return &silentError{status: 2}
		},
	}
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(newEvalCmd(s))
	root.AddCommand(newTUICmd(s))
	root.AddCommand(newTablesCmd(s))
	root.AddCommand(newRunCmd(s))
	root.AddCommand(newListCmd(s))
	root.AddCommand(newShowCmd(s))
	root.AddCommand(newValidateCmd(s))
	root.AddCommand(newCompareCmd(s))
	root.AddCommand(newSweepCmd(s))
	return root
}

// flagError makes a flag pflag could not read a usage error, and says what
// the flag wants in words rather than passing on strconv's message.
func flagError(_ *cobra.Command, err error) error {
	var invalid *pflag.InvalidValueError
	if errors.As(err, &invalid) {
		if want, ok := flagValueWords[invalid.GetFlag().Value.Type()]; ok {
			return usagef("--%s takes %s, not %q", invalid.GetFlag().Name, want, invalid.GetValue())
		}
	}
	return &usageError{msg: err.Error()}
}

// flagValueWords names what a flag of each pflag type takes.
var flagValueWords = map[string]string{
	"int":      "a whole number, such as 4",
	"bool":     "true or false",
	"duration": "a duration, such as 5s",
}
