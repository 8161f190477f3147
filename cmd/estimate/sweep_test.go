package main

import (
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/estimate-dev/estimate/report"
)

func TestSweepExitStatus(t *testing.T) {
	checkCLICases(t, []cliCase{
		// Success. The middle of a log sweep from 1M to 100M in 3 steps is
		// √(1M × 100M) = 10M.
		{"table", []string{"sweep", "web-app", "dau=1M..100M", "--steps", "3", "--log"}, 0, "10 million", ""},
		{"json", []string{"sweep", "web-app", "dau=1M..100M", "--steps", "3", "-o", "json"}, 0, `"scenario": "web-app"`, ""},
		{"csv", []string{"sweep", "web-app", "dau=1M..100M", "--steps", "3", "-o", "csv", "--outputs", "qps"}, 0, "dau,qps (1/s)\n", ""},
		{"markdown", []string{"sweep", "web-app", "dau=1M..100M", "--steps", "3", "-o", "md"}, 0, " dau |", ""},
		// A trailing comma in --outputs names nothing more.
		{"trailing comma", []string{"sweep", "web-app", "dau=1M..100M", "--steps", "2", "-o", "csv", "--outputs", "qps,"}, 0, "dau,qps (1/s)\n", ""},
		// A name given twice is one column.
		{"repeated output", []string{"sweep", "web-app", "dau=1M..100M", "--steps", "2", "-o", "csv", "--outputs", "qps,qps"}, 0, "dau,qps (1/s)\n", ""},
		// 1e-300..1e300 has a ratio of 1e600, past float64; its geometric
		// middle is 1, and qps there is 20/day = 0.000231 /s.
		{"wide log range", []string{"sweep", "web-app", "dau=1e-300..1e300", "--steps", "3", "--log", "--outputs", "qps"}, 0, "0.000231 /s", ""},
		// 100,000 steps is the most a table takes; csv takes more.
		{"table limit", []string{"sweep", "web-app", "dau=1M..100M", "--steps", "100000", "--outputs", "qps"}, 0, "100 million", ""},

		// Exit 1: a scenario, input, range or step count that cannot be swept.
		{"unknown scenario", []string{"sweep", "web-ap", "dau=1M..10M"}, 1, "", `no scenario named "web-ap"; did you mean "web-app"?`},
		{"unknown input", []string{"sweep", "web-app", "daus=1M..10M"}, 1, "", `web-app has no input "daus"; did you mean "dau"?`},
		{"reversed range", []string{"sweep", "web-app", "dau=10M..1M"}, 1, "", "the range 10M..1M is reversed: write the smaller end first (1M..10M)"},
		{"empty range", []string{"sweep", "web-app", "dau=1M..1M"}, 1, "", "the range 1M..1M is empty"},
		{"not a range", []string{"sweep", "web-app", "dau=1M-10M"}, 1, "", "write INPUT=FROM..TO"},
		{"bad value", []string{"sweep", "web-app", "dau=abc..10M"}, 1, "", `sweep from "abc": col 1: unknown name "abc"`},
		{"wrong dimension", []string{"sweep", "web-app", "request_size=1 s..2 s"}, 1, "", "request_size is information"},
		{"out of bounds", []string{"sweep", "web-app", "cache_share=0..200%"}, 1, "", "cache_share must be at most 100%, not 200%"},
		{"zero steps", []string{"sweep", "web-app", "dau=1M..10M", "--steps", "0"}, 1, "", "a sweep needs at least 2 steps, not 0"},
		{"one step", []string{"sweep", "web-app", "dau=1M..10M", "--steps", "1"}, 1, "", "a sweep needs at least 2 steps, not 1"},
		{"too many steps for a table", []string{"sweep", "web-app", "dau=1M..10M", "--steps", "100001"}, 1, "", "--steps 100001 is too many for a table (at most 100000): use -o csv or -o json"},
		{"too many steps for markdown", []string{"sweep", "web-app", "dau=1M..10M", "--steps", "100001", "-o", "md"}, 1, "", "use -o csv or -o json"},
		{"too many steps for anything", []string{"sweep", "web-app", "dau=1M..10M", "--steps", "10000001", "-o", "csv"}, 1, "", "a sweep may have at most 10000000 steps"},
		{"unknown output", []string{"sweep", "web-app", "dau=1M..10M", "--outputs", "qps,servrs"}, 1, "", `web-app has no output "servrs"; did you mean "servers"?`},
		{"unknown output lists outputs", []string{"sweep", "web-app", "dau=1M..10M", "--outputs", "servrs"}, 1, "", "outputs: qps, write_qps"},
		{"log from zero", []string{"sweep", "web-app", "dau=0..10M", "--log"}, 1, "", "a --log sweep needs a positive start, not 0"},
		{"bad --set", []string{"sweep", "web-app", "dau=1M..10M", "--set", "daus=2"}, 1, "", `did you mean "dau"?`},

		// Exit 2: a command line that cannot be acted on.
		{"no range", []string{"sweep", "web-app"}, 2, "", "sweep needs a scenario and a range"},
		{"no arguments", []string{"sweep"}, 2, "", "sweep needs a scenario and a range"},
		{"bad format", []string{"sweep", "web-app", "dau=1M..10M", "-o", "xml"}, 2, "", `unknown output format "xml"`},
		{"bad digits", []string{"sweep", "web-app", "dau=1M..10M", "--digits", "0"}, 2, "", "--digits must be between 1 and 17"},
		// A --set of the swept input would be ignored; say so instead.
		{"set the swept input", []string{"sweep", "web-app", "dau=1M..10M", "--set", "dau=5M"}, 2, "", "--set dau: dau is the input being swept"},
	})
}

// sweepJSON runs a sweep with -o json and decodes the result.
func sweepJSON(t *testing.T, args ...string) report.SweepDoc {
	t.Helper()
	code, out, errOut := runCLI(t, append(append([]string{"sweep"}, args...), "-o", "json")...)
	if code != 0 {
		t.Fatalf("%v: exit status %d:\n%s", args, code, errOut)
	}
	var doc report.SweepDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return doc
}

// TestSweepEndsEqualRun: the first and last points of a sweep equal run
// with the input set to FROM and to TO and the same other --set values.
// The ends are the parsed values themselves, not computed ones, and both
// commands evaluate the same formulas, so they agree exactly.
func TestSweepEndsEqualRun(t *testing.T) {
	cases := []struct {
		name     string
		scenario string
		input    string
		from, to string
		flags    []string // sweep flags besides the range
		sets     []string // --set values both commands take
	}{
		{"linear", "web-app", "dau", "1M", "100M", []string{"--steps", "5"}, nil},
		{"log", "web-app", "dau", "1M", "100M", []string{"--steps", "5", "--log"}, nil},
		// Bare numbers take the default's unit, MB, in the sweep as in --set.
		{"bare numbers, another input set", "youtube", "video_size", "100", "1000", []string{"--steps", "10"}, []string{"dau=10M"}},
		{"two steps", "chat", "dau", "10M", "100M", []string{"--steps", "2"}, []string{"retention=5 years", "message_size=200 bytes"}},
		{"percentages", "web-app", "cache_share", "10%", "40%", []string{"--steps", "4"}, []string{"read_write=20:1"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{tc.scenario, tc.input + "=" + tc.from + ".." + tc.to}
			args = append(args, tc.flags...)
			for _, s := range tc.sets {
				args = append(args, "--set", s)
			}
			doc := sweepJSON(t, args...)
			if len(doc.Points) != doc.Steps {
				t.Fatalf("%d points for %d steps", len(doc.Points), doc.Steps)
			}
			ends := []struct {
				value string
				point report.SweepPoint
			}{{tc.from, doc.Points[0]}, {tc.to, doc.Points[len(doc.Points)-1]}}
			for _, end := range ends {
				runArgs := []string{"run", tc.scenario, "--set", tc.input + "=" + end.value}
				for _, s := range tc.sets {
					runArgs = append(runArgs, "--set", s)
				}
				run := runJSON(t, runArgs...)
				if got, want := end.point.Input.Base, baseOf(t, run, tc.input); got != want {
					t.Errorf("%s=%s: sweep input %v, run %v", tc.input, end.value, got, want)
				}
				if len(end.point.Outputs) != len(run.Outputs) {
					t.Errorf("%s=%s: sweep has %d outputs, run %d", tc.input, end.value, len(end.point.Outputs), len(run.Outputs))
				}
				for _, o := range run.Outputs {
					if got := end.point.Outputs[o.Name].Base; got != o.Base {
						t.Errorf("%s=%s: sweep %s = %v, run %v", tc.input, end.value, o.Name, got, o.Base)
					}
				}
			}
		})
	}
}

// TestSweepCSVManySteps: more steps than a table takes are fine as CSV, a
// header and a line per step. 150,000 evaluations of one preset take
// milliseconds; the output is a few megabytes.
func TestSweepCSVManySteps(t *testing.T) {
	const steps = 150_000
	code, out, errOut := runCLI(t, "sweep", "web-app", "dau=1M..100M", "--steps", strconv.Itoa(steps), "--outputs", "qps", "-o", "csv")
	if code != 0 {
		t.Fatalf("exit status %d:\n%s", code, errOut)
	}
	if lines := strings.Count(out, "\n"); lines != steps+1 {
		t.Errorf("%d lines, want %d: a header and a line per step", lines, steps+1)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// The last row is the range's end: 100M users, 100M × 20 / 86,400 = 23,148.1 /s.
	last := rows[len(rows)-1]
	if last[0] != "1e+08" {
		t.Errorf("last dau = %s, want 1e+08", last[0])
	}
	if qps, _ := strconv.ParseFloat(last[1], 64); !within(qps, 100e6*20/86400) {
		t.Errorf("last qps = %s, want %v", last[1], 100e6*20/86400)
	}
}

// TestSweepOutputs: --outputs picks and orders the columns; without it
// every output is shown.
func TestSweepOutputs(t *testing.T) {
	cases := []struct {
		name    string
		outputs []string // the --outputs flag, if any
		header  string
		reason  string
	}{
		{"picked", []string{"--outputs", "servers,qps"}, "dau,servers,qps (1/s)", "in the order named; servers is a count, with no base unit"},
		{"spaces", []string{"--outputs", " qps , servers "}, "dau,qps (1/s),servers", "names are trimmed"},
		{"all", nil, "dau,qps (1/s),write_qps (1/s),read_qps (1/s),peak_qps (1/s),storage_per_day (byte/s),storage_total (byte),ingress (byte/s),egress (byte/s),cache_memory (byte),servers,db_read_qps (1/s)", "every output of web-app, in its order"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"sweep", "web-app", "dau=1M..2M", "--steps", "2", "-o", "csv"}, tc.outputs...)
			code, out, errOut := runCLI(t, args...)
			if code != 0 {
				t.Fatalf("exit status %d:\n%s", code, errOut)
			}
			if header, _, _ := strings.Cut(out, "\n"); header != tc.header {
				t.Errorf("header = %s, want %s (%s)", header, tc.header, tc.reason)
			}
		})
	}
}
