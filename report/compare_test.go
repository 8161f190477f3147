package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

// comparison compares presets at their defaults, as estimate compare does.
func comparison(t *testing.T, names ...string) *scenarios.Comparison {
	t.Helper()
	results := make([]*scenarios.Result, len(names))
	for i, name := range names {
		results[i] = runResult(t, name)
	}
	return scenarios.Compare(results, calc.FormatOptions{})
}

// TestWriteCompare is the golden files of compare chat youtube web-app in
// every format; regenerate with go test ./report -update.
func TestWriteCompare(t *testing.T) {
	c := comparison(t, "chat", "youtube", "web-app")
	for _, f := range []Format{FormatTable, FormatMarkdown, FormatCSV, FormatJSON} {
		t.Run(string(f), func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteCompare(&b, c, f, CompareOptions{Styles: NewStyles(false)}); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(b.String(), "\x1b[") {
				t.Error("plain output holds escape sequences")
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

// TestCompareBars checks, row by row of the text table, that the largest
// value has the longest bar, barWidth full cells, and that no other bar is
// longer; and that a metric a scenario lacks reads "—" with no bar.
func TestCompareBars(t *testing.T) {
	c := comparison(t, "chat", "youtube", "web-app")
	table := compareTable(c, true)
	full := strings.Repeat("█", barWidth)
	if len(table.Rows) != len(c.Rows) {
		t.Fatalf("%d table rows for %d metrics", len(table.Rows), len(c.Rows))
	}
	for r, row := range c.Rows {
		cells := table.Rows[r]
		largest := -1
		for i, cell := range row.Cells {
			if cell.Present && (largest < 0 || cell.Base > row.Cells[largest].Base) {
				largest = i
			}
		}
		if largest < 0 {
			t.Errorf("%s: no scenario has it, yet it has a row", row.Metric)
			continue
		}
		// Columns: metric, then a value and a bar per scenario.
		if got := cells[2+2*largest]; got != full {
			t.Errorf("%s: the largest (%s) has bar %q, want %d full cells", row.Metric, c.Results[largest].Scenario.Name, got, barWidth)
		}
		for i := range row.Cells {
			if got := eighthsOf(t, cells[2+2*i]); got > barWidth*8 {
				t.Errorf("%s: %s's bar is %d eighths, longer than the largest's %d", row.Metric, c.Results[i].Scenario.Name, got, barWidth*8)
			}
		}
	}

	// Metrics that a scenario lacks, as the presets define them.
	missing := []struct {
		metric, scenario, reason string
	}{
		{"qps", "youtube", "youtube counts views (read_qps) and uploads (write_qps), no total"},
		{"read_qps", "chat", "chat counts messages (qps), not reads and writes"},
		{"cache_memory", "chat", "chat's memory is its connections (connection_memory_total), not a cache"},
		{"cache_memory", "youtube", "youtube serves videos from a CDN (cdn_cost_per_day), not a cache"},
		{"cost_per_month", "web-app", "web-app has no cost output"},
	}
	for _, m := range missing {
		t.Run(m.metric+"/"+m.scenario, func(t *testing.T) {
			r, col := rowIndex(c, m.metric), columnIndex(c, m.scenario)
			if r < 0 || col < 0 {
				t.Fatalf("no row %s or column %s", m.metric, m.scenario)
			}
			if c.Rows[r].Cells[col].Present {
				t.Fatalf("%s has %s; the case is wrong (%s)", m.scenario, m.metric, m.reason)
			}
			if got := table.Rows[r][1+2*col]; got != "—" {
				t.Errorf("text table cell = %q, want — (%s)", got, m.reason)
			}
			if got := table.Rows[r][2+2*col]; got != "" {
				t.Errorf("bar = %q, want none (%s)", got, m.reason)
			}
			if got := compareTable(c, false).Rows[r][1+col]; got != "—" {
				t.Errorf("Markdown cell = %q, want — (%s)", got, m.reason)
			}
		})
	}
}

func rowIndex(c *scenarios.Comparison, metric string) int {
	for i, row := range c.Rows {
		if row.Metric == metric {
			return i
		}
	}
	return -1
}

func columnIndex(c *scenarios.Comparison, scenario string) int {
	for i, r := range c.Results {
		if r.Scenario.Name == scenario {
			return i
		}
	}
	return -1
}

// eighthsOf measures a bar in eighths of a cell: 8 a full block, and the
// partial block that ends it.
func eighthsOf(t *testing.T, bar string) int {
	t.Helper()
	n := 0
	for i, r := range []rune(bar) {
		if r == '█' {
			n += 8
			continue
		}
		k := -1
		for j, e := range eighths {
			if e == string(r) {
				k = j
			}
		}
		if k <= 0 || i != utf8.RuneCountInString(bar)-1 {
			t.Fatalf("bar %q has %q where a full block or its last, partial block goes", bar, r)
		}
		n += k
	}
	return n
}

func TestBar(t *testing.T) {
	cases := []struct {
		share   float64
		eighths int
		reason  string
	}{
		{0, 0, "nothing to show: no bar"},
		{-0.5, 0, "a negative share draws nothing"},
		{0.05, 5, "the sliver logShare gives the least value: 0.05 × 96 = 4.8, rounded to 5 eighths"},
		{0.5, 48, "half of 12 cells: 6 full blocks"},
		{1, 96, "the largest: all 12 cells"},
		{1.5, 96, "a share over 1 is clamped to the full width"},
	}
	for _, tc := range cases {
		got := bar(tc.share, barWidth)
		if n := eighthsOf(t, got); n != tc.eighths {
			t.Errorf("bar(%v) = %q, %d eighths; want %d (%s)", tc.share, got, n, tc.eighths, tc.reason)
		}
	}
}
