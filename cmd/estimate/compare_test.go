package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/estimate-dev/estimate/report"
)

func TestCompareExitStatus(t *testing.T) {
	checkCLICases(t, []cliCase{
		// Success: every format; the table has bars, the others none.
		{"table", []string{"compare", "chat", "youtube", "web-app"}, 0, "████████████", ""},
		{"json", []string{"compare", "chat", "youtube", "-o", "json"}, 0, `"scenarios": [`, ""},
		{"csv", []string{"compare", "chat", "youtube", "-o", "csv"}, 0, "scenario,metric,value,unit,text,base,base_unit", ""},
		{"markdown", []string{"compare", "chat", "youtube", "-o", "md"}, 0, "| metric ", ""},
		// An unscoped --set that only some scenarios have applies to those.
		{"set where it exists", []string{"compare", "chat", "youtube", "--set", "video_size=1GB"}, 0, "metric", ""},
		{"scoped set", []string{"compare", "chat", "youtube", "--set", "youtube.dau=10M"}, 0, "metric", ""},

		// Exit 1: a scenario, input or value the program cannot use.
		{"unknown scenario", []string{"compare", "chat", "youtub"}, 1, "", `no scenario named "youtub"; did you mean "youtube"?`},
		{"input no scenario has", []string{"compare", "chat", "youtube", "--set", "daus=1M"}, 1, "", `no compared scenario has an input "daus"; did you mean "dau"?`},
		{"input no scenario has lists inputs", []string{"compare", "chat", "youtube", "--set", "daus=1M"}, 1, "", "their inputs: dau, messages_per_user"},
		// cache_share is web-app's, and web-app is not compared.
		{"input of another scenario", []string{"compare", "chat", "youtube", "--set", "cache_share=40%"}, 1, "", `no compared scenario has an input "cache_share"`},
		{"scoped to a scenario not compared", []string{"compare", "chat", "youtube", "--set", "web-app.dau=1M"}, 1, "", `"web-app" is not one of the compared scenarios (chat, youtube)`},
		{"scoped to an input the scenario lacks", []string{"compare", "chat", "youtube", "--set", "chat.video_size=1GB"}, 1, "", `chat has no input "video_size"`},
		{"bad value", []string{"compare", "chat", "youtube", "--set", "dau=abc"}, 1, "", `unknown name "abc"`},
		{"wrong dimension", []string{"compare", "chat", "youtube", "--set", "video_size=5 ms"}, 1, "", "video_size is information"},
		{"out of bounds", []string{"compare", "web-app", "chat", "--set", "cache_share=150%"}, 1, "", "cache_share must be at most 100%, not 150%"},
		{"not an assignment", []string{"compare", "chat", "youtube", "--set", "dau"}, 1, "", "write [SCENARIO.]NAME=VALUE"},
		{"no input name", []string{"compare", "chat", "youtube", "--set", "=5"}, 1, "", "write [SCENARIO.]NAME=VALUE"},
		{"no scenario name", []string{"compare", "chat", "youtube", "--set", ".dau=1M"}, 1, "", "write [SCENARIO.]NAME=VALUE"},
		{"missing file", []string{"compare", "chat", "youtube", "--file", "no-such-file.yaml"}, 1, "", "no-such-file.yaml"},

		// Exit 2: a command line that cannot be acted on.
		{"one scenario", []string{"compare", "chat"}, 2, "", "compare needs at least two scenarios"},
		{"no scenario", []string{"compare"}, 2, "", "compare needs at least two scenarios"},
		{"bad format", []string{"compare", "chat", "youtube", "-o", "xml"}, 2, "", `unknown output format "xml"`},
		{"bad digits", []string{"compare", "chat", "youtube", "--digits", "0"}, 2, "", "--digits must be between 1 and 17"},
		{"unknown flag", []string{"compare", "chat", "youtube", "--sett", "dau=1"}, 2, "", "unknown flag"},
	})
}

// compareJSON runs compare with -o json and decodes the result.
func compareJSON(t *testing.T, args ...string) report.Compare {
	t.Helper()
	code, out, errOut := runCLI(t, append(append([]string{"compare"}, args...), "-o", "json")...)
	if code != 0 {
		t.Fatalf("%v: exit status %d:\n%s", args, code, errOut)
	}
	var doc report.Compare
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	return doc
}

// comparedRun is the run object of one scenario in a comparison.
func comparedRun(t *testing.T, doc report.Compare, name string) report.Run {
	t.Helper()
	for _, r := range doc.Scenarios {
		if r.Scenario == name {
			return r
		}
	}
	t.Fatalf("the comparison has no %s", name)
	return report.Run{}
}

// TestCompareSet checks that --set input=value reaches every compared
// scenario that has the input, and --set NAME.input=value only NAME. Bases
// are in bytes, seconds and their quotients.
func TestCompareSet(t *testing.T) {
	const day = 86400.0
	cases := []struct {
		name     string
		args     []string
		scenario string
		metric   string
		want     float64
	}{
		// web-app: 2M × 20 requests/day / 86,400 s = 462.96 /s.
		{"unscoped reaches web-app", []string{"web-app", "chat", "--set", "dau=2M"}, "web-app", "qps", 2e6 * 20 / day},
		// chat: 2M × 40 messages/day / 86,400 s = 925.93 /s.
		{"unscoped reaches chat", []string{"web-app", "chat", "--set", "dau=2M"}, "chat", "qps", 2e6 * 40 / day},
		{"unscoped sets the input", []string{"web-app", "chat", "--set", "dau=2M"}, "chat", "dau", 2e6},
		// Only youtube has video_size: 1 GB = 1e9 bytes.
		{"unscoped, one has it", []string{"chat", "youtube", "--set", "video_size=1GB"}, "youtube", "video_size", 1e9},
		// youtube's egress = read_qps × video_size = 5M × 5/day / 86,400 s × 1 GB = 289.35 GB/s.
		{"unscoped, one has it, moves outputs", []string{"chat", "youtube", "--set", "video_size=1GB"}, "youtube", "egress", 5e6 * 5 / day * 1e9},
		// chat lacks video_size and keeps its default 50M users: 50M × 40 / 86,400 = 23,148 /s.
		{"unscoped, the other untouched", []string{"chat", "youtube", "--set", "video_size=1GB"}, "chat", "qps", 50e6 * 40 / day},
		// Scoped: web-app at 2M users, 462.96 /s …
		{"scoped sets its scenario", []string{"web-app", "chat", "--set", "web-app.dau=2M"}, "web-app", "qps", 2e6 * 20 / day},
		// … and chat keeps its default 50M: 23,148 /s.
		{"scoped leaves the others", []string{"web-app", "chat", "--set", "web-app.dau=2M"}, "chat", "dau", 50e6},
		// A bare number takes the default's unit: youtube's video_size is 300 MB, so 500 is 500 MB.
		{"scoped bare number", []string{"chat", "youtube", "--set", "youtube.video_size=500"}, "youtube", "video_size", 5e8},
		// The later --set wins: web-app 3M (scoped, second), chat 2M (unscoped).
		{"later wins, scoped", []string{"web-app", "chat", "--set", "dau=2M", "--set", "web-app.dau=3M"}, "web-app", "dau", 3e6},
		{"later wins, unscoped", []string{"web-app", "chat", "--set", "dau=2M", "--set", "web-app.dau=3M"}, "chat", "dau", 2e6},
		{"later wins, unscoped last", []string{"web-app", "chat", "--set", "web-app.dau=3M", "--set", "dau=2M"}, "web-app", "dau", 2e6},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := compareJSON(t, tc.args...)
			if got := baseOf(t, comparedRun(t, doc, tc.scenario), tc.metric); !within(got, tc.want) {
				t.Errorf("%s %s = %v, want %v", tc.scenario, tc.metric, got, tc.want)
			}
		})
	}
}

// TestCompareJSONEqualsRun: compare's JSON is {"scenarios": [...]}, one
// object per scenario in the order named, each equal to estimate run
// NAME -o json with the --set values that reach that scenario.
func TestCompareJSONEqualsRun(t *testing.T) {
	cases := []struct {
		name    string
		compare []string            // compare's arguments
		runs    map[string][]string // each scenario's run arguments besides its name
	}{
		{"defaults", []string{"chat", "youtube", "web-app"},
			map[string][]string{"chat": nil, "youtube": nil, "web-app": nil}},
		{"unscoped and scoped", []string{"chat", "youtube", "web-app", "--set", "dau=2M", "--set", "youtube.video_size=1GB", "--set", "cache_share=40%"},
			map[string][]string{
				"chat":    {"--set", "dau=2M"},
				"youtube": {"--set", "dau=2M", "--set", "video_size=1GB"},
				"web-app": {"--set", "dau=2M", "--set", "cache_share=40%"},
			}},
		{"digits and binary", []string{"youtube", "web-app", "--digits", "5", "--binary"},
			map[string][]string{"youtube": {"--digits", "5", "--binary"}, "web-app": {"--digits", "5", "--binary"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, append(append([]string{"compare"}, tc.compare...), "-o", "json")...)
			if code != 0 {
				t.Fatalf("exit status %d:\n%s", code, errOut)
			}
			var doc struct {
				Scenarios []map[string]any `json:"scenarios"`
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, a := range tc.compare {
				if strings.HasPrefix(a, "-") {
					break
				}
				names = append(names, a)
			}
			if len(doc.Scenarios) != len(names) {
				t.Fatalf("%d scenarios, want %d", len(doc.Scenarios), len(names))
			}
			for i, name := range names {
				code, runOut, errOut := runCLI(t, append(append([]string{"run", name}, tc.runs[name]...), "-o", "json")...)
				if code != 0 {
					t.Fatalf("run %s: exit status %d:\n%s", name, code, errOut)
				}
				var want map[string]any
				if err := json.Unmarshal([]byte(runOut), &want); err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(doc.Scenarios[i], want) {
					got, _ := json.MarshalIndent(doc.Scenarios[i], "", "  ")
					t.Errorf("scenario %d (%s) differs from run:\ncompare: %s\nrun:     %s", i, name, got, runOut)
				}
			}
		})
	}
}
