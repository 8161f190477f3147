package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/estimate-dev/estimate/scenarios"
)

// overlayKind is a screen drawn over the tabs.
type overlayKind int

const (
	overlayNone overlayKind = iota
	overlayHelp             // every key
	overlayInfo             // the scenario's source and clarifying questions
)

// overlay is the screen over the tabs, if any, and how far it is scrolled.
type overlay struct {
	kind   overlayKind
	scroll int
}

// handleKey scrolls the overlay through its lines, or closes it.
func (o *overlay) handleKey(msg tea.KeyPressMsg, k *keyMap, lines, rows int) {
	switch {
	case key.Matches(msg, k.Cancel, k.Help, k.Info):
		*o = overlay{}
	default:
		o.scroll = k.scroll(msg, o.scroll, lines, rows)
	}
}

// helpLines lists every key in columns that fit w cells.
func helpLines(k keyMap, w, h int, st *styles) []string {
	groups := k.fullHelpGroups()
	keyW, descW := 0, 0
	for _, g := range groups {
		for _, e := range g.entries {
			keyW = max(keyW, ansi.StringWidth(e.keyText()))
			descW = max(descW, ansi.StringWidth(e.what))
		}
	}
	blocks := make([][]string, len(groups))
	for i, g := range groups {
		blocks[i] = []string{st.heading.Render(g.title)}
		for _, e := range g.entries {
			blocks[i] = append(blocks[i], st.accent.Render(padRight(e.keyText(), keyW))+"  "+e.what)
		}
	}
	colW := keyW + 2 + descW
	columns := max(min((w+2)/(colW+2), len(groups)), 1)
	lines := flowColumns(blocks, columns, colW, h-1)
	return append([]string{st.heading.Render("Keys") + st.muted.Render("  (esc or ? closes)")}, lines...)
}

// flowColumns sets blocks in up to n columns of width colW, a blank line
// between blocks, never splitting one. A column takes blocks while they fit
// in h lines (or an nth of the total, if that is more), so that the text
// fills the screen before it needs scrolling.
func flowColumns(blocks [][]string, n, colW, h int) []string {
	total := 0
	for _, b := range blocks {
		total += len(b) + 1
	}
	target := max((total+n-1)/n, h)
	var cols [][]string
	var cur []string
	for _, b := range blocks {
		if len(cur) > 0 && len(cur)+1+len(b) > target && len(cols) < n-1 {
			cols = append(cols, cur)
			cur = nil
		}
		if len(cur) > 0 {
			cur = append(cur, "")
		}
		cur = append(cur, b...)
	}
	cols = append(cols, cur)
	height := 0
	for _, c := range cols {
		height = max(height, len(c))
	}
	blocksOut := make([][]string, len(cols))
	for i, c := range cols {
		blocksOut[i] = window(c, colW, height, -1)
	}
	return hjoin("  ", blocksOut...)
}

// infoLines describe a scenario: title, source, summary and the questions
// asked at the start of the interview, with the answers assumed.
func infoLines(s *scenarios.Scenario, w int, st *styles) []string {
	lines := []string{st.heading.Render(s.Title) + st.muted.Render("  ("+s.Name+"; esc or i closes)")}
	if s.Source != "" {
		lines = append(lines, st.accent.Render("Source: ")+s.Source)
	}
	lines = append(lines, st.muted.Render("File: "+s.Path))
	if s.Summary != "" {
		lines = append(lines, "")
		lines = append(lines, wrap(s.Summary, "", w)...)
	}
	if len(s.Questions) > 0 {
		lines = append(lines, "", st.heading.Render("Clarifying questions"))
	}
	for _, q := range s.Questions {
		for i, l := range wrap(q.Ask, "   ", w) {
			if i == 0 {
				l = "Q " + strings.TrimPrefix(l, "  ")
			}
			lines = append(lines, st.value.Render(l))
		}
		for i, l := range wrap(q.Answer, "   ", w) {
			if i == 0 {
				l = "A " + strings.TrimPrefix(l, "  ")
			}
			lines = append(lines, l)
		}
	}
	lines = append(lines, "")
	return append(lines, mutedWrap("A month is 30 days and a year 365 days, as the book computes; the availability table's year is 365.25 days.", w, st)...)
}
