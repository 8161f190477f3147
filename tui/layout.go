package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// This file holds the few helpers every view is drawn with. A view is a
// block: a slice of lines, each exactly as wide as its pane, so that panes
// join side by side by plain concatenation and the screen never wraps.

// fit cuts a styled line to w cells, ending it with "…" when it is cut, or
// pads it with spaces to w cells.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	width := ansi.StringWidth(s)
	if width > w {
		s = ansi.Truncate(s, w, "…")
		width = ansi.StringWidth(s)
	}
	if width < w {
		s += strings.Repeat(" ", w-width)
	}
	return s
}

// padLeft right-aligns plain text in w cells.
func padLeft(s string, w int) string {
	if n := w - ansi.StringWidth(s); n > 0 {
		return strings.Repeat(" ", n) + s
	}
	return s
}

// padRight left-aligns plain text in w cells.
func padRight(s string, w int) string {
	if n := w - ansi.StringWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// window shows h lines of a block, each fitted to w cells, scrolled so that
// line keep is in view (keep < 0 shows the top). It returns exactly h lines.
func window(lines []string, w, h, keep int) []string {
	return windowFrom(lines, w, h, scrollStart(len(lines), h, keep))
}

// windowFrom shows h lines of a block from line start on, each fitted to w
// cells. It returns exactly h lines.
func windowFrom(lines []string, w, h, start int) []string {
	if h <= 0 {
		return nil
	}
	out := make([]string, h)
	for i := range out {
		if j := start + i; j < len(lines) {
			out[i] = fit(lines[j], w)
		} else {
			out[i] = fit("", w)
		}
	}
	return out
}

// maxScroll is the furthest a block of n lines shown rows at a time can
// scroll: until its last line sits at the bottom, and no further, so that
// a pane is never left showing one line above empty rows.
func maxScroll(n, rows int) int { return max(n-rows, 0) }

// scrolled is the part of a block from a scroll offset on, the offset kept
// within maxScroll: a resize that makes room shows more lines rather than
// leaving the offset where the smaller screen needed it.
func scrolled(lines []string, offset, rows int) []string {
	return lines[min(max(offset, 0), maxScroll(len(lines), rows)):]
}

// scrollStart is the first line to show of n lines in h rows so that line
// keep is visible, with a line of context below it where there is room.
func scrollStart(n, h, keep int) int {
	if keep < 0 || n <= h {
		return 0
	}
	start := min(max(keep+2-h, 0), keep) // a row of context below keep, when there is room for it
	return min(start, n-h)
}

// hjoin puts blocks of equal height side by side, gap between them.
func hjoin(gap string, blocks ...[]string) []string {
	if len(blocks) == 0 {
		return nil
	}
	out := make([]string, len(blocks[0]))
	var b strings.Builder
	for i := range out {
		b.Reset()
		for j, block := range blocks {
			if j > 0 {
				b.WriteString(gap)
			}
			if i < len(block) {
				b.WriteString(block[i])
			}
		}
		out[i] = b.String()
	}
	return out
}

// wrap breaks plain text into lines of at most w cells, at spaces where it
// can and inside words longer than a line where it must. Every line is
// prefixed by indent, which counts towards w.
func wrap(s, indent string, w int) []string {
	room := w - ansi.StringWidth(indent)
	if room < 1 {
		return []string{indent + s}
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		for _, line := range wrapWords(strings.Fields(para), room) {
			out = append(out, indent+line)
		}
	}
	return out
}

// wrapWords fills lines of room cells with words, greedily. A room under
// one cell is taken as one.
func wrapWords(words []string, room int) []string {
	room = max(room, 1)
	var lines []string
	var line strings.Builder
	width := 0
	for _, word := range words {
		ww := ansi.StringWidth(word)
		if width > 0 && width+1+ww > room {
			lines = append(lines, line.String())
			line.Reset()
			width = 0
		}
		for ww > room { // a word longer than a line is cut
			head := ansi.Truncate(word, room-width, "")
			if head == "" {
				// A character wider than the room left (a CJK one in a
				// line of one cell) goes whole rather than never.
				head = string([]rune(word)[:1])
			}
			line.WriteString(head)
			lines = append(lines, line.String())
			line.Reset()
			word = strings.TrimPrefix(word, head)
			ww, width = ansi.StringWidth(word), 0
		}
		if width > 0 {
			line.WriteByte(' ')
			width++
		}
		line.WriteString(word)
		width += ww
	}
	if width > 0 || len(lines) == 0 {
		lines = append(lines, line.String())
	}
	return lines
}

// bar draws a horizontal bar of filled cells out of width, filled and empty
// drawn in their own characters so that the bar reads without colour.
func bar(filled, width int, st *styles) string {
	filled = min(max(filled, 0), width)
	if width <= 0 {
		return ""
	}
	return st.bar.Render(strings.Repeat("█", filled)) + st.barEmpty.Render(strings.Repeat("░", width-filled))
}

// clamp keeps i within [0, n-1], or 0 when n is 0.
func clamp(i, n int) int {
	if n <= 0 {
		return 0
	}
	return min(max(i, 0), n-1)
}
