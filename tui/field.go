package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// field is a one-line text field being edited: an input's value, the
// scenario filter, an expression, a file name. It wraps the bubbles text
// input, adds ctrl+u as "clear the field" and remembers the text it started
// from so that esc can put it back.
type field struct {
	input  textinput.Model
	before string
	active bool
}

func newField(st *styles) field {
	in := textinput.New()
	in.Prompt = ""
	in.SetStyles(st.input)
	in.CharLimit = 256
	return field{input: in}
}

// start begins editing text, with the cursor at its end.
func (f *field) start(text string) {
	f.before = text
	f.active = true
	f.input.SetValue(text)
	f.input.CursorEnd()
	f.input.Focus()
}

// stop ends editing.
func (f *field) stop() {
	f.active = false
	f.input.Blur()
}

// value is the field's text.
func (f *field) value() string { return f.input.Value() }

// setWidth sets how many cells the field shows; longer text scrolls. The
// cursor is set again so that the text input scrolls for the new width at
// once, not at the next key.
func (f *field) setWidth(w int) {
	f.input.SetWidth(max(w-1, 1))
	f.input.SetCursor(f.input.Position())
}

// fits reports whether the whole text shows, unscrolled, so that a column
// of the text is a column on screen.
func (f *field) fits() bool { return ansi.StringWidth(f.value()) <= f.input.Width() }

// setStyles restyles the field after the background changed.
func (f *field) setStyles(st *styles) { f.input.SetStyles(st.input) }

// update passes a message to the text input. It reports whether the text
// changed, so that the owner recomputes only then.
func (f *field) update(msg tea.Msg, clear key.Binding) (changed bool, cmd tea.Cmd) {
	old := f.input.Value()
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, clear) {
		f.input.SetValue("")
		return old != "", nil
	}
	f.input, cmd = f.input.Update(msg)
	return f.input.Value() != old, cmd
}

// view draws the field with its cursor.
func (f *field) view() string { return f.input.View() }
