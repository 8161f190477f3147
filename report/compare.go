package report

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

// CompareOptions say how WriteCompare shows a comparison.
type CompareOptions struct {
	Styles  Styles
	Numbers calc.FormatOptions
}

// barWidth is the width of a comparison bar at its longest, in cells.
const barWidth = 12

// Compare is the JSON document of a comparison: one run object a scenario.
type Compare struct {
	Scenarios []Run `json:"scenarios"`
}

// WriteCompare writes the standard metrics of several results side by
// side: a text table with a bar per cell on a log scale, Markdown, CSV (one
// row per scenario and metric) or JSON ({"scenarios": [run, …]}).
func WriteCompare(w io.Writer, c *scenarios.Comparison, f Format, opts CompareOptions) error {
	switch f {
	case FormatTable:
		return compareTable(c, true).WriteText(w, opts.Styles)
	case FormatMarkdown:
		return compareTable(c, false).WriteMarkdown(w)
	case FormatCSV:
		return writeCompareCSV(w, c)
	case FormatJSON:
		doc := Compare{Scenarios: make([]Run, len(c.Results))}
		for i, r := range c.Results {
			doc.Scenarios[i] = NewRun(r, opts.Numbers)
		}
		return writeJSON(w, doc)
	}
	return fmt.Errorf("unknown output format %q: use %s", f, orList(formats))
}

// compareTable has a row per metric and, per scenario, a value column and
// (in the text table) a bar column.
func compareTable(c *scenarios.Comparison, bars bool) Table {
	t := Table{Headers: []string{"metric"}, Align: []Alignment{AlignLeft}}
	for _, r := range c.Results {
		t.Headers = append(t.Headers, r.Scenario.Name)
		t.Align = append(t.Align, AlignRight)
		if bars {
			t.Headers = append(t.Headers, "")
			t.Align = append(t.Align, AlignLeft)
		}
	}
	for _, row := range c.Rows {
		cells := []string{row.Metric}
		for _, cell := range row.Cells {
			text := "—"
			if cell.Present {
				text = cell.Display.Text
			}
			cells = append(cells, text)
			if bars {
				cells = append(cells, bar(cell.Share, barWidth))
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	note := "— means the scenario has no such metric."
	if bars {
		note = "Bars are on a log scale within each row; " + note
	}
	t.Footer = []string{note, conventionsText}
	if len(c.Rows) == 0 {
		t.Footer = append([]string{"None of these scenarios has a standard metric (" + strings.Join(scenarios.StandardMetrics, ", ") + ")."}, t.Footer...)
	}
	return t
}

// conventionsText is the line of conventions under every table.
const conventionsText = "month = " + conventionMonth + " · year = " + conventionYear

// eighths are the partial blocks that end a bar, so that bars resolve to an
// eighth of a cell.
var eighths = []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// bar draws share (0…1) of width cells.
func bar(share float64, width int) string {
	if share <= 0 || math.IsNaN(share) {
		return ""
	}
	n := int(math.Round(math.Min(share, 1) * float64(width*8)))
	return strings.Repeat("█", n/8) + eighths[n%8]
}

var compareCSVHeader = []string{"scenario", "metric", "value", "unit", "text", "base", "base_unit"}

func writeCompareCSV(w io.Writer, c *scenarios.Comparison) error {
	var rows [][]string
	for _, row := range c.Rows {
		for i, cell := range row.Cells {
			if !cell.Present {
				continue
			}
			o, _ := c.Results[i].Output(row.Metric)
			rows = append(rows, []string{
				c.Results[i].Scenario.Name, row.Metric, fullNumber(cell.Display.Value), cell.Display.Unit,
				cell.Display.Text, fullNumber(cell.Base), o.Dim.BaseUnit(),
			})
		}
	}
	return WriteCSV(w, compareCSVHeader, rows)
}
