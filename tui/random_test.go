package tui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

// randomKeys are the keys the random walk presses: every key the session
// knows, and text that makes good and bad values.
var randomKeys = []string{
	"enter", "tab", "shift+tab", "esc", "up", "down", "left", "right", "pgup", "pgdown",
	"home", "end", "backspace", "space", "ctrl+u",
	"/", "?", "i", "w", "r", "R", "x", "c", "s", "g", "G", "j", "k", "h", "l", "e", "[", "]",
	"1", "2", "3", "4", "5", "0", "M", "K", "%", ".", "+", "*", "(", ")", "a", "t", "o", " ", "-",
}

// TestRandomKeysAndResizes presses thousands of keys and resizes the
// terminal at random (with a fixed seed), checking after each that nothing
// panicked, the screen has the terminal's size and the model holds
// together. Quitting keys are left out so that the walk goes on; no
// command runs, so nothing is written.
func TestRandomKeysAndResizes(t *testing.T) {
	steps := 5000
	if testing.Short() {
		steps = 1000
	}
	rng := rand.New(rand.NewPCG(6, 2026))
	m := newTestModel(t, 80, 24)
	for i := range steps {
		var msg tea.Msg
		if rng.IntN(20) == 0 {
			msg = tea.WindowSizeMsg{Width: 20 + rng.IntN(140), Height: 10 + rng.IntN(40)}
		} else {
			msg = press(randomKeys[rng.IntN(len(randomKeys))])
		}
		m.Update(msg)
		if err := m.consistent(); err != nil {
			t.Fatalf("step %d (%v): %v", i, describe(msg), err)
		}
	}
}

// TestResizeDownToTheSmallest draws every tab and overlay at every size
// from 80×24 down to 20×10 (and below, to 1×1).
func TestResizeDownToTheSmallest(t *testing.T) {
	m := newTestModel(t, 80, 24)
	screens := [][]tea.Msg{keys("1"), keys("1", "tab", "enter"), keys("esc", "2", "space", "down", "space"), keys("3"),
		keys("4"), keys("esc", "?"), keys("esc", "i"), keys("esc", "ctrl+s")}
	for _, screen := range screens {
		send(m, screen...)
		for w := 80; w >= 1; w -= 3 {
			for h := 24; h >= 1; h -= 2 {
				m.Update(tea.WindowSizeMsg{Width: w, Height: h})
				if err := m.consistent(); err != nil {
					t.Fatalf("at %dx%d after %v: %v", w, h, screen, err)
				}
			}
		}
	}
}

func describe(msg tea.Msg) string {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		return "key " + k.String()
	}
	return fmt.Sprintf("%+v", msg)
}

// consistent checks what must hold between any two messages: the screen is
// exactly the terminal's size, every cursor points into its list, and the
// results on screen are those of the values committed, unless an input is
// being edited.
func (m *Model) consistent() error {
	checks := []func() error{m.screenFits, m.estimateHolds, m.compareHolds, m.tablesHold, m.calcHolds}
	for _, check := range checks {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

func (m *Model) screenFits() error {
	lines := strings.Split(m.View().Content, "\n")
	if len(lines) != m.height {
		return fmt.Errorf("the screen has %d lines at height %d", len(lines), m.height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != m.width {
			return fmt.Errorf("line %d is %d cells wide at width %d: %q", i+1, w, m.width, ansi.Strip(l))
		}
	}
	return nil
}

func (m *Model) estimateHolds() error {
	t := &m.estimate
	s := t.ses.scenario
	switch {
	case m.tab < 0 || m.tab >= tabCount:
		return fmt.Errorf("tab %d", m.tab)
	case t.focus < 0 || t.focus >= paneCount:
		return fmt.Errorf("focus %d", t.focus)
	case t.result() == nil || t.result().Scenario != s:
		return fmt.Errorf("the result is not %s's", s.Name)
	case len(s.Inputs) > 0 && (t.input < 0 || t.input >= len(s.Inputs)):
		return fmt.Errorf("input cursor %d of %d", t.input, len(s.Inputs))
	case t.output < 0 || t.output >= max(len(t.ses.order), 1):
		return fmt.Errorf("result cursor %d of %d", t.output, len(t.ses.order))
	case len(t.list.visible) > 0 && (t.list.cursor < 0 || t.list.cursor >= len(t.list.visible)):
		return fmt.Errorf("list cursor %d of %d", t.list.cursor, len(t.list.visible))
	case !t.list.filtering && len(t.list.visible) != len(t.list.all):
		return fmt.Errorf("the list is filtered to %d without a filter", len(t.list.visible))
	case t.edit.active && t.list.filtering:
		return fmt.Errorf("editing an input and the filter at once")
	case t.editErr != nil && !t.edit.active:
		return fmt.Errorf("an edit error without an edit: %v", t.editErr)
	}
	for name := range t.ses.settings {
		if _, ok := s.Input(name); !ok {
			return fmt.Errorf("a setting for %q, which %s lacks", name, s.Name)
		}
	}
	if t.edit.active {
		return nil
	}
	return sameResult(t.result(), s, t.ses.settings)
}

// result is the result on screen.
func (t *estimateTab) result() *scenarios.Result { return t.ses.result }

// sameResult checks that r is what the settings give.
func sameResult(r *scenarios.Result, s *scenarios.Scenario, settings scenarios.Settings) error {
	want, err := s.Evaluate(settings, calc.FormatOptions{})
	if err != nil {
		return fmt.Errorf("the committed values have no result: %v", err)
	}
	for i := range want.Outputs {
		if got, w := r.Outputs[i].Display.Text, want.Outputs[i].Display.Text; got != w {
			return fmt.Errorf("%s shows %s, but the committed values give %s", want.Outputs[i].Name, got, w)
		}
	}
	return nil
}

func (m *Model) compareHolds() error {
	c := &m.compare
	if len(c.marked) > maxCompared {
		return fmt.Errorf("%d scenarios marked", len(c.marked))
	}
	sorted := slices.Clone(c.marked)
	slices.Sort(sorted)
	if len(slices.Compact(sorted)) != len(c.marked) {
		return fmt.Errorf("a scenario marked twice: %v", c.marked)
	}
	if c.cursor < 0 || c.cursor >= len(c.all) {
		return fmt.Errorf("compare cursor %d", c.cursor)
	}
	return nil
}

func (m *Model) tablesHold() error {
	t := &m.tables
	if t.which < 0 || t.which >= len(referenceTables) || t.avail < 0 || t.avail > 1 {
		return fmt.Errorf("table %d, availability %v", t.which, t.avail)
	}
	return nil
}

func (m *Model) calcHolds() error {
	c := &m.calc
	if c.histPos < 0 || c.histPos > len(c.history) || len(c.recent) > maxRecent {
		return fmt.Errorf("history at %d of %d, %d recent", c.histPos, len(c.history), len(c.recent))
	}
	if c.err != nil && c.preview != "" {
		return fmt.Errorf("both a result and an error")
	}
	return nil
}
