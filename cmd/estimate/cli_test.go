package main

import (
	"strings"
	"testing"
)

// cliCase is a command line and what it must do: its exit status and a
// part of what it prints on stdout and stderr.
type cliCase struct {
	name   string
	args   []string
	code   int
	stdout string // a part of stdout
	stderr string // a part of stderr
}

// checkCLICases runs each case as a subtest. A failing command must print
// nothing on stdout: scripts read it.
func checkCLICases(t *testing.T, cases []cliCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tc.code, errOut)
			}
			if !strings.Contains(out, tc.stdout) {
				t.Errorf("stdout lacks %q:\n%.2000s", tc.stdout, out)
			}
			if !strings.Contains(errOut, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, errOut)
			}
			if tc.code != 0 && out != "" {
				t.Errorf("a failed %s wrote to stdout:\n%.2000s", tc.args[0], out)
			}
		})
	}
}
