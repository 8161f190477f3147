package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/estimate-dev/estimate/report"
)

// runCLI runs the command line with no user scenarios (XDG_CONFIG_HOME is
// an empty directory) and returns its exit status and streams.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("NO_COLOR", "1")
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// writeTemp writes a file in a test's temporary directory and returns its
// path.
func writeTemp(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// brokenScenario has three problems: an input below its bound, an unknown
// name in a formula, and an unknown field.
const brokenScenario = `name: broken
inputs:
  - name: users
    value: 1M
  - name: size
    value: -5 KB
    min: 0 KB
outputs:
  - name: qps
    expr: userz * 2/day
    unt: /s
`

// goodScenario is a small valid scenario.
const goodScenario = `name: small
title: A small service
inputs:
  - name: users
    value: 1M
  - name: size
    value: 2 KB
outputs:
  - name: qps
    expr: users * 10/day
    unit: /s
  - name: storage_per_day
    expr: qps * size
    unit: GB/day
`

func TestRunExitStatus(t *testing.T) {
	checkCLICases(t, []cliCase{
		{"good", []string{"run", "web-app"}, 0, "231 /s", ""},
		{"json", []string{"run", "web-app", "-o", "json"}, 0, `"scenario": "web-app"`, ""},
		{"csv", []string{"run", "web-app", "-o", "csv"}, 0, "section,name,value,unit,text,base,base_unit", ""},
		{"markdown", []string{"run", "web-app", "-o", "md", "--work"}, 0, "| `qps`", ""},
		{"work", []string{"run", "web-app", "--work"}, 0, "dau × requests_per_user = 1M × 20/day = 231 /s", ""},
		{"binary", []string{"run", "web-app", "--binary", "--set", "response_size=1 MiB"}, 0, "1 MiB", ""},
		{"digits", []string{"run", "web-app", "--digits", "6"}, 0, "231.481 /s", ""},
		{"unknown scenario", []string{"run", "web-ap"}, 1, "", `no scenario named "web-ap"; did you mean "web-app"?`},
		// An unquoted "--set dau=5 MB" reaches run as the words web-app and MB.
		{"a --set value split by the shell", []string{"run", "web-app", "--set", "dau=5", "MB"}, 2, "", `run takes one scenario name, not 2 words (web-app MB); a --set value with a space needs quotes`},
		{"unknown input", []string{"run", "web-app", "--set", "daus=2M"}, 1, "", `web-app has no input "daus"; did you mean "dau"?`},
		{"unknown input lists inputs", []string{"run", "web-app", "--set", "users=2M"}, 1, "", "inputs: dau, requests_per_user, read_write"},
		{"wrong dimension", []string{"run", "web-app", "--set", "request_size=5 ms"}, 1, "", "request_size is information"},
		{"out of bounds", []string{"run", "web-app", "--set", "cache_share=150%"}, 1, "", "cache_share must be at most 100%, not 150%"},
		{"bad expression", []string{"run", "web-app", "--set", "dau=5 +"}, 1, "", "--set dau=5 +: col 4"},
		{"bad expression caret", []string{"run", "web-app", "--set", "dau=5 +"}, 1, "", "  5 +\n     ^"},
		{"not an assignment", []string{"run", "web-app", "--set", "dau"}, 1, "", "write NAME=VALUE"},
		{"missing name", []string{"run"}, 2, "", "name a scenario"},
		{"two names", []string{"run", "web-app", "chat"}, 2, "", "run takes one scenario name, not 2 (web-app chat); to set them side by side: estimate compare web-app chat"},
		{"bad format", []string{"run", "web-app", "-o", "xml"}, 2, "", `unknown output format "xml"`},
		{"bad digits", []string{"run", "web-app", "--digits", "0"}, 2, "", "--digits must be between 1 and 17"},
		{"unknown flag", []string{"run", "web-app", "--sett", "dau=1"}, 2, "", "unknown flag"},
		{"missing file", []string{"run", "--file", "no-such-file.yaml"}, 1, "", "no-such-file.yaml"},
	})
}

// runJSON runs a scenario with -o json and decodes the result.
func runJSON(t *testing.T, args ...string) report.Run {
	t.Helper()
	code, out, errOut := runCLI(t, append(args, "-o", "json")...)
	if code != 0 {
		t.Fatalf("%v: exit status %d:\n%s", args, code, errOut)
	}
	var doc report.Run
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	return doc
}

// baseOf is the base value of an input or output of a decoded result.
func baseOf(t *testing.T, doc report.Run, name string) float64 {
	t.Helper()
	for _, in := range doc.Inputs {
		if in.Name == name {
			return in.Base
		}
	}
	for _, o := range doc.Outputs {
		if o.Name == name {
			return o.Base
		}
	}
	t.Fatalf("%s has no %s", doc.Scenario, name)
	return 0
}

// within reports whether got is within a relative 1e-9 of want.
func within(got, want float64) bool {
	return math.Abs(got-want) <= 1e-9*math.Abs(want)
}

// TestRunSetMovesResults checks that --set changes results as the formulas
// say. Each case states its arithmetic; bases are in bytes, seconds and
// their quotients.
func TestRunSetMovesResults(t *testing.T) {
	const day = 86400.0
	// web-app's defaults: 1M users × 20 requests/day, 10 reads per write.
	qps := 1e6 * 20 / day                     // 231.48148 /s
	readQPS := qps * 10 / 11                  // 210.43771 /s
	cacheMemory := readQPS * day * 0.2 * 10e3 // 36.4 GB: a day of reads × 20% × 10 KB
	cases := []struct {
		name   string
		args   []string
		metric string
		want   float64
	}{
		{"defaults", []string{"run", "web-app"}, "qps", qps},
		// 2M × 20 / 86,400 = 462.96296 /s: twice the users, twice the requests.
		{"count suffix", []string{"run", "web-app", "--set", "dau=2M"}, "qps", 2 * qps},
		// A bare 2 takes the default's unit, KB: 2 KB = 2,000 bytes.
		{"bare number", []string{"run", "web-app", "--set", "request_size=2"}, "request_size", 2000},
		// storage_per_day = write_qps × request_size = (qps / 11) × 2,000 bytes.
		{"bare number moves storage", []string{"run", "web-app", "--set", "request_size=2"}, "storage_per_day", qps / 11 * 2000},
		// 40% instead of 20% doubles the cache: read_qps × 1 day × 40% × 10 KB.
		{"percentage", []string{"run", "web-app", "--set", "cache_share=40%"}, "cache_memory", 2 * cacheMemory},
		// 20:1 is 20 reads per write: read_qps = qps × 20 / 21.
		{"ratio", []string{"run", "web-app", "--set", "read_write=20:1"}, "read_qps", qps * 20 / 21},
		// write_qps = qps / (1 + 20) = 11.02293 /s.
		{"ratio moves writes", []string{"run", "web-app", "--set", "read_write=20:1"}, "write_qps", qps / 21},
		// Another unit of the same dimension: 0.5 GB = 5e8 bytes.
		{"other unit", []string{"run", "youtube", "--set", "video_size=0.5 GB"}, "video_size", 5e8},
		// youtube's video_size default is 300 MB, so a bare 500 is 500 MB.
		{"bare number in MB", []string{"run", "youtube", "--set", "video_size=500"}, "video_size", 5e8},
		// An expression: 2 × 1M users.
		{"expression", []string{"run", "web-app", "--set", "dau=2 * 1M"}, "qps", 2 * qps},
		// Two settings together: 2M users with 40% cached doubles the cache twice.
		{"two settings", []string{"run", "web-app", "--set", "dau=2M", "--set", "cache_share=40%"}, "cache_memory", 4 * cacheMemory},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := runJSON(t, tc.args...)
			if got := baseOf(t, doc, tc.metric); !within(got, tc.want) {
				t.Errorf("%s = %v, want %v", tc.metric, got, tc.want)
			}
		})
	}
}

// TestRunSetText checks that a set input keeps the text given, normalised:
// a bare number takes the default's unit.
func TestRunSetText(t *testing.T) {
	doc := runJSON(t, "run", "web-app", "--set", "request_size=2", "--set", "dau=2M")
	for _, in := range doc.Inputs {
		switch in.Name {
		case "request_size":
			if in.Expr != "2 KB" || in.Text != "2 KB" || in.Unit != "KB" || in.Value != 2 {
				t.Errorf("request_size = %+v", in)
			}
		case "dau":
			if in.Expr != "2M" || in.Base != 2e6 {
				t.Errorf("dau = %+v", in)
			}
		}
	}
}

// TestRunFile runs a scenario from --file, with and without its name.
func TestRunFile(t *testing.T) {
	dir := t.TempDir()
	good := writeTemp(t, dir, "small.yaml", goodScenario)
	other := writeTemp(t, dir, "other.yaml", strings.Replace(goodScenario, "name: small", "name: other", 1))
	// qps = 1M × 10 / 86,400 = 115.74074 /s.
	for _, args := range [][]string{{"run", "--file", good}, {"run", "small", "--file", good}, {"run", "small", "--file", good, "--file", other}} {
		doc := runJSON(t, args...)
		if got := baseOf(t, doc, "qps"); !within(got, 1e6*10/86400) {
			t.Errorf("%v: qps = %v", args, got)
		}
	}
	code, _, errOut := runCLI(t, "run", "--file", good, "--file", other)
	if code != 2 || !strings.Contains(errOut, "name the one to use") {
		t.Errorf("two files and no name: exit status %d:\n%s", code, errOut)
	}
	broken := writeTemp(t, dir, "broken.yaml", brokenScenario)
	code, _, errOut = runCLI(t, "run", "--file", broken)
	if code != 1 || !strings.Contains(errOut, broken+":10:11: ") {
		t.Errorf("broken file: exit status %d:\n%s", code, errOut)
	}
}

// TestShowRoundTrip checks that show writes a file the loader reads back
// with the values set: show web-app --set dau=2M, then run --file.
func TestShowRoundTrip(t *testing.T) {
	code, out, errOut := runCLI(t, "show", "web-app", "--set", "dau=2M", "--set", "request_size=2")
	if code != 0 {
		t.Fatalf("show: exit status %d:\n%s", code, errOut)
	}
	path := writeTemp(t, t.TempDir(), "x.yaml", out)
	doc := runJSON(t, "run", "--file", path)
	// 2M × 20 / 86,400 = 462.96296 /s.
	if got := baseOf(t, doc, "qps"); !within(got, 2e6*20/86400) {
		t.Errorf("qps = %v after the round trip", got)
	}
	if doc.Inputs[0].Expr != "2M" || baseOf(t, doc, "request_size") != 2000 {
		t.Errorf("inputs after the round trip: %+v", doc.Inputs[:4])
	}
	for _, keep := range []string{"questions:", "help:", "min:", "grows: true", "availability:"} {
		if !strings.Contains(out, keep) {
			t.Errorf("show dropped %q", keep)
		}
	}
}

// TestShowEveryPreset checks that every preset, written by show and read
// back with --file, gives the same results as the preset itself.
func TestShowEveryPreset(t *testing.T) {
	dir := t.TempDir()
	for _, name := range presetOrder {
		t.Run(name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "show", name)
			if code != 0 {
				t.Fatalf("show: exit status %d:\n%s", code, errOut)
			}
			path := writeTemp(t, dir, name+".yaml", out)
			want, got := runJSON(t, "run", name), runJSON(t, "run", "--file", path)
			wantJSON, _ := json.Marshal(want)
			gotJSON, _ := json.Marshal(got)
			if string(gotJSON) != string(wantJSON) {
				t.Errorf("the round trip changed the result:\nwant %s\n got %s", wantJSON, gotJSON)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	dir := t.TempDir()
	good := writeTemp(t, dir, "small.yaml", goodScenario)
	broken := writeTemp(t, dir, "broken.yaml", brokenScenario)

	code, out, errOut := runCLI(t, "validate", good)
	if code != 0 || out != "ok  "+good+": small — 2 inputs, 2 outputs\n" || errOut != "" {
		t.Errorf("good file: exit status %d, stdout %q, stderr %q", code, out, errOut)
	}

	code, out, errOut = runCLI(t, "validate", good, broken)
	if code != 1 {
		t.Errorf("bad file: exit status %d, want 1", code)
	}
	if !strings.Contains(out, "ok  "+good) {
		t.Errorf("the good file is not reported ok:\n%s", out)
	}
	for _, want := range []string{
		broken + ":6:12: size must be at least 0 KB, not -5 KB",
		broken + ":10:11: expr of qps: unknown name \"userz\"",
		"did you mean \"user\" or \"users\"?",
		broken + ":11:5: unknown field \"unt\"",
		"1 of 2 files have problems",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}

	code, _, errOut = runCLI(t, "validate")
	if code != 2 {
		t.Errorf("no file: exit status %d, want 2:\n%s", code, errOut)
	}
	code, _, errOut = runCLI(t, "validate", filepath.Join(dir, "none.yaml"))
	if code != 1 || !strings.Contains(errOut, "none.yaml: no such file or directory") {
		t.Errorf("missing file: exit status %d:\n%s", code, errOut)
	}
}

// presetOrder is the presets in the book's chapter order.
var presetOrder = []string{
	"web-app", "twitter", "rate-limiter", "consistent-hashing", "kv-store", "unique-id", "url-shortener",
	"web-crawler", "notification", "news-feed", "chat", "autocomplete", "youtube", "google-drive",
}

// listDoc is the JSON of estimate list.
type listDoc struct {
	Scenarios []struct {
		Name, Title, Source, Summary, Origin string
		Overrides                            bool
	}
}

func TestList(t *testing.T) {
	code, out, errOut := runCLI(t, "list", "-o", "json")
	if code != 0 {
		t.Fatalf("exit status %d:\n%s", code, errOut)
	}
	var doc listDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range doc.Scenarios {
		names = append(names, s.Name)
		if s.Title == "" || s.Source == "" || s.Summary == "" || s.Origin != "preset" {
			t.Errorf("%s: %+v", s.Name, s)
		}
	}
	if strings.Join(names, " ") != strings.Join(presetOrder, " ") {
		t.Errorf("presets:\n got %v\nwant %v", names, presetOrder)
	}
}

// TestListOverride checks that a user file with a preset's name takes its
// place, and that list says so.
func TestListOverride(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	config := t.TempDir()
	dir := filepath.Join(config, "estimate", "scenarios")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	writeTemp(t, dir, "web-app.yaml", strings.Replace(goodScenario, "name: small", "name: web-app", 1))
	writeTemp(t, dir, "small.yaml", goodScenario)
	t.Setenv("XDG_CONFIG_HOME", config)
	list := func(args ...string) string {
		var out, errOut bytes.Buffer
		if code := run(context.Background(), args, strings.NewReader(""), &out, &errOut); code != 0 {
			t.Fatalf("%v: exit status %d:\n%s", args, code, errOut.String())
		}
		return out.String()
	}
	text := list("list")
	if !strings.Contains(text, "overrides preset: "+filepath.Join(dir, "web-app.yaml")) {
		t.Errorf("list does not say web-app is overridden:\n%s", text)
	}
	var doc listDoc
	if err := json.Unmarshal([]byte(list("list", "-o", "json")), &doc); err != nil {
		t.Fatal(err)
	}
	last := doc.Scenarios[len(doc.Scenarios)-2:]
	if last[0].Name != "small" || last[0].Origin != "user" || last[0].Overrides ||
		last[1].Name != "web-app" || !last[1].Overrides {
		t.Errorf("user scenarios: %+v", last)
	}
	// The user's web-app is the one that runs: 1M × 10 / 86,400 qps.
	if !strings.Contains(list("run", "web-app"), "116 /s") {
		t.Error("run web-app did not run the user's file")
	}
}

func TestRunCompletion(t *testing.T) {
	checkCompletions(t, []completionCase{
		{[]string{"run", ""}, presetOrder},
		{[]string{"run", "you"}, []string{"youtube"}},
		{[]string{"run", "web-app", "--set", ""}, []string{"dau=", "read_write=", "cache_hit="}},
		{[]string{"run", "web-app", "--set", "dau="}, []string{"dau=1M"}},
		{[]string{"run", "web-app", "-o", ""}, []string{"table", "json", "csv", "md"}},
		{[]string{"show", "chat", "--set", "mess"}, []string{"messages_per_user="}},
		{[]string{"list", "-o", ""}, []string{"text", "json"}},
	})
}

// BenchmarkRunJSON is the work of one `estimate run web-app -o json` once
// the process has started: the command line, loading one preset (and no
// other), the evaluation and the JSON.
func BenchmarkRunJSON(b *testing.B) {
	b.Setenv("XDG_CONFIG_HOME", b.TempDir())
	for b.Loop() {
		if code := run(context.Background(), []string{"run", "web-app", "-o", "json"}, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit status %d", code)
		}
	}
}
