package main

import (
	"errors"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/report"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

const tablesExamples = `  estimate tables                                   # what tables there are
  estimate tables powers
  estimate tables latency --figures current
  estimate tables availability 99.95 99.995
  estimate tables availability --downtime '5 min/month'
  estimate tables latency -o json | jq '.rows[] | {operation, s: .latency.base}'
  estimate tables availability -o md >> design.md`

// tableWriter writes one reference table in a format.
type tableWriter func(w io.Writer, f report.Format, st report.Styles) error

func newTablesCmd(s *streams) *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "tables [powers|latency|availability]",
		Short: "Reference tables: powers of two, latency numbers, availability nines",
		Long: `Print the reference tables of chapter 2 of System Design Interview, each
with its source: powers of two, latency numbers every programmer should know,
and the downtime each number of nines allows.

With no table named, list them. Every table prints as an aligned text table
(-o table, the default), JSON (-o json: {"table": NAME, "rows": [...]}, each
number an object with "text" and "base" in seconds, bytes or a fraction),
CSV (-o csv: each number as NAME and NAME_base columns) or Markdown (-o md).`,
		Example: tablesExamples,
		Args:    unknownTable,
		RunE: func(*cobra.Command, []string) error {
			return printTable(s, output, report.WriteTableList)
		},
	}
	cmd.PersistentFlags().StringVarP(&output, "output", "o", string(report.FormatTable), "output format: table, json, csv or md")
	_ = cmd.RegisterFlagCompletionFunc("output", fixedCompletions(formatNames()...))
	cmd.AddCommand(newPowersCmd(s, &output), newLatencyCmd(s, &output), newAvailabilityCmd(s, &output))
	return cmd
}

// formatNames are the -o values, for completion.
func formatNames() []string {
	var names []string
	for _, f := range report.Formats() {
		names = append(names, string(f))
	}
	return names
}

// unknownTable refuses an argument that names no table, suggesting the
// closest name. Known names never get here: cobra runs their subcommands.
func unknownTable(_ *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	var names []string
	for _, t := range report.ReferenceTables() {
		names = append(names, t.Name)
	}
	if s := calc.Suggest(args[0], names); len(s) > 0 {
		return usagef("unknown table %q: did you mean %q?", args[0], s[0])
	}
	return usagef("unknown table %q: use %s or %s", args[0], strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}

// printTable writes a table to stdout in the format named by -o, coloured
// only for the table format on a terminal without NO_COLOR.
func printTable(s *streams, output string, write tableWriter) error {
	f, err := report.ParseFormat(output)
	if err != nil {
		return usagef("%v", err)
	}
	color := f == report.FormatTable && report.ColorEnabled(s.out)
	w := s.out
	if color {
		// Downsample the styles to what the terminal shows.
		w = colorprofile.NewWriter(s.out, os.Environ())
	}
	return write(w, f, report.NewStyles(color))
}

func newPowersCmd(s *streams, output *string) *cobra.Command {
	return &cobra.Command{
		Use:   "powers",
		Short: "Powers of two from 2^10 to 2^60",
		Long: `Print the powers of two from 2^10 (a thousand, 1 KB) to 2^60 (a quintillion,
1 EB): the approximate value, the unit's full and short names, the exact
number of bytes, and how far the decimal unit falls short of the binary one
at each step (2.34% for a kilobyte, 13.3% for an exabyte).`,
		Example: `  estimate tables powers
  estimate tables powers -o csv`,
		Args:              cobra.NoArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(*cobra.Command, []string) error {
			return printTable(s, *output, report.WritePowers)
		},
	}
}

func newLatencyCmd(s *streams, output *string) *cobra.Command {
	var figures string
	cmd := &cobra.Command{
		Use:   "latency",
		Short: "Latency numbers every programmer should know",
		Long: `Print the latency numbers every programmer should know, each with its source
and year, a column scaled to human time (every latency × 1 billion: an L1
cache reference becomes half a second, a California–Netherlands round trip
nearly five years), and the lessons the source draws.

--figures book (the default) prints the book's table, Jeff Dean's figures of
2010. --figures current prints figures measured in 2026 by Simon Eskildsen's
napkin-math project, cited with its revision; rows that mean the same
operation carry the same key in both, so scenario files work with either.`,
		Example: `  estimate tables latency
  estimate tables latency --figures current
  estimate tables latency -o json | jq -r '.rows[] | "\(.key) \(.latency.base)"'`,
		Args:              cobra.NoArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(*cobra.Command, []string) error {
			if _, err := report.LatencyFigures(figures); err != nil {
				return usagef("%v", err)
			}
			return printTable(s, *output, func(w io.Writer, f report.Format, st report.Styles) error {
				return report.WriteLatency(w, f, st, figures)
			})
		},
	}
	cmd.Flags().StringVar(&figures, "figures", calc.LatencyBook, "which figures: book (Jeff Dean, 2010) or current (napkin-math, 2026)")
	_ = cmd.RegisterFlagCompletionFunc("figures", fixedCompletions(calc.LatencyBook, calc.LatencyCurrent))
	return cmd
}

func newAvailabilityCmd(s *streams, output *string) *cobra.Command {
	var downtimes []string
	cmd := &cobra.Command{
		Use:   "availability [PERCENT...]",
		Short: "Downtime allowed by each number of nines, and the reverse",
		Long: `Print the downtime that 99%, 99.9%, 99.99%, 99.999% and 99.9999% availability
allow per day, week, month, quarter and year, with a row added for each
percentage given (99.95 or 99.95%; from 0 to 100).

With --downtime, go the other way: from a downtime per period to the
availability it implies, and that availability's downtime in every period.
The amount is a time as the calculator reads it (5 min, 1 h, 52.6 min; "5m"
is refused as ambiguous) and the period is day, week, month, quarter or year.

The year is 365.25 days, as in the book's table; a month is a twelfth of it
(30.4375 days) and a quarter a fourth. --downtime uses the same month, not
the calculator's 30-day month, so that its answers match the table.`,
		Example: `  estimate tables availability
  estimate tables availability 99.95 99.995
  estimate tables availability --downtime '5 min/month' --downtime '1 h/year'
  estimate tables availability -o json 99.95 | jq '.rows[] | {a: .availability.text, year: .per_year.text}'`,
		Args: cobra.ArbitraryArgs,
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return []cobra.Completion{"99.5", "99.95", "99.995"}, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			if len(downtimes) > 0 {
				if len(args) > 0 {
					return usagef("give percentages or --downtime, not both")
				}
				return printDowntimes(s, *output, downtimes)
			}
			return printAvailability(s, *output, args)
		},
	}
	cmd.Flags().StringArrayVar(&downtimes, "downtime", nil, "show the availability that a downtime per period implies, such as '5 min/month' (repeatable)")
	_ = cmd.RegisterFlagCompletionFunc("downtime", fixedCompletions("5 min/month", "1 h/year", "52.6 min/year", "1 s/day"))
	cmd.SetFlagErrorFunc(negativePercentError)
	return cmd
}

// printAvailability prints the book's nines with the given percentages
// added. A percentage that does not parse is an error (exit status 1).
func printAvailability(s *streams, output string, args []string) error {
	extra := make([]float64, 0, len(args))
	for _, arg := range args {
		a, err := calc.ParseAvailability(arg)
		if err != nil {
			return err
		}
		extra = append(extra, a)
	}
	rows := report.NinesWith(extra...)
	return printTable(s, output, func(w io.Writer, f report.Format, st report.Styles) error {
		return report.WriteAvailability(w, f, st, rows)
	})
}

// printDowntimes prints the availability each downtime implies. A downtime
// that does not parse is an error (exit status 1).
func printDowntimes(s *streams, output string, texts []string) error {
	downtimes := make([]report.Downtime, 0, len(texts))
	for _, t := range texts {
		d, err := report.ParseDowntime(t)
		if err != nil {
			return err
		}
		downtimes = append(downtimes, d)
	}
	return printTable(s, output, func(w io.Writer, f report.Format, st report.Styles) error {
		return report.WriteAvailabilityForDowntime(w, f, st, downtimes)
	})
}

// negativePercentError turns "unknown shorthand flag: '1' in -1", which is
// how the flag parser reads a negative percentage, into the percentage's
// own error (exit status 1). Other flag errors stay usage errors.
func negativePercentError(_ *cobra.Command, err error) error {
	var ne *pflag.NotExistError
	if errors.As(err, &ne) {
		arg := "-" + ne.GetSpecifiedShortnames()
		if len(arg) > 1 && (arg[1] >= '0' && arg[1] <= '9' || arg[1] == '.') {
			if _, perr := calc.ParseAvailability(arg); perr != nil {
				return perr
			}
			return usagef("%s reads as a flag: put -- before it, as in estimate tables availability -- %s", arg, arg)
		}
	}
	return flagError(nil, err)
}
