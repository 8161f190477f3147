package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// goldenScreens are the views kept as golden files: every tab, and the
// states of the Estimate tab a user meets first. Each is the keys that
// lead to it from the start.
var goldenScreens = []struct {
	name string
	keys []tea.Msg
}{
	{"estimate", nil},
	{"estimate_results_work", keys("tab", "tab", "w")},
	{"estimate_edit_error", join(keys("tab", "enter", "ctrl+u"), typed("40M +"))},
	{"estimate_youtube", join(keys("/"), typed("tube"), keys("enter"))},
	{"estimate_filter", join(keys("/"), typed("e"))},
	{"compare_picker", keys("2")},
	{"compare", join(keys("2", "down", "space"), repeat("down", 9), keys("space", "down", "down", "space", "tab"))},
	{"tables_powers", keys("3")},
	{"tables_latency", keys("3", "right")},
	{"tables_availability", join(keys("3", "left", "enter", "ctrl+u"), typed("99.95"), keys("enter"))},
	{"calc", join(keys("4"), typed("5M * 10% * 300 MB / day to TB/day"), keys("enter"),
		typed("150 TB/day to Gbps"), keys("enter"), typed("10 MB + 5 ms"))},
	{"help", keys("?")},
	{"info", keys("i")},
	{"save_prompt", keys("ctrl+s")},
}

var goldenSizes = [][2]int{{80, 24}, {140, 40}}

// TestGolden compares each screen, drawn with an ASCII colour profile
// (text attributes but no colour), with its golden file. Run with -update
// to rewrite them.
func TestGolden(t *testing.T) {
	for _, size := range goldenSizes {
		for _, s := range goldenScreens {
			t.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], s.name), func(t *testing.T) {
				m := newTestModel(t, size[0], size[1])
				m.opts.Dir = "."
				send(m, s.keys...)
				screen := asciiView(m)
				requireSize(t, screen, size[0], size[1])
				golden.RequireEqual(t, screen)
			})
		}
	}
}

// TestGoldenSmall draws the Estimate tab stacked on a narrow terminal and
// without colour, as NO_COLOR asks.
func TestGoldenSmall(t *testing.T) {
	for _, c := range []struct {
		name    string
		w, h    int
		noColor bool
	}{
		{"stacked_60x24", 60, 24, false},
		{"tiny_20x10", 20, 10, false},
		{"no_color_80x24", 80, 24, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newTestModel(t, c.w, c.h)
			m.opts.NoColor = c.noColor
			m.setStyles(true)
			send(m, keys("tab")...)
			screen := asciiView(m)
			requireSize(t, screen, c.w, c.h)
			if c.noColor && strings.Contains(m.View().Content, "\x1b[38") {
				t.Fatal("a colour was drawn with NO_COLOR")
			}
			golden.RequireEqual(t, screen)
		})
	}
}

// requireSize fails unless the screen is exactly w×h cells.
func requireSize(tb testing.TB, screen string, w, h int) {
	tb.Helper()
	lines := strings.Split(screen, "\n")
	if len(lines) != h {
		tb.Fatalf("the screen has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			tb.Fatalf("line %d is %d cells wide, want %d: %q", i+1, got, w, ansi.Strip(l))
		}
	}
}

// join concatenates message lists.
func join(lists ...[]tea.Msg) []tea.Msg {
	var out []tea.Msg
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// repeat is a key pressed n times.
func repeat(name string, n int) []tea.Msg {
	out := make([]tea.Msg, n)
	for i := range out {
		out[i] = press(name)
	}
	return out
}
