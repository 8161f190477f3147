package report

import (
	"strconv"
	"strings"

	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

// Growth is a run's results at times ahead, with the inputs marked
// `grows: true` compounded at a rate: what `run --growth` adds.
type Growth struct {
	Rate   string   // as given: "10%/month"
	Inputs []string // the inputs that grow
	At     []GrowthPoint
}

// GrowthPoint is the scenario evaluated at one time ahead.
type GrowthPoint struct {
	Label   string  // "3mo", as given
	Seconds float64 // how far ahead
	Factor  float64 // what the growing inputs are multiplied by
	Result  *scenarios.Result
}

// RunGrowth is the JSON of a run's growth.
type RunGrowth struct {
	Rate   string           `json:"rate"`
	Inputs []string         `json:"inputs"`
	At     []RunGrowthPoint `json:"at"`
}

// RunGrowthPoint is one time ahead in JSON: the grown inputs and every
// output, as in the run object.
type RunGrowthPoint struct {
	Label   string      `json:"label"`
	Seconds float64     `json:"seconds"`
	Factor  float64     `json:"factor"`
	Inputs  []RunInput  `json:"inputs"`
	Outputs []RunOutput `json:"outputs"`
}

func newRunGrowth(g *Growth, opts calc.FormatOptions) *RunGrowth {
	out := &RunGrowth{Rate: g.Rate, Inputs: g.Inputs}
	for _, p := range g.At {
		doc := NewRun(p.Result, opts)
		point := RunGrowthPoint{Label: p.Label, Seconds: p.Seconds, Factor: p.Factor, Outputs: doc.Outputs}
		for _, in := range doc.Inputs {
			if contains(g.Inputs, in.Name) {
				point.Inputs = append(point.Inputs, in)
			}
		}
		out.At = append(out.At, point)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// growthTable has a row per growing input and per output, and a column for
// now and for each time ahead.
func growthTable(now *scenarios.Result, g *Growth, opts calc.FormatOptions) Table {
	t := Table{Headers: []string{"", "now"}, Align: []Alignment{AlignLeft, AlignRight}}
	for _, p := range g.At {
		t.Headers = append(t.Headers, "+"+p.Label)
		t.Align = append(t.Align, AlignRight)
	}
	factors := []string{"factor", factorText(1)}
	for _, p := range g.At {
		factors = append(factors, factorText(p.Factor))
	}
	t.Rows = append(t.Rows, factors)
	for _, in := range now.Inputs {
		if !contains(g.Inputs, in.Name) {
			continue
		}
		row := []string{in.Name, inputDisplay(in, opts).Text}
		for _, p := range g.At {
			row = append(row, inputDisplay(p.Result.Inputs[in.Slot()], opts).Text)
		}
		t.Rows = append(t.Rows, row)
	}
	for i, o := range now.Outputs {
		row := []string{o.Name, o.Display.Text}
		for _, p := range g.At {
			row = append(row, p.Result.Outputs[i].Display.Text)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// growthTitle names the section: "Growth at 10%/month (dau grows)".
func growthTitle(g *Growth) string {
	return "Growth at " + g.Rate + " (" + strings.Join(g.Inputs, ", ") + " " + verb(len(g.Inputs)) + ")"
}

func verb(n int) string {
	if n == 1 {
		return "grows"
	}
	return "grow"
}

func writeGrowthText(b *strings.Builder, now *scenarios.Result, opts RunOptions) error {
	if opts.Growth == nil {
		return nil
	}
	t := growthTable(now, opts.Growth, opts.Numbers)
	after := []string{opts.Styles.Muted.Render("Compounded once per period; every other input stays as set.")}
	return writeSection(b, growthTitle(opts.Growth), t, nil, after, opts.Styles)
}

// growthCSVRows are the grown inputs and the outputs at each time ahead,
// with the section "input+3mo" or "output+3mo".
func growthCSVRows(g *RunGrowth) [][]string {
	var rows [][]string
	for _, p := range g.At {
		for _, in := range p.Inputs {
			rows = append(rows, in.csvRow("input+"+p.Label, in.Name))
		}
		for _, o := range p.Outputs {
			rows = append(rows, o.csvRow("output+"+p.Label, o.Name))
		}
	}
	return rows
}

// factorText shows a growth factor: "×1.331".
func factorText(f float64) string { return "×" + strconv.FormatFloat(f, 'g', 4, 64) }
