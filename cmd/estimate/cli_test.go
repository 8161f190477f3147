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

// completionCase is a shell completion request (the words after
// "__complete") and candidates it must offer.
type completionCase struct {
	args []string
	want []string
}

// checkCompletions runs each request through the command line, as a shell's
// completion script does, and checks that every wanted candidate is offered.
func checkCompletions(t *testing.T, cases []completionCase) {
	t.Helper()
	for _, tc := range cases {
		code, out, _ := runCLI(t, append([]string{"__complete"}, tc.args...)...)
		if code != 0 {
			t.Fatalf("%v: exit status %d", tc.args, code)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: completions lack %q:\n%s", tc.args, w, out)
			}
		}
	}
}
