package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/estimate-dev/estimate/scenarios"
)

// sweepData runs a sweep of a preset at its defaults and keeps the named
// outputs, as estimate sweep does.
func sweepData(t *testing.T, name, spec string, steps int, log bool, outputs ...string) *SweepData {
	t.Helper()
	cat, err := scenarios.Open(scenarios.Options{UserDir: "-"})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := cat.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	sw, err := sc.ParseSweep(spec, steps, log)
	if err != nil {
		t.Fatal(err)
	}
	d := &SweepData{Scenario: sc, Sweep: sw, Values: make([][]float64, len(outputs))}
	for _, o := range outputs {
		out, ok := sc.Output(o)
		if !ok {
			t.Fatalf("%s has no output %s", name, o)
		}
		d.Outputs = append(d.Outputs, out)
	}
	err = sw.Run(sc, nil, func(_ int, vals []float64) {
		d.Inputs = append(d.Inputs, vals[sw.Input.Slot()])
		for j, o := range d.Outputs {
			d.Values[j] = append(d.Values[j], vals[o.Slot()])
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestWriteSweep is the golden files of
// sweep web-app dau=1M..100M --steps 5 --log --outputs qps,servers,storage_total
// in every format, the table with and without sparklines; regenerate with
// go test ./report -update.
func TestWriteSweep(t *testing.T) {
	d := sweepData(t, "web-app", "dau=1M..100M", 5, true, "qps", "servers", "storage_total")
	cases := []struct {
		name       string
		format     Format
		sparklines bool
	}{
		{"table", FormatTable, false},
		{"table_sparklines", FormatTable, true},
		{"csv", FormatCSV, false},
		{"json", FormatJSON, false},
		{"md", FormatMarkdown, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteSweep(&b, d, tc.format, SweepOptions{Styles: NewStyles(false), Sparklines: tc.sparklines}); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(b.String(), "\x1b[") {
				t.Error("plain output holds escape sequences")
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

func TestSparkline(t *testing.T) {
	rising := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	long := make([]float64, 1000)
	for i := range long {
		long[i] = float64(i * i)
	}
	cases := []struct {
		name        string
		vals        []float64
		first, last rune
		width       int
		reason      string
	}{
		{"rising", rising, '▁', '█', 10, "the least value is the lowest level, the greatest the highest"},
		{"falling", []float64{5, 4, 3, 2, 1}, '█', '▁', 5, "the scale is the series' own range, whichever way it goes"},
		{"constant", []float64{7, 7, 7, 7}, '█', '█', 4, "a series with no range is drawn flat at full height, so that it shows"},
		{"one point", []float64{3}, '█', '█', 1, "a single value has no range either"},
		{"long", long, '▁', '█', sparkWidth, "a long series is sampled to sparkWidth points, keeping both ends"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := []rune(sparkline(tc.vals))
			if len(got) != tc.width {
				t.Fatalf("sparkline %q has %d points, want %d (%s)", string(got), len(got), tc.width, tc.reason)
			}
			if got[0] != tc.first || got[len(got)-1] != tc.last {
				t.Errorf("sparkline %q runs %q…%q, want %q…%q (%s)", string(got), got[0], got[len(got)-1], tc.first, tc.last, tc.reason)
			}
		})
	}
	// A rising series never steps down; a constant one is one level.
	for _, series := range [][]float64{rising, long} {
		line := []rune(sparkline(series))
		for i := 1; i < len(line); i++ {
			if level(line[i]) < level(line[i-1]) {
				t.Errorf("rising sparkline %q steps down at %d", string(line), i)
			}
		}
	}
	if got := sparkline([]float64{7, 7, 7, 7}); strings.Count(got, "█") != 4 {
		t.Errorf("constant sparkline = %q, want one level throughout", got)
	}
	if got := sparkline(nil); got != "" {
		t.Errorf("sparkline of nothing = %q, want empty", got)
	}
}

// level is a sparkline rune's height, 0 for ▁.
func level(r rune) int {
	for i, l := range sparkLevels {
		if l == r {
			return i
		}
	}
	return -1
}

// TestSweepTooManyRows: more than MaxSweepTableRows steps is an error for
// the table and Markdown, which suggests CSV or JSON; CSV takes them.
func TestSweepTooManyRows(t *testing.T) {
	steps := MaxSweepTableRows + 1
	d := sweepData(t, "web-app", "dau=1M..100M", steps, false, "qps")
	cases := []struct {
		format Format
		want   string // a part of the error, "" for none
		reason string
	}{
		{FormatTable, "use -o csv or -o json", "a table of 100,001 rows is no use to a person"},
		{FormatMarkdown, "use -o csv or -o json", "nor is a Markdown one"},
		{FormatCSV, "", "CSV is for programs: any number of rows"},
	}
	for _, tc := range cases {
		t.Run(string(tc.format), func(t *testing.T) {
			var b bytes.Buffer
			err := WriteSweep(&b, d, tc.format, SweepOptions{Styles: NewStyles(false)})
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("error %v; want none (%s)", err, tc.reason)
			case tc.want == "":
				// A header line, then a line per step.
				if lines := strings.Count(b.String(), "\n"); lines != steps+1 {
					t.Errorf("%d lines, want %d (%s)", lines, steps+1, tc.reason)
				}
			case err == nil || !strings.Contains(err.Error(), tc.want):
				t.Errorf("error %v; want one containing %q (%s)", err, tc.want, tc.reason)
			case b.Len() > 0:
				t.Errorf("wrote %d bytes before failing", b.Len())
			}
		})
	}
}

// TestSweepSparklineFooter: with sparklines, the table ends with one line
// per output, its name padded to the longest and a point per step.
func TestSweepSparklineFooter(t *testing.T) {
	d := sweepData(t, "web-app", "dau=1M..100M", 5, true, "qps", "servers", "storage_total")
	lines := sparklines(d)
	want := []string{"qps", "servers", "storage_total"}
	if len(lines) != len(want) {
		t.Fatalf("%d sparklines, want %d", len(lines), len(want))
	}
	for i, name := range want {
		head := name + strings.Repeat(" ", len("storage_total")-len(name)) + "  "
		if !strings.HasPrefix(lines[i], head) {
			t.Errorf("line %q does not start with %q", lines[i], head)
		}
		// Every output rises with dau, so each line runs ▁ to █.
		spark := strings.TrimPrefix(lines[i], head)
		if utf8.RuneCountInString(spark) != 5 || !strings.HasPrefix(spark, "▁") || !strings.HasSuffix(spark, "█") {
			t.Errorf("%s sparkline = %q, want 5 points from ▁ to █", name, spark)
		}
	}
}
