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
	} {
		if got := wrap(c.in, c.indent, c.w); !slices.Equal(got, c.want) {
			t.Errorf("wrap(%q, %q, %d) = %q, want %q", c.in, c.indent, c.w, got, c.want)
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
