package tui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/estimate-dev/estimate/calc"
)

// tablesTab is the Tables tab: the reference tables of the book's chapter
// 2, one at a time, and a field for any availability percentage.
type tablesTab struct {
	which     int // index into referenceTables
	set       int // index into calc.LatencySets()
	scroll    int
	field     field
	availText string // the availability last typed that parsed
	avail     float64
	availErr  error
	format    calc.FormatOptions
}

// referenceTables are the tables the tab shows, in order, with what draws
// each.
var referenceTables = []struct {
	name  string
	lines func(t *tablesTab, w int, st *styles) []string
}{
	{"Powers of two", (*tablesTab).powersLines},
	{"Latency numbers", (*tablesTab).latencyLines},
	{"Availability", (*tablesTab).availabilityLines},
}

// The tables that take keys of their own: s switches the latency figures,
// enter edits the availability.
const (
	latencyTable      = 1
	availabilityTable = 2
)

// availabilityLabel names the availability field.
const availabilityLabel = "Availability "

func newTablesTab(format calc.FormatOptions, st *styles) tablesTab {
	return tablesTab{field: newField(st), availText: "99.95%", avail: 0.9995, format: format}
}

// editing reports whether the availability field is being edited.
func (t *tablesTab) editing() bool { return t.field.active }

// tablesHeadRows is the line of table names above the table, which does
// not scroll.
const tablesHeadRows = 1

// handleKey acts on a key pressed on the Tables tab, rows being the lines
// the table has on screen.
func (t *tablesTab) handleKey(msg tea.KeyPressMsg, k *keyMap, w, rows int) tea.Cmd {
	if t.field.active {
		return t.editKey(msg, k)
	}
	switch {
	case key.Matches(msg, k.Left, k.FocusPrev):
		t.which, t.scroll = (t.which+len(referenceTables)-1)%len(referenceTables), 0
	case key.Matches(msg, k.Right, k.FocusNext):
		t.which, t.scroll = (t.which+1)%len(referenceTables), 0
	case key.Matches(msg, k.LatencySet):
		t.set = (t.set + 1) % len(calc.LatencySets())
	case key.Matches(msg, k.Edit) && t.which == availabilityTable:
		t.field.start(t.availText)
	default:
		t.scroll = k.scroll(msg, t.scroll, len(t.lines(w, nil)), rows)
	}
	return nil
}

// editKey handles a key while the availability is being typed: the table
// follows every keystroke that parses.
func (t *tablesTab) editKey(msg tea.KeyPressMsg, k *keyMap) tea.Cmd {
	switch {
	case key.Matches(msg, k.Commit) && t.availErr == nil:
		t.field.stop()
	case key.Matches(msg, k.Cancel):
		t.field.stop()
		t.setAvailability(t.field.before)
	case key.Matches(msg, k.Commit):
		// A value that does not parse cannot be committed; the error shows.
	default:
		changed, cmd := t.field.update(msg, k.Clear)
		if changed {
			t.setAvailability(t.field.value())
		}
		return cmd
	}
	return nil
}

// setAvailability reads a percentage; a bad one keeps the last good value.
func (t *tablesTab) setAvailability(text string) {
	a, err := calc.ParseAvailability(text)
	t.availErr = err
	if err == nil {
		t.availText, t.avail = text, a
	}
}

// view draws the tab in w×h cells.
func (t *tablesTab) view(w, h int, st *styles) []string {
	names := make([]string, len(referenceTables))
	for i, r := range referenceTables {
		if i == t.which {
			names[i] = st.activeTab.Render(r.name)
		} else {
			names[i] = st.tab.Render(r.name)
		}
	}
	head := strings.Join(names, st.muted.Render(" · "))
	if hint := "   ←/→ another table"; ansi.StringWidth(head+hint) <= w {
		head += st.muted.Render(hint) // the key help says it too, when this has no room
	}
	return scrolledPane([]string{head}, t.lines(w, st), w, h, t.scroll)
}

// lines draws the table shown; st may be nil to count lines only.
func (t *tablesTab) lines(w int, st *styles) []string {
	if st == nil {
		plain := newStyles(true, true)
		st = &plain
	}
	return referenceTables[t.which].lines(t, w, st)
}

func (t *tablesTab) powersLines(w int, st *styles) []string {
	rows := [][]string{}
	for _, r := range calc.PowersOfTwo() {
		rows = append(rows, []string{
			"2^" + strconv.Itoa(r.Power), r.Approx, r.Name, r.Short,
			strconv.FormatFloat(r.Gap*100, 'f', 1, 64) + "%",
			calc.GroupDigits(int64(r.Bytes)), // 2^60 fits in an int64
		})
	}
	// Narrow, the full name goes first (the short one says the same), then
	// the gap; the exact bytes and the approximate value stay.
	lines := textTable([]string{"Power", "Approximate", "Full name", "Short", "Decimal gap", "Bytes"},
		[]bool{false, false, false, false, true, true}, rows, []int{2, 4}, w, st)
	lines = append(lines, "")
	lines = append(lines, mutedWrap("The decimal unit of the same name (1 KB = 1,000 bytes) falls short of the binary one (1 KiB = 1,024 bytes) by the gap shown; estimates use decimal units unless asked for binary ones. Source: System Design Interview, vol. 1, ch. 2.", w, st)...)
	return lines
}

func (t *tablesTab) latencyLines(w int, st *styles) []string {
	set := calc.LatencySets()[t.set]
	lo, hi := math.Inf(1), 0.0
	for _, r := range set.Rows {
		lo, hi = min(lo, r.Seconds), max(hi, r.Seconds)
	}
	values := make([]float64, len(set.Rows))
	for i, r := range set.Rows {
		values[i] = r.Seconds
	}
	// The times matter most, then the operations' names, then the bars:
	// on a narrow screen the bars shrink, then go, and the names are cut.
	nameW, timeW := len("Operation"), len("Time")
	for _, r := range set.Rows {
		nameW = max(nameW, ansi.StringWidth(r.Operation))
		timeW = max(timeW, ansi.StringWidth(seconds(r.Seconds, t.format)))
	}
	barW := min(max(w/5, 4), 24, w-nameW-timeW-4)
	headers, right := []string{"Operation", "Time", "Log scale"}, []bool{false, true, false}
	if barW < minTableBar {
		headers, right = headers[:2], right[:2]
	}
	lengths := logBars(values, max(barW, 1))
	rows := make([][]string, len(set.Rows))
	for i, r := range set.Rows {
		rows[i] = []string{r.Operation, seconds(r.Seconds, t.format)}
		if barW >= minTableBar {
			rows[i] = append(rows[i], bar(lengths[i], barW, st))
		}
	}
	lines := []string{st.heading.Render(set.Title) + st.muted.Render(fmt.Sprintf("  (s: the %s figures)", otherSet(t.set)))}
	lines = append(lines, textTable(headers, right, rows, nil, w, st)...)
	lines = append(lines, "")
	for _, l := range set.Lessons {
		lines = append(lines, mutedWrap("• "+l, w, st)...)
	}
	lines = append(lines, "")
	return append(lines, mutedWrap("Source: "+set.Source, w, st)...)
}

// minTableBar is the narrowest bar worth a column: as wide as its header,
// "Log scale", and wide enough to tell the rows apart.
const minTableBar = 9

// otherSet names the latency set that `s` switches to.
func otherSet(current int) string {
	sets := calc.LatencySets()
	return sets[(current+1)%len(sets)].Name
}

func (t *tablesTab) availabilityLines(w int, st *styles) []string {
	field := st.value.Render(t.availText) + st.muted.Render("  (enter to type another)")
	if t.field.active {
		field = t.field.view()
	}
	lines := []string{availabilityLabel + field}
	if t.field.active && t.availErr != nil {
		for _, l := range wrap(t.availErr.Error(), "  ", w) {
			lines = append(lines, st.errorText.Render(l))
		}
	}
	periods := calc.AvailabilityPeriods()
	headers := []string{"Availability"}
	right := []bool{false}
	for _, p := range periods {
		headers = append(headers, "per "+p.Name)
		right = append(right, true)
	}
	nines := calc.StandardNines()
	rows := make([][]string, 0, len(nines)+1)
	mine := -1
	for _, a := range nines {
		if mine < 0 && t.avail <= a {
			mine = len(rows)
			rows = append(rows, t.downtimeRow(t.avail, "▸ ", periods))
			if t.avail == a {
				continue // one of the nines: marked, not shown twice
			}
		}
		rows = append(rows, t.downtimeRow(a, "  ", periods))
	}
	if mine < 0 {
		mine = len(rows)
		rows = append(rows, t.downtimeRow(t.avail, "▸ ", periods))
	}
	// Narrow, the week goes first, then the quarter: the day, the month
	// and the year are the periods an SLA is written for.
	table := textTable(headers, right, rows, []int{2, 4}, w, st)
	table[mine+1] = st.edited.Render(ansi.Strip(table[mine+1]))
	lines = append(lines, table...)
	lines = append(lines, "")
	return append(lines, mutedWrap("Downtime allowed: (1 − availability) × period, with a 365.25-day year and a month of a twelfth of it, as in the book's table of nines.", w, st)...)
}

// downtimeRow is an availability and the downtime it allows per period.
func (t *tablesTab) downtimeRow(a float64, mark string, periods []calc.Period) []string {
	row := []string{mark + percent(a)}
	for _, p := range periods {
		d, err := calc.Downtime(a, p.Seconds)
		if err != nil {
			row = append(row, "—")
			continue
		}
		row = append(row, seconds(d, t.format))
	}
	return row
}

// textTable lines up rows of plain cells under headers, right-aligning the
// columns marked so. Too wide for w, it first leaves out the columns listed
// in drop, in that order, until the rest fit, and says under the table
// which it left out; then the first column, the rows' names, gives up cells
// (down to 8), so that the figures to its right stay on screen.
func textTable(headers []string, right []bool, rows [][]string, drop []int, w int, st *styles) []string {
	keep := make([]bool, len(headers))
	for i := range keep {
		keep[i] = true
	}
	var left []string
	for _, c := range drop {
		if tableWidth(columnWidths(headers, rows, keep)) <= w {
			break
		}
		keep[c] = false
		left = append(left, headers[c])
	}
	headers, right, rows = keepColumns(headers, keep), keepColumns(right, keep), keepRows(rows, keep)
	widths := columnWidths(headers, rows, nil)
	if over := tableWidth(widths) - w; over > 0 {
		widths[0] = max(widths[0]-over, min(widths[0], 8))
	}
	line := func(cells []string) string {
		parts := make([]string, len(cells))
		for i, c := range cells {
			if i == 0 {
				c = ansi.Truncate(c, widths[0], "…")
			}
			if right[i] {
				parts[i] = padLeft(c, widths[i])
			} else {
				parts[i] = padRight(c, widths[i])
			}
		}
		return strings.Join(parts, "  ")
	}
	out := []string{st.heading.Render(line(headers))}
	for _, r := range rows {
		out = append(out, line(r))
	}
	if len(left) > 0 {
		them := "them"
		if len(left) == 1 {
			them = "it"
		}
		out = append(out, mutedWrap("Left out for want of room: "+strings.Join(left, ", ")+" (a wider terminal shows "+them+").", w, st)...)
	}
	return out
}

// columnWidths is the width of each column, its header's or its widest
// cell's; a column keep marks false counts as 0 (keep nil keeps all).
func columnWidths(headers []string, rows [][]string, keep []bool) []int {
	widths := make([]int, len(headers))
	for i, h := range headers {
		if keep == nil || keep[i] {
			widths[i] = ansi.StringWidth(h)
		}
	}
	for _, r := range rows {
		for i, c := range r {
			if keep == nil || keep[i] {
				widths[i] = max(widths[i], ansi.StringWidth(c))
			}
		}
	}
	return widths
}

// tableWidth is how wide columns of these widths are, two cells apart;
// columns of width 0 take no room.
func tableWidth(widths []int) int {
	total, n := 0, 0
	for _, cw := range widths {
		if cw > 0 {
			total += cw
			n++
		}
	}
	return total + 2*max(n-1, 0)
}

// keepColumns is the items of one row that keep marks.
func keepColumns[T any](items []T, keep []bool) []T {
	var out []T
	for i, it := range items {
		if keep[i] {
			out = append(out, it)
		}
	}
	return out
}

// keepRows is every row with the columns keep marks.
func keepRows(rows [][]string, keep []bool) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = keepColumns(r, keep)
	}
	return out
}

// mutedWrap wraps a note to the width, in the muted style.
func mutedWrap(s string, w int, st *styles) []string {
	lines := wrap(s, "", w)
	for i, l := range lines {
		lines[i] = st.muted.Render(l)
	}
	return lines
}
