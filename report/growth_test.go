package report

import (
	"bytes"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

// TestWriteGrowth renders run --growth 10%/month --at 3mo,1y for twitter
// (whose mau grows) in every format.
func TestWriteGrowth(t *testing.T) {
	now := runResult(t, "twitter")
	s := now.Scenario
	g, err := scenarios.ParseGrowth("10%/month")
	if err != nil {
		t.Fatal(err)
	}
	hs, err := scenarios.ParseHorizons("3mo,1y")
	if err != nil {
		t.Fatal(err)
	}
	growth := &Growth{Rate: "10%/month", Inputs: s.GrowingInputs()}
	for _, h := range hs {
		grown, err := s.Grown(nil, g, h.Seconds)
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.Evaluate(grown, calc.FormatOptions{})
		if err != nil {
			t.Fatal(err)
		}
		growth.At = append(growth.At, GrowthPoint{Label: h.Label, Seconds: h.Seconds, Factor: g.Factor(h.Seconds), Result: r})
	}
	for _, f := range []Format{FormatTable, FormatJSON, FormatCSV, FormatMarkdown} {
		t.Run(string(f), func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteRun(&b, now, f, RunOptions{Growth: growth, Styles: NewStyles(false)}); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}
