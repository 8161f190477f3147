package main

import (
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/report"
	"github.com/spf13/cobra"
)

// outputFlags say how a command prints its numbers: -o, --binary and
// --digits, shared by run, compare and sweep.
type outputFlags struct {
	output string
	binary bool
	digits int
}

// add registers the flags on cmd, with the completion of -o.
func (o *outputFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVarP(&o.output, "output", "o", string(report.FormatTable), "output format: table, json, csv or md")
	cmd.Flags().BoolVar(&o.binary, "binary", false, "use binary prefixes (KiB, MiB, GiB) for bytes")
	cmd.Flags().IntVar(&o.digits, "digits", calc.DefaultDigits, "significant digits to show")
	_ = cmd.RegisterFlagCompletionFunc("output", fixedCompletions(formatNames()...))
}

// check validates the flags, as usage errors, and returns the format.
func (o outputFlags) check() (report.Format, error) {
	f, err := report.ParseFormat(o.output)
	if err != nil {
		return "", usagef("%v", err)
	}
	if o.digits < 1 || o.digits > calc.MaxDigits {
		return "", usagef("--digits must be between 1 and %d, not %d", calc.MaxDigits, o.digits)
	}
	return f, nil
}

// numbers are the format options the flags ask for.
func (o outputFlags) numbers() calc.FormatOptions {
	return calc.FormatOptions{Digits: o.digits, Binary: o.binary}
}
