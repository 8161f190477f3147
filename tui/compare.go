package tui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

// maxCompared is how many scenarios the Compare tab sets side by side.
const maxCompared = 4

// compareWide is the width from which the Compare tab shows the picker and
// the table side by side; below it, one above the other.
const compareWide = 110

// compareStackedMin is the height from which the picker and the table fit
// one above the other; below it, only the pane with the focus shows.
const compareStackedMin = 15

// compareHintRows is the height the table pane needs for its title and the
// hint shown until two scenarios are marked, wrapped at 80 columns.
const compareHintRows = 4

// compareTab is the Compare tab: a picker to mark two to four scenarios,
// and a table of their standard metrics side by side, each cell with a bar
// on a log scale so that orders of magnitude read at a glance.
type compareTab struct {
	all     []*scenarios.Scenario
	results []*scenarios.Result // each scenario with its defaults; nil if it has none
	cursor  int
	marked  []int // indexes into all, in the order marked
	table   bool  // the table has the focus
	// chosen is set once the user marks or unmarks: until then the tab
	// marks the scenario open on the Estimate tab, whichever it is.
	chosen bool
	scroll int
	format calc.FormatOptions
}

func newCompareTab(all []*scenarios.Scenario, format calc.FormatOptions) compareTab {
	c := compareTab{all: all, results: make([]*scenarios.Result, len(all)), format: format}
	for i, s := range all {
		if r, err := s.Evaluate(scenarios.Settings{}, format); err == nil {
			c.results[i] = r
		}
	}
	return c
}

// handleKey acts on a key pressed on the Compare tab, drawn in w×h cells
// with current the scenario open on the Estimate tab.
func (c *compareTab) handleKey(msg tea.KeyPressMsg, k *keyMap, w, h int, current *scenarios.Result, n *notice) {
	page := max(h-2, 1)
	switch {
	case key.Matches(msg, k.FocusNext, k.FocusPrev):
		c.table = !c.table
	case c.table:
		plain := newStyles(true, true)
		_, tableW, tableH := c.layout(w, h)
		if cols := c.columns(current); len(cols) >= 2 {
			c.scroll = k.scroll(msg, c.scroll, len(compareLines(cols, tableW, c.format, &plain))-1, tableH-compareHeadRows)
		}
	case key.Matches(msg, k.Mark):
		c.toggle(c.cursor, n)
	case key.Matches(msg, k.Unmark):
		c.marked, c.scroll, c.chosen = c.marked[:0], 0, true
	default:
		c.cursor, _ = k.motion(msg, c.cursor, len(c.all), page)
	}
}

// follow marks the scenario open on the Estimate tab, as the first of
// those to compare, until the user has chosen marks of their own.
func (c *compareTab) follow(open *scenarios.Scenario) {
	if c.chosen {
		return
	}
	if i := slices.Index(c.all, open); i >= 0 {
		c.marked, c.cursor = []int{i}, i
	}
}

// toggle marks or unmarks scenario i.
func (c *compareTab) toggle(i int, n *notice) {
	c.scroll, c.chosen = 0, true // another table: start at its top
	if j := slices.Index(c.marked, i); j >= 0 {
		c.marked = slices.Delete(c.marked, j, j+1)
		return
	}
	if len(c.marked) >= maxCompared {
		n.fail(fmt.Errorf("compare at most %d scenarios: unmark one first", maxCompared))
		return
	}
	c.marked = append(c.marked, i)
}

// columns are the results compared: the marked scenarios, the one open on
// the Estimate tab with the user's inputs.
func (c *compareTab) columns(current *scenarios.Result) []*scenarios.Result {
	cols := make([]*scenarios.Result, 0, len(c.marked))
	for _, i := range c.marked {
		r := c.results[i]
		if current != nil && current.Scenario == c.all[i] {
			r = current
		}
		if r != nil {
			cols = append(cols, r)
		}
	}
	return cols
}

// comparePickerW is the picker's width beside the table on a wide screen.
const comparePickerW = 26

// layout splits w×h cells between the picker and the table. Wide, the
// picker stands beside the table. Narrower, it sits above it, a few rows
// high and scrolling with its cursor, so that both show at 80×24. On a
// very short screen only the pane with the focus shows: the other gets 0.
func (c *compareTab) layout(w, h int) (pickerH, tableW, tableH int) {
	switch {
	case w >= compareWide:
		return h, w - comparePickerW - 1, h
	case h < compareStackedMin && c.table:
		return 0, w, h
	case h < compareStackedMin:
		return h, w, 0
	}
	pickerH = max(compareStackedMin/3, h/3)
	if len(c.marked) < 2 {
		// Until two are marked there is no table, only a short hint, so the
		// picker takes the room the hint does not need.
		pickerH = max(pickerH, h-compareHintRows)
	}
	return pickerH, w, h - pickerH
}

// view draws the tab in w×h cells.
func (c *compareTab) view(w, h int, current *scenarios.Result, st *styles) []string {
	pickerH, tableW, tableH := c.layout(w, h)
	if w >= compareWide {
		return hjoin(st.muted.Render("│"), c.pickerView(comparePickerW, pickerH, st), c.tableView(tableW, tableH, current, st))
	}
	return append(c.pickerView(w, pickerH, st), c.tableView(tableW, tableH, current, st)...)
}

func (c *compareTab) pickerView(w, h int, st *styles) []string {
	focused := !c.table
	head := []string{title(fmt.Sprintf("Mark 2–%d (%d marked)", maxCompared, len(c.marked)), focused, st)}
	rows := make([]string, len(c.all))
	for i, s := range c.all {
		box := "[ ] "
		if slices.Contains(c.marked, i) {
			box = "[x] "
		}
		if i == c.cursor {
			rows[i] = highlight(box+s.Name, w, focused, st)
		} else {
			rows[i] = box + s.Name
		}
	}
	return paneBlock(head, rows, w, h, c.cursor)
}

// compareHeadRows are the table pane's lines that do not scroll: its title
// and the row of scenario names, so that the columns stay labelled.
const compareHeadRows = 2

func (c *compareTab) tableView(w, h int, current *scenarios.Result, st *styles) []string {
	cols := c.columns(current)
	head := []string{title("Standard metrics, bars on a log scale", c.table, st)}
	if len(cols) < 2 {
		hint := "Mark two to four scenarios with space to compare them; tab switches to the table."
		return paneBlock(head, wrap(hint, "", w), w, h, -1)
	}
	lines := compareLines(cols, w, c.format, st)
	head = append(head, lines[0])
	return scrolledPane(head, lines[1:], w, h, c.scroll)
}

// compareLines draws the table: a column per scenario, a row per standard
// metric that at least one of them has (scenarios.Compare lines them up,
// each row in one unit, with each value's place on the row's log scale).
func compareLines(cols []*scenarios.Result, w int, format calc.FormatOptions, st *styles) []string {
	cmp := scenarios.Compare(cols, format)
	metricW := 0
	for _, row := range cmp.Rows {
		metricW = max(metricW, len(row.Metric))
	}
	metricW++
	colW := max((w-metricW)/len(cols), 4)
	header := strings.Repeat(" ", metricW)
	for _, r := range cols {
		header += st.heading.Render(padRight(ansi.Truncate(r.Scenario.Name+changedMark(r), colW-1, "…"), colW))
	}
	lines := []string{header}
	if len(cmp.Rows) == 0 {
		lines = append(lines, st.muted.Render("None of these scenarios has a standard metric (qps, storage_total, …)."))
	}
	cells := newCellLayout(cmp.Rows, colW)
	for _, row := range cmp.Rows {
		lines = append(lines, metricRows(row, metricW, cells, st)...)
	}
	lines = append(lines, "", st.muted.Render("Bars are on a log scale; * marks a scenario with your inputs."))
	return lines
}

// changedMark is "*" for a result computed with the user's inputs.
func changedMark(r *scenarios.Result) string {
	for _, in := range r.Inputs {
		if in.Changed {
			return "*"
		}
	}
	return ""
}

// minBar is the shortest bar worth drawing beside a value; with less room
// the bar goes under it.
const minBar = 8

// cellLayout is how every cell of the table splits its width between the
// value and its bar, the same in every row so that the columns line up:
// side by side when the columns are wide, value above bar when narrow.
type cellLayout struct {
	colW, textW, barW int
	oneLine           bool
}

func newCellLayout(rows []scenarios.ComparisonRow, colW int) cellLayout {
	textW := 1
	for _, row := range rows {
		for _, c := range row.Cells {
			textW = max(textW, ansi.StringWidth(cellText(c)))
		}
	}
	if barW := colW - textW - 2; barW >= minBar {
		return cellLayout{colW: colW, textW: textW, barW: barW, oneLine: true}
	}
	return cellLayout{colW: colW, textW: colW - 1, barW: colW - 1}
}

// cellText is a cell's value, or a dash where the scenario lacks the metric.
func cellText(c scenarios.ComparisonCell) string {
	if c.Present {
		return c.Display.Text
	}
	return "—"
}

// metricRows draws one metric across the scenarios.
func metricRows(row scenarios.ComparisonRow, metricW int, l cellLayout, st *styles) []string {
	first := padRight(row.Metric, metricW)
	second := strings.Repeat(" ", metricW)
	for _, c := range row.Cells {
		cell := st.value.Render(padLeft(ansi.Truncate(cellText(c), l.textW, "…"), l.textW))
		b := bar(barLength(c.Share, l.barW), l.barW, st)
		if l.oneLine {
			first += cell + " " + b + " "
			continue
		}
		first += cell + " "
		second += b + " "
	}
	if l.oneLine {
		return []string{first}
	}
	return []string{first, second}
}

// barLength turns a share of a row's log scale into cells of a bar; any
// positive share shows at least one cell.
func barLength(share float64, width int) int {
	if share <= 0 {
		return 0
	}
	return max(1, int(math.Round(share*float64(width))))
}

// logBars sizes bars for values on a log scale of their own: the largest
// fills width, and each tenfold less takes a step off, so that a value a
// thousand times smaller still shows. A value that is not positive has no
// bar.
func logBars(values []float64, width int) []int {
	lo, hi := math.Inf(1), 0.0
	for _, v := range values {
		if v > 0 {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	out := make([]int, len(values))
	if hi == 0 || width <= 0 {
		return out
	}
	span := math.Log10(hi/lo) + 1
	for i, v := range values {
		if v > 0 {
			out[i] = max(1, int(math.Round(float64(width)*(math.Log10(v/lo)+1)/span)))
		}
	}
	return out
}
