package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/estimate-dev/estimate/scenarios"
)

// largestPreset is the preset with the most inputs and outputs, the one
// whose keystrokes cost the most.
func largestPreset(tb testing.TB) *scenarios.Scenario {
	var best *scenarios.Scenario
	for _, s := range presets(tb) {
		if best == nil || len(s.Inputs)+len(s.Outputs) > len(best.Inputs)+len(best.Outputs) {
			best = s
		}
	}
	return best
}

// BenchmarkKeystroke measures what one keystroke in an input costs at
// 140×40: Update (parse the value, evaluate the scenario, format every
// result and its work) and View (draw the whole screen). Keystrokes
// alternate between typing a digit and deleting it, so that the value is
// 2 or 25 and always has a result. The target is under a millisecond.
func BenchmarkKeystroke(b *testing.B) {
	m := newTestModel(b, 140, 40)
	s := largestPreset(b)
	if _, err := m.estimate.open(s); err != nil {
		b.Fatal(err)
	}
	send(m, keys("w", "tab", "enter", "ctrl+u", "2")...) // the work shown, the first input set to 2
	if !m.estimate.edit.active || !m.estimate.showWork {
		b.Fatal("the benchmark is not editing an input with the work shown")
	}
	strokes := []tea.Msg{press("5"), press("backspace")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.Update(strokes[i%2])
		_ = m.View()
	}
	if m.estimate.editErr != nil {
		b.Fatalf("the keystrokes made a value with no result: %v", m.estimate.editErr)
	}
	b.ReportMetric(float64(len(s.Inputs)+len(s.Outputs)), "inputs+outputs")
}
