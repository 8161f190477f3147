package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/estimate-dev/estimate/calc"
)

// maxRecent is how many results the Calc tab keeps.
const maxRecent = 100

// calcTab is the Calc tab: the expression language, with the result of the
// expression shown as it is typed, a history that up and down walk
// through, and the recent results.
type calcTab struct {
	field   field
	history []string // expressions entered, oldest first
	histPos int      // where up and down are in history; len(history) past the end
	draft   string   // what was typed before walking the history
	recent  []calcEntry
	preview string // the result of the text being typed, if it has one
	err     error  // why it has none
	format  calc.FormatOptions
}

// calcEntry is an expression entered and its result.
type calcEntry struct{ expr, result string }

// calcExamples show the language before anything has been typed.
var calcExamples = []string{
	"5M * 10% * 300 MB / day to TB/day",
	"150 TB/day to Gbps",
	"300M * 50% * 2 / day to 1/s",
	"ceil(log(365B, 62))",
	"1 GiB to bytes",
	"2^41 ms to years",
}

func newCalcTab(format calc.FormatOptions, st *styles) calcTab {
	return calcTab{field: newField(st), format: format}
}

// editing reports whether the expression field is being edited.
func (c *calcTab) editing() bool { return c.field.active }

// focus starts editing, as entering the tab does.
func (c *calcTab) focus() {
	if !c.field.active {
		c.field.start(c.field.value())
		c.histPos = len(c.history)
	}
}

// handleKey acts on a key pressed on the Calc tab.
func (c *calcTab) handleKey(msg tea.KeyPressMsg, k *keyMap) tea.Cmd {
	if !c.field.active {
		if key.Matches(msg, k.Edit) {
			c.focus()
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Commit):
		c.enter()
	case key.Matches(msg, k.Cancel):
		c.field.stop()
	case key.Matches(msg, k.FieldUp):
		c.walk(-1)
	case key.Matches(msg, k.FieldDown):
		c.walk(1)
	default:
		changed, cmd := c.field.update(msg, k.Clear)
		if changed {
			c.evaluate()
		}
		return cmd
	}
	return nil
}

// enter keeps the expression's result and clears the field for the next.
func (c *calcTab) enter() {
	text := c.field.value()
	c.evaluate()
	if c.err != nil || text == "" {
		return
	}
	c.recent = append([]calcEntry{{text, c.preview}}, c.recent[:min(len(c.recent), maxRecent-1)]...)
	if len(c.history) == 0 || c.history[len(c.history)-1] != text {
		c.history = append(c.history, text)
	}
	c.histPos, c.draft = len(c.history), ""
	c.field.input.SetValue("")
	c.preview = ""
}

// walk moves through the history: -1 to earlier expressions, +1 to later
// ones, and back to what was being typed past the end.
func (c *calcTab) walk(delta int) {
	next := min(max(c.histPos+delta, 0), len(c.history))
	if next == c.histPos {
		return
	}
	if c.histPos == len(c.history) {
		c.draft = c.field.value()
	}
	c.histPos = next
	text := c.draft
	if next < len(c.history) {
		text = c.history[next]
	}
	c.field.input.SetValue(text)
	c.field.input.CursorEnd()
	c.evaluate()
}

// evaluate computes the expression being typed.
func (c *calcTab) evaluate() {
	text := c.field.value()
	c.preview, c.err = "", nil
	if text == "" {
		return
	}
	r, err := calc.Evaluate(text)
	if err != nil {
		c.err = err
		return
	}
	c.preview = r.Show(c.format).Text
}

// forward passes a message that is not a key (a paste) to the field.
func (c *calcTab) forward(msg tea.Msg) tea.Cmd {
	if !c.field.active {
		return nil
	}
	changed, cmd := c.field.update(msg, key.Binding{})
	if changed {
		c.evaluate()
	}
	return cmd
}

// view draws the tab in w×h cells.
func (c *calcTab) view(w, h int, st *styles) []string {
	head := []string{
		title("Calc", c.field.active, st) + st.muted.Render("  units are checked; end with “to UNIT” to convert"),
		st.prompt.Render("> ") + c.fieldText(st),
	}
	var body []string
	switch {
	case c.err != nil:
		body = fieldErrorLines(c.err, &c.field, 2, w, st)
	case c.preview != "":
		body = []string{"  = " + st.value.Render(c.preview)}
	default:
		body = []string{""}
	}
	body = append(body, "")
	body = append(body, c.recentLines(w, st)...)
	return paneBlock(head, body, w, h, -1)
}

// fieldText is the field, or the text it holds when it is not being
// edited.
func (c *calcTab) fieldText(st *styles) string {
	if c.field.active {
		return c.field.view()
	}
	if c.field.value() == "" {
		return st.muted.Render("press enter to type an expression")
	}
	return c.field.value()
}

// recentLines lists the recent results, or examples before there are any.
func (c *calcTab) recentLines(w int, st *styles) []string {
	if len(c.recent) == 0 {
		lines := []string{st.heading.Render("Try")}
		for _, e := range calcExamples {
			lines = append(lines, st.muted.Render("  "+e))
		}
		return lines
	}
	exprW := 0
	for _, e := range c.recent {
		exprW = max(exprW, len([]rune(e.expr)))
	}
	exprW = min(exprW, max(w*3/5, 1))
	lines := []string{st.heading.Render("Recent")}
	for _, e := range c.recent {
		lines = append(lines, "  "+fit(e.expr, exprW)+"  "+st.value.Render("= "+e.result))
	}
	return lines
}
