package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

// runResult evaluates a preset, or a scenario file of testdata when name
// ends in .yaml, with the given --set assignments.
func runResult(t *testing.T, name string, sets ...string) *scenarios.Result {
	t.Helper()
	opts := scenarios.Options{UserDir: "-"}
	if strings.HasSuffix(name, ".yaml") {
		opts.Files = []string{"testdata/" + name}
		name = strings.TrimSuffix(name, ".yaml")
	}
	cat, err := scenarios.Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := cat.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	settings, err := sc.Set(sets)
	if err != nil {
		t.Fatal(err)
	}
	r, err := sc.Evaluate(settings, calc.FormatOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// runCases are the golden files of WriteRun: every format of run web-app,
// the table with the work, a changed input, and a scenario with both
// optional sections (whose targets it misses).
var runCases = []struct {
	name     string
	scenario string
	sets     []string
	format   Format
	work     bool
}{
	{"web-app/table", "web-app", nil, FormatTable, false},
	{"web-app/table_work", "web-app", nil, FormatTable, true},
	{"web-app/json", "web-app", nil, FormatJSON, false},
	{"web-app/csv", "web-app", nil, FormatCSV, false},
	{"web-app/md", "web-app", nil, FormatMarkdown, false},
	{"web-app/md_work", "web-app", nil, FormatMarkdown, true},
	{"web-app/table_set", "web-app", []string{"dau=2M", "request_size=2"}, FormatTable, false},
	{"sections/table", "sections.yaml", nil, FormatTable, false},
	{"sections/json", "sections.yaml", nil, FormatJSON, false},
	{"sections/csv", "sections.yaml", nil, FormatCSV, false},
	{"sections/md", "sections.yaml", nil, FormatMarkdown, false},
}

func TestWriteRun(t *testing.T) {
	for _, tc := range runCases {
		t.Run(tc.name, func(t *testing.T) {
			r := runResult(t, tc.scenario, tc.sets...)
			var b bytes.Buffer
			if err := WriteRun(&b, r, tc.format, RunOptions{Work: tc.work, Styles: NewStyles(false)}); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(b.String(), "\x1b[") {
				t.Error("plain output holds escape sequences")
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

// TestWriteRunColor checks that the table is styled with colour styles and
// that the zero Styles write the same text as plain ones.
func TestWriteRunColor(t *testing.T) {
	r := runResult(t, "web-app")
	write := func(st Styles) string {
		var b bytes.Buffer
		if err := WriteRun(&b, r, FormatTable, RunOptions{Work: true, Styles: st}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	plain, zero, color := write(NewStyles(false)), write(Styles{}), write(NewStyles(true))
	if zero != plain {
		t.Errorf("zero Styles differ from plain ones:\n%s\n---\n%s", zero, plain)
	}
	if !strings.Contains(color, "\x1b[") {
		t.Error("colour styles wrote no escape sequence")
	}
}

// TestRunJSONContract decodes the JSON of run web-app and checks the
// contract of README § JSON: the field order, the conventions, inputs and
// outputs with unrounded base values, and the work.
func TestRunJSONContract(t *testing.T) {
	r := runResult(t, "web-app", "dau=2M")
	var b bytes.Buffer
	if err := WriteRun(&b, r, FormatJSON, RunOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	order := []string{`"scenario"`, `"title"`, `"source"`, `"conventions"`, `"inputs"`, `"outputs"`, `"availability"`}
	last := -1
	for _, key := range order {
		i := strings.Index(out, key)
		if i <= last {
			t.Fatalf("%s is out of order in:\n%s", key, out)
		}
		last = i
	}
	var doc Run
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Conventions.Month != "30 days" || doc.Conventions.Year != "365 days" {
		t.Errorf("conventions = %+v", doc.Conventions)
	}
	dau := doc.Inputs[0]
	if dau.Name != "dau" || dau.Expr != "2M" || dau.Base != 2e6 || dau.BaseUnit != "" {
		t.Errorf("dau = %+v", dau)
	}
	// qps = 2M users × 20 requests/day ÷ 86,400 s/day = 462.962962… /s, in
	// full: the text is rounded to 463 /s, the base and value are not.
	qps := doc.Outputs[0]
	want := 2e6 * 20 / 86400
	if qps.Name != "qps" || qps.Text != "463 /s" || qps.Base != want || qps.Value != want || qps.BaseUnit != "1/s" {
		t.Errorf("qps = %+v, want base %v", qps, want)
	}
	if !strings.HasPrefix(qps.Work, "dau × requests_per_user = 2M × 20/day = 463 /s") {
		t.Errorf("qps work = %q", qps.Work)
	}
}

// TestRunInputDisplay checks that an input is shown in the unit of its
// default, whatever unit it was set in.
func TestRunInputDisplay(t *testing.T) {
	cases := []struct {
		set              string
		name             string
		expr, text, unit string
		value, base      float64
	}{
		{"response_size=0.5 MB", "response_size", "0.5 MB", "500 KB", "KB", 500, 5e5},
		{"cache_share=40%", "cache_share", "40%", "40%", "%", 40, 0.4},
		{"request_size=2", "request_size", "2 KB", "2 KB", "KB", 2, 2000},
		{"read_write=20:1", "read_write", "20:1", "20", "", 20, 20},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := NewRun(runResult(t, "web-app", tc.set), calc.FormatOptions{})
			for _, in := range doc.Inputs {
				if in.Name != tc.name {
					continue
				}
				if in.Expr != tc.expr || in.Text != tc.text || in.Unit != tc.unit ||
					!runNear(in.Value, tc.value) || !runNear(in.Base, tc.base) {
					t.Errorf("got %+v", in)
				}
				return
			}
			t.Fatalf("no input %s", tc.name)
		})
	}
}

// runNear compares floats with a relative tolerance.
func runNear(got, want float64) bool {
	return math.Abs(got-want) <= 1e-12*math.Max(math.Abs(want), 1)
}

// TestRunCSV checks that every row has the header's columns and that the
// base column is the JSON's base, in full.
func TestRunCSV(t *testing.T) {
	r := runResult(t, "sections.yaml")
	var b bytes.Buffer
	if err := WriteRun(&b, r, FormatCSV, RunOptions{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "section,name,value,unit,text,base,base_unit" {
		t.Fatalf("header = %s", got)
	}
	sections := map[string]int{}
	for _, row := range rows[1:] {
		sections[row[0]]++
	}
	want := map[string]int{"input": 2, "output": 2, "latency": 4, "availability": 6}
	for s, n := range want {
		if sections[s] != n {
			t.Errorf("%d %s rows, want %d", sections[s], s, n)
		}
	}
}

func TestWriteList(t *testing.T) {
	items := []ListItem{
		{Name: "web-app", Title: "Scale from zero to millions of users", Source: "ch. 1", Summary: "A web app.", Origin: "preset", Path: "presets/web-app.yaml"},
		{Name: "chat", Title: "Design a chat system", Source: "ch. 12", Summary: "Chat.", Origin: "user", Path: "/home/u/.config/estimate/scenarios/chat.yaml", Overrides: true},
		{Name: "mine", Title: "Mine", Origin: "file", Path: "mine.yaml"},
	}
	for _, f := range []Format{FormatTable, FormatJSON} {
		t.Run(string(f), func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteList(&b, items, f, NewStyles(false)); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}
