package tui

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

func TestFit(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want string
	}{
		{"abc", 5, "abc  "},
		{"abcdef", 4, "abc…"},
		{"abc", 0, ""},
		{"µs×", 3, "µs×"},
		{"\x1b[1mbold\x1b[m", 3, "bo…"},
	} {
		if got := ansi.Strip(fit(c.in, c.w)); got != c.want {
			t.Errorf("fit(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}

func TestWindowKeepsTheLineInView(t *testing.T) {
	lines := []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
	for keep := -1; keep < len(lines); keep++ {
		out := window(lines, 3, 4, keep)
		if len(out) != 4 {
			t.Fatalf("window gave %d lines, want 4", len(out))
		}
		if keep >= 0 && !slices.Contains(out, padRight(lines[keep], 3)) {
			t.Fatalf("line %d is out of view: %q", keep, out)
		}
	}
	if out := window(lines[:2], 2, 3, 1); out[2] != "  " {
		t.Fatalf("a short block is not padded: %q", out)
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in, indent string
		w          int
		want       []string
	}{
		{"at least 0 KB, not -1 KB", "", 16, []string{"at least 0 KB,", "not -1 KB"}},
		{"a verylongword", "  ", 6, []string{"  a", "  very", "  long", "  word"}},
		{"", "", 5, []string{""}},
		{"one\ntwo", "", 10, []string{"one", "two"}},
		// A character two cells wide in a room of one is not cut, which
		// would loop for ever; it overhangs instead.
		{"日本", "", 1, []string{"日", "本"}},
	} {
		if got := wrap(c.in, c.indent, c.w); !slices.Equal(got, c.want) {
			t.Errorf("wrap(%q, %q, %d) = %q, want %q", c.in, c.indent, c.w, got, c.want)
		}
	}
}

// TestSpread checks how a label and a figure share a line, and how they
// take more lines when they do not fit: the figure always ends at the right
// edge, and nothing is cut unless one word alone is wider than the pane.
func TestSpread(t *testing.T) {
	for _, c := range []struct {
		label, figure string
		w             int
		want          []string
	}{
		// " qps" (4) + a space + "231 /s" (6) fit in 12 with a cell to spare.
		{" qps", "231 /s", 12, []string{" qps  231 /s"}},
		// One cell between them is enough.
		{" qps", "231 /s", 11, []string{" qps 231 /s"}},
		// A name too long to share the line takes one of its own; the value
		// stays against the right edge on the next.
		{" connection_memory_total", "100 GB", 24, []string{" connection_memory_total", "                  100 GB"}},
		// A label with spaces wraps, its later lines two cells further in,
		// and the figure joins the last line when it fits there.
		{"  1 × Send packet CA → NL → CA", "150 ms", 22, []string{"  1 × Send packet CA →", "    NL → CA     150 ms"}},
		// When it does not, the figure takes a line of its own.
		{"  1 × Send packet CA → NL → CA", "150 ms", 14, []string{"  1 × Send    ", "    packet CA ", "    → NL → CA ", "        150 ms"}},
		// A figure wider than the pane is drawn whole on its own line.
		{" x", "$4,500,000/month", 8, []string{" x      ", "$4,500,000/month"}},
	} {
		var got []string
		for _, l := range spread(c.label, c.figure, c.w) {
			got = append(got, l.label+l.figure)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("spread(%q, %q, %d) =\n%q, want\n%q", c.label, c.figure, c.w, got, c.want)
		}
	}
}

// TestWrapWordsEndsInATinyRoom guards the loop that cuts long words: a room
// of zero or less used to make it cut empty heads for ever.
func TestWrapWordsEndsInATinyRoom(t *testing.T) {
	for _, room := range []int{-3, 0, 1} {
		if got := wrapWords([]string{"ab", "c"}, room); !slices.Equal(got, []string{"a", "b", "c"}) {
			t.Errorf("wrapWords(ab c, %d) = %q, want [a b c]", room, got)
		}
	}
}

func TestLogBars(t *testing.T) {
	got := logBars([]float64{1, 10, 100, 0, -5}, 12)
	want := []int{4, 8, 12, 0, 0}
	if !slices.Equal(got, want) {
		t.Fatalf("logBars = %v, want %v (a third of the bar per tenfold)", got, want)
	}
	if got := logBars([]float64{7, 7}, 5); !slices.Equal(got, []int{5, 5}) {
		t.Fatalf("equal values get %v, want full bars", got)
	}
	if got := barLength(0.01, 10); got != 1 {
		t.Fatalf("a sliver of a share gets %d cells, want 1", got)
	}
}

// The standard metrics come first, in their standard order, then the
// scenario's own in the author's order.
func TestDisplayOrder(t *testing.T) {
	for _, s := range presets(t) {
		r, err := s.Evaluate(nil, calc.FormatOptions{})
		if err != nil {
			t.Fatal(err)
		}
		order, standard := displayOrder(r)
		if len(order) != len(r.Outputs) {
			t.Fatalf("%s: %d outputs ordered of %d", s.Name, len(order), len(r.Outputs))
		}
		last := -1
		for pos, i := range order {
			k := slices.Index(scenarios.StandardMetrics, r.Outputs[i].Name)
			switch {
			case pos < standard && k <= last:
				t.Fatalf("%s: %s is out of the standard order", s.Name, r.Outputs[i].Name)
			case pos >= standard && k >= 0:
				t.Fatalf("%s: the standard %s comes after the scenario's own", s.Name, r.Outputs[i].Name)
			}
			last = max(last, k)
		}
	}
}

// The `?` screen lists every key of the key map. A few bindings share a
// line with their pair ("↑/↓ k/j"); the y/n of the overwrite question is
// shown where it is asked.
func TestHelpListsEveryKey(t *testing.T) {
	k := newKeyMap()
	sharesALine := []string{"PrevTab", "Down", "PageDown", "Bottom", "Right", "FieldDown", "Unmark", "Yes", "No"}
	listed := map[string]bool{}
	for _, g := range k.fullHelpGroups() {
		for _, e := range g.entries {
			listed[strings.Join(e.binding.Keys(), " ")] = true
		}
	}
	v := reflect.ValueOf(k)
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		b := v.Field(i).Interface().(key.Binding)
		if !listed[strings.Join(b.Keys(), " ")] && !slices.Contains(sharesALine, name) {
			t.Errorf("the ? screen does not list %s (%v)", name, b.Keys())
		}
	}
}

// TestPaneMarksHiddenLines: a pane whose body does not fit says, at the
// right of its title, how many lines are hidden above and below; one that
// fits says nothing, and a title with no room for the marks keeps its words.
func TestPaneMarksHiddenLines(t *testing.T) {
	body := []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
	for _, c := range []struct {
		name  string
		pane  []string
		title string
	}{
		// Three rows under the title from line 0: lines 3 to 9 are below.
		{"top", scrolledPane([]string{"Results"}, body, 12, 4, 0), "Results   ↓7"},
		// From line 4: four above, three below.
		{"middle", scrolledPane([]string{"Results"}, body, 14, 4, 4), "Results  ↑4 ↓3"},
		// Scrolled as far as it goes: seven above, none below.
		{"bottom", scrolledPane([]string{"Results"}, body, 12, 4, 99), "Results   ↑7"},
		// Everything fits: no marks.
		{"fits", scrolledPane([]string{"Results"}, body[:3], 12, 4, 0), "Results     "},
		// Keeping line 9 in view from the top of the block leaves lines
		// 0 to 6 above it.
		{"keep", paneBlock([]string{"Results"}, body, 12, 4, 9), "Results   ↑7"},
		// "Results (the last good ones)" has no room for marks in 12 cells.
		{"no room", scrolledPane([]string{"Results (the last good ones)"}, body, 12, 4, 0), "Results (th…"},
	} {
		if got := ansi.Strip(c.pane[0]); got != c.title {
			t.Errorf("%s: title %q, want %q", c.name, got, c.title)
		}
		if len(c.pane) != 4 {
			t.Errorf("%s: %d lines, want 4", c.name, len(c.pane))
		}
	}
}
