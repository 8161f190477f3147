package scenarios

import (
	"math"

	"github.com/estimate-dev/estimate/calc"
)

// StandardMetrics are the outputs that mean the same thing in every
// scenario (DESIGN.md), in the order compare shows them.
var StandardMetrics = []string{
	"qps", "read_qps", "write_qps", "peak_qps", "storage_per_day", "storage_total",
	"ingress", "egress", "cache_memory", "servers", "cost_per_month",
}

// Comparison lines up the standard metrics of several results.
type Comparison struct {
	Results []*Result
	Rows    []ComparisonRow
}

// ComparisonRow is one metric across the results, shown in one unit so
// that the columns compare by eye.
type ComparisonRow struct {
	Metric string
	Help   string // the first scenario's help for the metric
	Unit   string // the row's display unit
	Cells  []ComparisonCell
}

// ComparisonCell is one result's value of a metric, if it has the metric.
type ComparisonCell struct {
	Present bool
	Base    float64
	Display calc.Display
	Share   float64 // 0…1: where the value sits on the row's log scale, for bars
}

// Compare builds the rows of every standard metric that any result has.
func Compare(results []*Result, opts calc.FormatOptions) *Comparison {
	c := &Comparison{Results: results}
	for _, metric := range StandardMetrics {
		outs := make([]*OutputResult, len(results))
		var first *OutputResult
		for i, r := range results {
			for j := range r.Outputs {
				if r.Outputs[j].Name == metric {
					outs[i] = &r.Outputs[j]
					if first == nil {
						first = outs[i]
					}
				}
			}
		}
		if first == nil {
			continue
		}
		c.Rows = append(c.Rows, compareRow(metric, first, outs, opts))
	}
	return c
}

func compareRow(metric string, first *OutputResult, outs []*OutputResult, opts calc.FormatOptions) ComparisonRow {
	row := ComparisonRow{Metric: metric, Help: first.Help, Cells: make([]ComparisonCell, len(outs))}
	unit := rowUnit(first, outs, opts)
	row.Unit = unit.Text
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, o := range outs {
		if o != nil && o.Dim == first.Dim && o.Base > 0 {
			lo, hi = math.Min(lo, o.Base), math.Max(hi, o.Base)
		}
	}
	for i, o := range outs {
		if o == nil {
			continue
		}
		cell := ComparisonCell{Present: true, Base: o.Base}
		if o.Dim == first.Dim {
			cell.Display = calc.Show(o.Base, o.Dim, &unit, opts)
			cell.Share = logShare(o.Base, lo, hi)
		} else { // a scenario that gives the name another meaning keeps its own unit
			cell.Display = o.Display
		}
		row.Cells[i] = cell
	}
	return row
}

// rowUnit is the unit declared by the scenario with the row's largest
// value (so, when all declare one unit, that unit), or the best unit for
// that value when it declares none.
func rowUnit(first *OutputResult, outs []*OutputResult, opts calc.FormatOptions) calc.Unit {
	var largest *OutputResult
	for _, o := range outs {
		if o != nil && o.Dim == first.Dim && (largest == nil || math.Abs(o.Base) > math.Abs(largest.Base)) {
			largest = o
		}
	}
	if largest.Unit != nil {
		return *largest.Unit
	}
	return calc.BestUnit(math.Abs(largest.Base), first.Dim, opts)
}

// logShare places v between lo and hi on a log scale: 1 for the largest,
// and at least a sliver for any positive value so that it still shows.
func logShare(v, lo, hi float64) float64 {
	switch {
	case v <= 0:
		return 0
	case hi <= lo:
		return 1
	}
	// The scale spans the row, floored at three decades so that values
	// within a few percent of each other do not look worlds apart.
	span := math.Max(math.Log10(hi/lo), 3)
	share := 1 - math.Log10(hi/v)/span
	return math.Max(share, 0.05)
}
