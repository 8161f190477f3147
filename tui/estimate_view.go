package tui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

// stackBelow is the width under which the Estimate tab stacks its panes
// instead of setting them side by side.
const stackBelow = 72

// estimateLayout is where the Estimate tab's panes go: side by side on a
// terminal 72 cells wide or more, stacked on a narrower one.
type estimateLayout struct {
	stacked                  bool
	listW, inputsW, resultsW int
	listH, inputsH, resultsH int
}

// layout places the panes. Side by side, the list takes a quarter of the
// width (at most 24 cells), the inputs what their names and values need
// (between a third and a half of the rest) and the results the remainder.
func (t *estimateTab) layout(w, h int) estimateLayout {
	if w >= stackBelow {
		listW := min(max(w/4, 14), 24)
		rest := w - listW - 2
		inputsW := min(max(t.inputsNeed(), rest/3), rest/2)
		return estimateLayout{listW: listW, inputsW: inputsW, resultsW: rest - inputsW, listH: h, inputsH: h, resultsH: h}
	}
	listH := min(max(h/5, 3), h)
	inputsH := (h - listH) / 2
	return estimateLayout{stacked: true, listW: w, inputsW: w, resultsW: w,
		listH: listH, inputsH: inputsH, resultsH: h - listH - inputsH}
}

// inputsNeed is the width the inputs take: marker, name, a space, and the
// default value or the room to type one (minValueRoom), whichever is wider,
// and a cell for the caret. It depends on the scenario alone, so that the
// panes stay put while a value is typed.
func (t *estimateTab) inputsNeed() int {
	nameW, valueW := 0, 0
	for _, in := range t.ses.scenario.Inputs {
		nameW = max(nameW, len(in.Name))
		valueW = max(valueW, ansi.StringWidth(in.Default.Text))
	}
	return 1 + nameW + 1 + max(valueW, minValueRoom) + 1
}

// minValueRoom is the fewest cells the inputs keep for a value, "100 bytes"
// or "10 years": the names give up cells before the values go under it.
const minValueRoom = 9

// view draws the tab in w×h cells.
func (t *estimateTab) view(w, h int, st *styles) []string {
	l := t.layout(w, h)
	list := t.listView(l.listW, l.listH, st)
	inputs := t.inputsView(l.inputsW, l.inputsH, st)
	results := t.resultsView(l.resultsW, l.resultsH, st)
	if l.stacked {
		return append(append(list, inputs...), results...)
	}
	return hjoin(st.muted.Render("│"), list, inputs, results)
}

// valueWidth is how many cells the field of the input being edited has.
func (t *estimateTab) valueWidth(w, h int) int {
	l := t.layout(w, h)
	return max(l.inputsW-t.inputNameWidth(l.inputsW)-2, 4)
}

// paneBlock draws a pane: head lines that stay put, then body lines
// scrolled so that line keep is in view, exactly w×h.
func paneBlock(head, body []string, w, h, keep int) []string {
	rows := max(h-len(head), 0)
	return paneFrom(head, body, w, h, scrollStart(len(body), rows, keep))
}

// scrolledPane draws a pane whose body the user scrolls: from line offset
// on, kept within maxScroll so that a resize that makes room shows more.
func scrolledPane(head, body []string, w, h, offset int) []string {
	rows := max(h-len(head), 0)
	return paneFrom(head, body, w, h, min(max(offset, 0), maxScroll(len(body), rows)))
}

// paneFrom draws a pane with its body shown from line start on, exactly
// w×h. When the body does not fit, the first head line says how many lines
// are out of sight above (↑) and below (↓), where it has the room, so that
// a pane cut at the bottom of the screen does not pass for the whole of it.
func paneFrom(head, body []string, w, h, start int) []string {
	if h <= 0 {
		return nil
	}
	head = head[:min(len(head), h)]
	rows := h - len(head)
	out := make([]string, 0, h)
	marks := scrollMarks(start, len(body)-start-rows)
	for i, line := range head {
		if room := w - ansi.StringWidth(marks) - 1; i == 0 && marks != "" && ansi.StringWidth(line) <= room {
			// At the right edge, like a scroll bar; a title with no room
			// for them keeps its words instead.
			line = fit(line, room) + " " + marks
		}
		out = append(out, fit(line, w))
	}
	return append(out, windowFrom(body, w, rows, start)...)
}

// scrollMarks says how many lines are hidden above and below: "↑3 ↓12",
// "↓2", or "" when none are.
func scrollMarks(above, below int) string {
	var marks []string
	if above > 0 {
		marks = append(marks, "↑"+strconv.Itoa(above))
	}
	if below > 0 {
		marks = append(marks, "↓"+strconv.Itoa(below))
	}
	return strings.Join(marks, " ")
}

// title draws a pane's title, underlined when the pane has the focus.
func title(text string, focused bool, st *styles) string {
	if focused {
		return st.paneTitleFocused.Render(text)
	}
	return st.paneTitle.Render(text)
}

// highlight draws a row under a cursor: reversed across the pane's width
// when the pane has the focus, bold when it has not.
func highlight(plain string, w int, focused bool, st *styles) string {
	if focused {
		return st.cursorRow.Render(fit(plain, w))
	}
	return st.selectedRow.Render(plain)
}

func (t *estimateTab) listView(w, h int, st *styles) []string {
	focused := t.focus == paneList
	count := fmt.Sprintf("Scenarios (%d)", len(t.list.all))
	if len(t.list.visible) < len(t.list.all) {
		count = fmt.Sprintf("Scenarios (%d of %d)", len(t.list.visible), len(t.list.all))
	}
	head := []string{title(count, focused, st)}
	if t.list.filtering {
		head = append(head, st.prompt.Render("/")+t.list.filter.view())
	}
	rows := make([]string, 0, len(t.list.visible))
	for i, j := range t.list.visible {
		s := t.list.all[j]
		mark, style := "  ", st.name
		if s == t.ses.scenario {
			mark, style = "• ", st.value
		}
		if i == t.list.cursor {
			rows = append(rows, highlight(mark+s.Name, w, focused, st))
			continue
		}
		rows = append(rows, style.Render(mark+s.Name))
	}
	if len(rows) == 0 {
		rows = append(rows, st.muted.Render("  no scenario matches"))
	}
	return paneBlock(head, rows, w, h, t.list.cursor)
}

// inputNameWidth is the width of the inputs' name column in a pane w cells
// wide: the longest name, unless that leaves the values less than
// minValueRoom (with the marker, a space and the caret); never under half
// the pane.
func (t *estimateTab) inputNameWidth(w int) int {
	n := 0
	for _, in := range t.ses.scenario.Inputs {
		n = max(n, len(in.Name))
	}
	return max(min(n, w-minValueRoom-3), min(n, w/2), 1)
}

func (t *estimateTab) inputsView(w, h int, st *styles) []string {
	focused := t.focus == paneInputs
	changed := len(t.ses.settings)
	label := "Inputs"
	if changed > 0 {
		label = fmt.Sprintf("Inputs (%d changed)", changed)
	}
	nameW := t.inputNameWidth(w)
	var rows []string
	keep := -1
	for i, in := range t.ses.result.Inputs {
		if i == t.input {
			keep = len(rows)
		}
		marker := " "
		if in.Changed {
			marker = "*"
		}
		name := padRight(in.Name, nameW)
		if len(in.Name) > nameW {
			// A name too long for the column takes a line of its own, the
			// value going under it in the column, rather than lose its end.
			long := marker + fit(in.Name, w-1)
			switch {
			case i == t.input && !t.edit.active:
				rows = append(rows, highlight(long, w, focused, st))
			case i == t.input || in.Changed:
				rows = append(rows, st.edited.Render(long))
			default:
				rows = append(rows, long)
			}
			if i == t.input && h-1 >= 3 {
				// Keeping the value in view keeps the name above it in
				// view too, given three rows; with fewer, the name counts
				// more.
				keep = len(rows)
			}
			marker, name = " ", strings.Repeat(" ", nameW)
		}
		if t.edit.active && i == t.input {
			rows = append(rows, st.edited.Render(marker+name)+" "+t.edit.view())
			if t.editErr != nil {
				rows = append(rows, fieldErrorLines(t.editErr, &t.edit, nameW+2, w, st)...)
			}
			continue
		}
		plain := marker + name + " " + in.Value.Text
		switch {
		case i == t.input:
			rows = append(rows, highlight(plain, w, focused, st))
		case in.Changed:
			rows = append(rows, st.edited.Render(marker+name+" "+in.Value.Text))
		default:
			rows = append(rows, marker+name+" "+st.value.Render(in.Value.Text))
		}
	}
	if keep >= 0 && t.edit.active && t.editErr != nil {
		keep += 2 // keep the error under the field in view too
	}
	rows = append(rows, "")
	rows = append(rows, t.inputDetail(w, st)...)
	return paneBlock([]string{title(label, focused, st)}, rows, w, h, keep)
}

// inputDetail describes the highlighted input: its help, unit, bounds and
// default.
func (t *estimateTab) inputDetail(w int, st *styles) []string {
	if len(t.ses.scenario.Inputs) == 0 {
		return []string{st.muted.Render("This scenario has no inputs.")}
	}
	in := t.ses.scenario.Inputs[clamp(t.input, len(t.ses.scenario.Inputs))]
	var lines []string
	lines = append(lines, st.heading.Render(in.Name))
	for _, l := range wrap(in.Help, "", w) {
		lines = append(lines, st.muted.Render(l))
	}
	facts := []string{"default " + in.Default.Text}
	if u := in.Unit(); u != "" {
		facts = append(facts, "unit "+u)
	}
	if in.Min != nil {
		facts = append(facts, "min "+in.Min.Text)
	}
	if in.Max != nil {
		facts = append(facts, "max "+in.Max.Text)
	}
	for _, l := range wrap(strings.Join(facts, " · "), "", w) {
		lines = append(lines, st.accent.Render(l))
	}
	return lines
}

// fieldErrorLines draws an error under a field: a caret under the column
// at fault when the error has one and the field shows its whole text (a
// scrolled field would put the caret under another character), then the
// message, which names the column in any case.
func fieldErrorLines(err error, f *field, indent, w int, st *styles) []string {
	var lines []string
	text := f.value()
	msg := err.Error()
	var ce *calc.Error
	var ee *scenarios.EvalError
	switch {
	case errors.As(err, &ce):
		col := ce.Column() + len(text) - len(strings.TrimLeft(text, " \t"))
		if indent+col <= w && f.fits() {
			lines = append(lines, strings.Repeat(" ", indent+col-1)+st.bad.Render("^"))
		}
		msg = fmt.Sprintf("col %d: %s", col, ce.Msg)
		if ce.Hint != "" {
			msg += "; " + ce.Hint
		}
	case errors.As(err, &ee):
		msg = fmt.Sprintf("no result for %s = %s: %s", ee.Output, ee.Expr, innerMessage(ee.Err))
	}
	for _, l := range wrap(msg, strings.Repeat(" ", min(indent, w/3)), w) {
		lines = append(lines, st.errorText.Render(l))
	}
	return lines
}

// innerMessage is an evaluation error's message without its column, which
// counts in the formula rather than in the field.
func innerMessage(err error) string {
	var ce *calc.Error
	if errors.As(err, &ce) {
		return ce.Msg
	}
	return err.Error()
}

func (t *estimateTab) resultsView(w, h int, st *styles) []string {
	focused := t.focus == paneResults
	label := "Results"
	if t.editErr != nil {
		label = "Results (the last good ones)"
	}
	r := t.ses.result
	nameW, valueW := 0, 0
	for _, o := range r.Outputs {
		nameW = max(nameW, len(o.Name))
		valueW = max(valueW, ansi.StringWidth(o.Display.Text))
	}
	rowW := min(w, 1+nameW+2+valueW)
	var rows []string
	first, last := -1, -1 // the highlighted result's rows: its name, the end of its work
	for pos, idx := range t.ses.order {
		if pos == t.ses.standard && pos > 0 {
			rows = append(rows, st.muted.Render("── "+t.ses.scenario.Name+"'s own"))
		}
		if pos == t.output {
			first = len(rows)
		}
		o := r.Outputs[idx]
		for _, l := range spread(" "+o.Name, o.Display.Text, rowW) {
			if pos == t.output {
				rows = append(rows, highlight(l.label+l.figure, w, focused, st))
			} else {
				rows = append(rows, l.label+st.value.Render(l.figure))
			}
		}
		if t.showWork {
			rows = append(rows, workLines(o.Work, w, st)...)
		}
		if pos == t.output {
			last = len(rows) - 1
		}
	}
	// Sections line their figures up at 50 cells or the results' width, or
	// wider where a label needs it and the pane has the room.
	steps, components := latencySteps(r.Latency, t.format), availabilityComponents(r.Availability)
	sectionW := sectionWidth(append(slices.Clip(steps), components...), min(w, max(rowW, 50)), w)
	rows = append(rows, latencyLines(r.Latency, steps, sectionW, st, t.format)...)
	rows = append(rows, availabilityLines(r.Availability, components, sectionW, st, t.format)...)
	if focused && len(t.ses.order) > 0 {
		rows = append(rows, "")
		rows = append(rows, outputDetail(r.Outputs[t.ses.order[clamp(t.output, len(t.ses.order))]], w, st)...)
	}
	return paneBlock([]string{title(label, focused, st)}, rows, w, h, resultsKeep(focused, first, last, len(rows), t.output == len(t.ses.order)-1, h-1))
}

// resultsKeep is the row the results pane keeps in view: the end of the
// highlighted result's work, or, on the last result, the end of the pane,
// so that the latency and availability sections below the results can be
// reached; but never so far down that the result's own name scrolls away.
func resultsKeep(focused bool, first, last, n int, onLast bool, bodyRows int) int {
	if !focused || first < 0 {
		return -1
	}
	if onLast {
		last = n - 1
	}
	return max(min(last, first+bodyRows-2), first)
}

// spreadLine is a line of a label and a figure: the label padded so that
// the figure ends at the pane's right edge. Either may be empty.
type spreadLine struct{ label, figure string }

// spread lays out a label and a figure in w cells: on one line, the figure
// against the right edge, when both fit with a cell between them.
// Otherwise the label is wrapped at its spaces, its later lines indented two
// cells more than its first, and the figure goes at the end of its last
// line, or on a line of its own when it does not fit there. A narrow pane
// then costs a line, not the end of a name: at 80 columns
// "connection_memory_total" used to read "connection_memory_to…".
func spread(label, figure string, w int) []spreadLine {
	figureW := ansi.StringWidth(figure)
	if ansi.StringWidth(label)+1+figureW <= w {
		return []spreadLine{{padRight(label, w-figureW), figure}}
	}
	var lines []spreadLine
	for _, l := range wrapHanging(label, w) {
		lines = append(lines, spreadLine{padRight(l, w), ""})
	}
	last := &lines[len(lines)-1]
	if room := w - figureW; ansi.StringWidth(strings.TrimRight(last.label, " "))+1 <= room {
		last.label = padRight(strings.TrimRight(last.label, " "), room)
		last.figure = figure
		return lines
	}
	return append(lines, spreadLine{strings.Repeat(" ", max(w-figureW, 0)), figure})
}

// workLines draws a result's work under it: the formula, then the formula
// with the numbers put in (the result itself is on the row above).
func workLines(work string, w int, st *styles) []string {
	parts := strings.Split(work, " = ")
	if len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	var lines []string
	for i, p := range parts {
		if i > 0 {
			p = "= " + p
		}
		for _, l := range wrap(p, "    ", w) {
			lines = append(lines, st.muted.Render(l))
		}
	}
	return lines
}

// outputDetail describes the highlighted result: its help and formula.
func outputDetail(o scenarios.OutputResult, w int, st *styles) []string {
	lines := []string{st.heading.Render(o.Name)}
	for _, l := range wrap(o.Help, "", w) {
		lines = append(lines, st.muted.Render(l))
	}
	for _, l := range wrap("= "+o.Expr, "", w) {
		lines = append(lines, st.accent.Render(l))
	}
	return lines
}

// sectionHead is a section's heading with its figure against the right
// edge.
func sectionHead(label, figure string, w int, st *styles) string {
	room := max(w-ansi.StringWidth(figure)-1, 1)
	return st.heading.Render(padRight(ansi.Truncate(label, room, "…"), room)) + " " + st.value.Render(figure)
}

// wrapHanging wraps an indented label into lines of w cells, the first at
// the label's own indent and the rest two cells further in, so that they
// read as the first one's continuation.
func wrapHanging(label string, w int) []string {
	indent := label[:len(label)-len(strings.TrimLeft(label, " "))]
	text := strings.Join(strings.Fields(label), " ")
	first := wrap(text, indent, w)[0]
	rest := strings.TrimSpace(strings.TrimPrefix(text, strings.TrimPrefix(first, indent)))
	if rest == "" {
		return []string{first}
	}
	return append([]string{first}, wrap(rest, indent+"  ", w)...)
}

// sectionWidth is the width the sections line their figures up at: w, or
// wider, up to maxW, where a row's label and figure need it. The latency
// and availability sections share it, so their figures end in one column.
func sectionWidth(items []spreadLine, w, maxW int) int {
	for _, it := range items {
		w = max(w, ansi.StringWidth(it.label)+1+ansi.StringWidth(it.figure))
	}
	return min(w, maxW)
}

// sectionRows are the lines of a section's rows, each a label and a figure
// against the right edge of w cells, on as many lines as spread needs.
func sectionRows(items []spreadLine, w int) []string {
	var lines []string
	for _, it := range items {
		for _, l := range spread(it.label, it.figure, w) {
			lines = append(lines, l.label+l.figure)
		}
	}
	return lines
}

// latencyLines draws a latency section: the total, each step priced, and
// whether the total meets the target.
func latencyLines(l *scenarios.LatencyResult, steps []spreadLine, w int, st *styles, format calc.FormatOptions) []string {
	if l == nil {
		return nil
	}
	lines := []string{"", sectionHead("Latency ("+l.Figures+" figures)", seconds(l.Total, format), w, st)}
	lines = append(lines, sectionRows(steps, w)...)
	return append(lines, "  "+verdict(l.Meets, "≤", ">", seconds(l.Target, format), st))
}

// latencySteps are the rows of a latency section: each step's count and
// operation, and the time they take.
func latencySteps(l *scenarios.LatencyResult, format calc.FormatOptions) []spreadLine {
	if l == nil {
		return nil
	}
	var steps []spreadLine
	for _, s := range l.Steps {
		steps = append(steps, spreadLine{fmt.Sprintf("  %s × %s", count(s.Times), s.Operation), seconds(s.Total, format)})
	}
	return steps
}

// availabilityLines draws an availability section: the composite, each
// component with its replicas, whether the composite meets the target, and
// the downtime it allows.
func availabilityLines(a *scenarios.AvailabilityResult, components []spreadLine, w int, st *styles, format calc.FormatOptions) []string {
	if a == nil {
		return nil
	}
	lines := []string{"", sectionHead("Availability", percent(a.Composite), w, st)}
	lines = append(lines, sectionRows(components, w)...)
	lines = append(lines, "  "+verdict(a.Meets, "≥", "<", percent(a.Target), st))
	// Wrapped rather than cut, since at 80 columns the year would be lost,
	// and wrapped between the two figures, never inside one: "1.76" at the
	// end of a line and "h/year" on the next would not read as a time.
	downtime := []string{"down " + seconds(a.DowntimeMonth, format) + "/month,", seconds(a.DowntimeYear, format) + "/year"}
	for _, l := range wrapWords(downtime, w-2) {
		lines = append(lines, st.muted.Render("  "+l))
	}
	return lines
}

// availabilityComponents are the rows of an availability section: each
// component with its replicas, and the availability they give together.
func availabilityComponents(a *scenarios.AvailabilityResult) []spreadLine {
	if a == nil {
		return nil
	}
	var components []spreadLine
	for _, c := range a.Components {
		label := "  " + c.Name
		if c.Replicas != 1 {
			label += " ×" + count(c.Replicas)
		}
		components = append(components, spreadLine{label, percent(c.Effective)})
	}
	return components
}

// verdict says whether a section meets its target: "✓ ≤ 200 ms target" or
// "✗ > 200 ms target", with the comparison that holds.
func verdict(meets bool, good, bad, target string, st *styles) string {
	if meets {
		return st.good.Render("✓ " + good + " " + target + " target")
	}
	return st.bad.Render("✗ " + bad + " " + target + " target")
}

// seconds shows a duration in the best unit.
func seconds(s float64, format calc.FormatOptions) string {
	return calc.Show(s, calc.Seconds, nil, format).Text
}

// count shows a count as it was meant: 2, 1.5.
func count(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }

// percent shows an availability as run and compare show it.
func percent(f float64) string { return calc.ShowAvailability(f, calc.FormatOptions{}) }
