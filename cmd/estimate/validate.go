package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
	"github.com/spf13/cobra"
)

const validateExamples = `  estimate validate my-service.yaml
  estimate validate ~/.config/estimate/scenarios/*.yaml`

func newValidateCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check scenario files and report every problem",
		Long: `Check scenario files as estimate loads them: the YAML, unknown or repeated
fields, names, formulas and their units, dependency cycles, bounds, the
latency and availability sections; then compute every output from the
defaults, so that a division by zero shows up here and not in a run.

A valid file prints one line on stdout: "ok  FILE: NAME — N inputs, M
outputs". Every problem of every other file is printed on stderr as
FILE:LINE:COL: message (hint), and the exit status is then 1.`,
		Example:           validateExamples,
		Args:              cobra.MinimumNArgs(1),
		ValidArgsFunction: yamlFiles,
		RunE: func(_ *cobra.Command, paths []string) error {
			return validateFiles(s, paths)
		},
	}
}

// validateFiles checks each file, printing a summary of each valid one on
// stdout and the problems of the others on stderr.
func validateFiles(s *streams, paths []string) error {
	failed := 0
	for _, path := range paths {
		sc, err := validateFile(path)
		if err != nil {
			failed++
			writeProblems(s.err, path, err)
			continue
		}
		fmt.Fprintf(s.out, "ok  %s: %s — %s, %s\n", path, sc.Name, plural(len(sc.Inputs), "input"), plural(len(sc.Outputs), "output"))
	}
	if failed > 0 {
		if len(paths) > 1 {
			fmt.Fprintf(s.err, "%d of %s have problems\n", failed, plural(len(paths), "file"))
		}
		return &silentError{status: 1}
	}
	return nil
}

// validateFile loads a scenario file and evaluates it at its defaults.
func validateFile(path string) (*scenarios.Scenario, error) {
	sc, err := scenarios.LoadFile(path)
	if err != nil {
		return nil, err
	}
	if _, err := sc.Evaluate(nil, calc.FormatOptions{}); err != nil {
		return nil, err
	}
	return sc, nil
}

// writeProblems writes a file's problems one a line, each beginning with
// the file's name.
func writeProblems(w io.Writer, path string, err error) {
	var le *scenarios.LoadError
	var pe *fs.PathError
	var ee *scenarios.EvalError
	switch {
	case errors.As(err, &le):
		for _, p := range le.Problems {
			fmt.Fprintln(w, p.String())
		}
	case errors.As(err, &ee) && ee.File != "":
		fmt.Fprintln(w, err) // it begins with file:line:col already
	case errors.As(err, &pe):
		fmt.Fprintf(w, "%s: %v\n", path, pe.Err)
	default:
		fmt.Fprintf(w, "%s: %v\n", path, err)
	}
}
