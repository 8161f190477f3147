package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

// SweepData is a sweep's points: the swept input's values and, per output
// column, the outputs' base values.
type SweepData struct {
	Scenario *scenarios.Scenario
	Sweep    *scenarios.Sweep
	Outputs  []*scenarios.Output
	Inputs   []float64   // the swept input at each step
	Values   [][]float64 // Values[j][i] is output j at step i
}

// SweepOptions say how WriteSweep shows a sweep.
type SweepOptions struct {
	Styles     Styles
	Numbers    calc.FormatOptions
	Sparklines bool // draw a trend line per output under the text table
}

// MaxSweepTableRows bounds the text table; JSON and CSV take more.
const MaxSweepTableRows = 100_000

// WriteSweep writes a sweep as a table (with a sparkline per output on a
// terminal), CSV (base values, a column per output) or JSON.
func WriteSweep(w io.Writer, d *SweepData, f Format, opts SweepOptions) error {
	switch f {
	case FormatTable, FormatMarkdown:
		if len(d.Inputs) > MaxSweepTableRows {
			return fmt.Errorf("%d steps is too many for a table (at most %d): use -o csv or -o json", len(d.Inputs), MaxSweepTableRows)
		}
		t := sweepTable(d, opts.Numbers)
		if f == FormatMarkdown {
			return t.WriteMarkdown(w)
		}
		if opts.Sparklines {
			// The trend lines are a block of their own, a blank line
			// above the notes.
			t.Footer = append(append(sparklines(d), ""), t.Footer...)
		}
		return t.WriteText(w, opts.Styles)
	case FormatCSV:
		return writeSweepCSV(w, d)
	case FormatJSON:
		return writeJSON(w, newSweepDoc(d, opts.Numbers))
	}
	return fmt.Errorf("unknown output format %q: use %s", f, orList(formats))
}

func sweepTable(d *SweepData, opts calc.FormatOptions) Table {
	in := d.Sweep.Input
	t := Table{Headers: []string{in.Name}, Align: []Alignment{AlignRight}}
	units := make([]calc.Unit, len(d.Outputs))
	for j, o := range d.Outputs {
		t.Headers = append(t.Headers, o.Name)
		t.Align = append(t.Align, AlignRight)
		units[j] = columnUnit(o, d.Values[j], opts)
	}
	for i, x := range d.Inputs {
		row := []string{calc.Show(x, in.Dim, nil, opts).Text}
		for j, o := range d.Outputs {
			row = append(row, calc.Show(d.Values[j][i], o.Dim, &units[j], opts).Text)
		}
		t.Rows = append(t.Rows, row)
	}
	spacing := "linear"
	if d.Sweep.Log {
		spacing = "log"
	}
	t.Footer = []string{fmt.Sprintf("%s from %s to %s, %d steps (%s); other inputs as set.", in.Name, d.Sweep.From.Text, d.Sweep.To.Text, d.Sweep.Steps, spacing), conventionsText}
	return t
}

// columnUnit is the output's declared unit, or the best one for the
// column's largest value, so that a column reads in one unit.
func columnUnit(o *scenarios.Output, vals []float64, opts calc.FormatOptions) calc.Unit {
	if o.Unit != nil {
		return *o.Unit
	}
	largest := 0.0
	for _, v := range vals {
		largest = math.Max(largest, math.Abs(v))
	}
	return calc.BestUnit(largest, o.Dim, opts)
}

// sparkLevels are the heights of a sparkline, lowest first.
var sparkLevels = []rune("▁▂▃▄▅▆▇█")

// sparkWidth is how many points a sparkline shows at most; longer sweeps
// are sampled evenly.
const sparkWidth = 40

func sparklines(d *SweepData) []string {
	width := 0
	for _, o := range d.Outputs {
		width = max(width, len(o.Name))
	}
	lines := make([]string, len(d.Outputs))
	for j, o := range d.Outputs {
		vals := d.Values[j]
		if d.Sweep.Log {
			vals = logValues(vals)
		}
		lines[j] = fmt.Sprintf("%-*s  %s", width, o.Name, sparkline(vals))
	}
	return lines
}

// logValues is vals on a log scale, for the trend lines of a --log sweep,
// which would otherwise crowd every point but the last at the bottom. A
// series with a value that is not positive stays linear.
func logValues(vals []float64) []float64 {
	out := make([]float64, len(vals))
	for i, v := range vals {
		if v <= 0 {
			return vals
		}
		out[i] = math.Log10(v)
	}
	return out
}

// sparkline draws values, sampled to at most sparkWidth points, on a
// linear scale between their least and greatest.
func sparkline(vals []float64) string {
	n := min(len(vals), sparkWidth)
	if n == 0 {
		return ""
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	var b strings.Builder
	for k := 0; k < n; k++ {
		i := k * (len(vals) - 1) / max(n-1, 1)
		level := len(sparkLevels) - 1
		if hi > lo {
			level = int((vals[i] - lo) / (hi - lo) * float64(len(sparkLevels)-1))
		}
		b.WriteRune(sparkLevels[level])
	}
	return b.String()
}

// writeSweepCSV writes base values: a column for the input and each output,
// headed "name (base unit)".
func writeSweepCSV(w io.Writer, d *SweepData) error {
	header := []string{headed(d.Sweep.Input.Name, d.Sweep.Input.Dim)}
	for _, o := range d.Outputs {
		header = append(header, headed(o.Name, o.Dim))
	}
	rows := make([][]string, len(d.Inputs))
	for i, x := range d.Inputs {
		row := make([]string, 0, len(d.Outputs)+1)
		row = append(row, strconv.FormatFloat(x, 'g', -1, 64))
		for j := range d.Outputs {
			row = append(row, strconv.FormatFloat(d.Values[j][i], 'g', -1, 64))
		}
		rows[i] = row
	}
	return WriteCSV(w, header, rows)
}

func headed(name string, d calc.Dim) string {
	if bu := d.BaseUnit(); bu != "" {
		return name + " (" + bu + ")"
	}
	return name
}

// SweepDoc is the JSON document of a sweep.
type SweepDoc struct {
	Scenario    string       `json:"scenario"`
	Input       string       `json:"input"`
	From        Number       `json:"from"`
	To          Number       `json:"to"`
	Steps       int          `json:"steps"`
	Log         bool         `json:"log"`
	Conventions Conventions  `json:"conventions"`
	Points      []SweepPoint `json:"points"`
}

// SweepPoint is one step: the input's value and every output's.
type SweepPoint struct {
	Input   Number            `json:"input"`
	Outputs map[string]Number `json:"outputs"`
}

func newSweepDoc(d *SweepData, opts calc.FormatOptions) SweepDoc {
	in := d.Sweep.Input
	doc := SweepDoc{
		Scenario: d.Scenario.Name, Input: in.Name, Steps: d.Sweep.Steps, Log: d.Sweep.Log,
		From:        Number{Text: d.Sweep.From.Text, Base: d.Sweep.From.Base},
		To:          Number{Text: d.Sweep.To.Text, Base: d.Sweep.To.Base},
		Conventions: Conventions{Month: conventionMonth, Year: conventionYear},
		Points:      make([]SweepPoint, len(d.Inputs)),
	}
	for i, x := range d.Inputs {
		p := SweepPoint{Input: Number{Text: calc.Show(x, in.Dim, nil, opts).Text, Base: x}, Outputs: map[string]Number{}}
		for j, o := range d.Outputs {
			v := d.Values[j][i]
			p.Outputs[o.Name] = Number{Text: calc.Show(v, o.Dim, o.Unit, opts).Text, Base: v}
		}
		doc.Points[i] = p
	}
	return doc
}
