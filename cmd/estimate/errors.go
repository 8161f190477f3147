package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"charm.land/fang/v2"
	"charm.land/lipgloss/v2"
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
	"github.com/spf13/cobra"
)

// usageError is a command line the program cannot act on: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// silentError has already been reported (a batch's bad lines go to stderr as
// they happen); it only carries the exit status.
type silentError struct{ status int }

func (e *silentError) Error() string { return fmt.Sprintf("exit status %d", e.status) }

// exitStatus maps an error to the process's exit status.
func exitStatus(err error) int {
	var usage *usageError
	var silent *silentError
	switch {
	case errors.As(err, &silent):
		return silent.status
	case errors.As(err, &usage), isCobraUsageError(err):
		return 2
	}
	return 1
}

// isCobraUsageError recognises cobra's own errors about the command line,
// which it returns as plain strings.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "accepts ", "requires at least", "requires at most", "requires exactly"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

// hintedError is an error with advice printed under it: what an input
// holds, or which inputs there are.
type hintedError struct {
	err  error
	hint string
}

func (e *hintedError) Error() string { return e.err.Error() }

func (e *hintedError) Unwrap() error { return e.err }

// printError writes an error for a person: what is wrong, where, and how to
// fix it. An expression error shows the expression with a caret under the
// column; a scenario file's problems are listed one a line as
// file:line:col: message (hint); errors joined together are each printed.
// It is fang's error handler, so every command's errors look alike.
func printError(w io.Writer, styles fang.Styles, err error) {
	var silent *silentError
	if errors.As(err, &silent) {
		return
	}
	st := newErrorStyles()
	for _, e := range flatten(err) {
		writeError(w, st, e)
	}
	var hinted *hintedError
	if errors.As(err, &hinted) {
		fmt.Fprintln(w, "  "+st.hint.Render(hinted.hint))
	}
	if exitStatus(err) == 2 {
		fmt.Fprintln(w, st.hint.Render("Try --help for usage."))
	}
}

// flatten lists the errors joined in err (errors.Join), or err alone.
func flatten(err error) []error {
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range joined.Unwrap() {
		out = append(out, flatten(e)...)
	}
	return out
}

// writeError writes one error: a scenario file's problems one a line, an
// expression error with its caret (after whatever the error says before
// it, such as "--set dau=5 MB +: "), anything else after "Error:".
func writeError(w io.Writer, st errorStyles, err error) {
	var le *scenarios.LoadError
	if errors.As(err, &le) {
		for _, p := range le.Problems {
			fmt.Fprintln(w, p.String())
		}
		return
	}
	var ce *calc.Error
	if errors.As(err, &ce) {
		writeCalcError(w, st, strings.TrimSuffix(err.Error(), ce.Error()), ce)
		return
	}
	fmt.Fprintln(w, st.label.Render("Error:")+" "+err.Error())
}

// writeCalcError prints an expression error with its caret, prefixed with
// where the expression came from ("line 3: ") when it is not the only one.
func writeCalcError(w io.Writer, st errorStyles, where string, e *calc.Error) {
	fmt.Fprintf(w, "%s %s%s\n", st.label.Render("Error:"), where, fmt.Sprintf("col %d: %s", e.Column(), e.Msg))
	src, caret, _ := strings.Cut(e.Caret(), "\n")
	fmt.Fprintln(w, "  "+src)
	fmt.Fprintln(w, "  "+st.caret.Render(caret))
	if e.Hint != "" {
		fmt.Fprintln(w, "  "+st.hint.Render(e.Hint))
	}
}

// errorStyles are the styles of error output. They are built once here;
// lipgloss.Fprint drops the colour when stderr is not a terminal or
// NO_COLOR is set.
type errorStyles struct {
	label, caret, hint lipgloss.Style
}

func newErrorStyles() errorStyles {
	return errorStyles{
		label: lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Red),
		caret: lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Red),
		hint:  lipgloss.NewStyle().Foreground(lipgloss.BrightBlack),
	}
}

// atMostOneScenario is the argument check of the commands that take one
// scenario name. With --set, a second word is most often the end of a value
// that the shell split at a space (--set video_size=500 MB), so the error
// shows how to quote one; without, the user may have meant to compare.
func atMostOneScenario(cmd *cobra.Command, args []string) error {
	if len(args) <= 1 {
		return nil
	}
	words := strings.Join(args, " ")
	if f := cmd.Flags().Lookup("set"); f != nil && f.Changed {
		return usagef("%s takes one scenario name, not %d words (%s); a --set value with a space needs quotes: --set 'video_size=500 MB'",
			cmd.Name(), len(args), words)
	}
	return usagef("%s takes one scenario name, not %d (%s); to set them side by side: estimate compare %s", cmd.Name(), len(args), words, words)
}
