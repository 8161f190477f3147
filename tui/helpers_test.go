package tui

import (
	"bytes"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

// presets loads the embedded presets, and no user scenario, so that tests
// see the same list everywhere.
func presets(tb testing.TB, files ...string) []*scenarios.Scenario {
	tb.Helper()
	cat, err := scenarios.Open(scenarios.Options{UserDir: "-", Files: files})
	if err != nil {
		tb.Fatal(err)
	}
	all, err := cat.LoadAll()
	if err != nil {
		tb.Fatal(err)
	}
	return all
}

// newTestModel is a session on the presets at w×h, writing into a
// temporary directory.
func newTestModel(tb testing.TB, w, h int, files ...string) *Model {
	tb.Helper()
	m, err := New(Options{Scenarios: presets(tb, files...), Dir: tb.TempDir(), Format: calc.FormatOptions{}, Export: testExport})
	if err != nil {
		tb.Fatal(err)
	}
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// testExport stands for the command line's Markdown writer: a line per
// output with its work, enough to see that e writes what Export gives.
func testExport(r *scenarios.Result, _ calc.FormatOptions) ([]byte, error) {
	var b strings.Builder
	b.WriteString("# " + r.Scenario.Name + "\n")
	for _, o := range r.Outputs {
		b.WriteString(o.Name + ": " + o.Display.Text + " (" + o.Work + ")\n")
	}
	return []byte(b.String()), nil
}

// specialKeys are the keys that have a name rather than a character.
var specialKeys = map[string]tea.Key{
	"enter":     {Code: tea.KeyEnter},
	"tab":       {Code: tea.KeyTab},
	"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
	"esc":       {Code: tea.KeyEscape},
	"up":        {Code: tea.KeyUp},
	"down":      {Code: tea.KeyDown},
	"left":      {Code: tea.KeyLeft},
	"right":     {Code: tea.KeyRight},
	"pgup":      {Code: tea.KeyPgUp},
	"pgdown":    {Code: tea.KeyPgDown},
	"home":      {Code: tea.KeyHome},
	"end":       {Code: tea.KeyEnd},
	"backspace": {Code: tea.KeyBackspace},
	"space":     {Code: tea.KeySpace, Text: " "},
	"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
	"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
	"ctrl+s":    {Code: 's', Mod: tea.ModCtrl},
	"ctrl+v":    {Code: 'v', Mod: tea.ModCtrl},
}

// press is the key message for a key name ("enter", "ctrl+u") or a single
// character.
func press(name string) tea.KeyPressMsg {
	if k, ok := specialKeys[name]; ok {
		return tea.KeyPressMsg(k)
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: string(r)}
}

// keys are the messages for a sequence of key names.
func keys(names ...string) []tea.Msg {
	out := make([]tea.Msg, len(names))
	for i, n := range names {
		out[i] = press(n)
	}
	return out
}

// typed are the key messages that type text.
func typed(text string) []tea.Msg {
	var out []tea.Msg
	for _, r := range text {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// send gives the model each message in turn, running no command.
func send(m *Model, msgs ...tea.Msg) {
	for _, msg := range msgs {
		m.Update(msg)
	}
}

// asciiView is the screen as an ASCII terminal shows it: no colour, the
// text attributes kept.
func asciiView(m *Model) string {
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.Ascii}
	if _, err := w.WriteString(m.View().Content); err != nil {
		panic(err)
	}
	return b.String()
}

// plainView is the screen's text alone.
func plainView(m *Model) string { return ansi.Strip(m.View().Content) }

// requireContains fails unless the screen shows every one of want.
func requireContains(tb testing.TB, screen string, want ...string) {
	tb.Helper()
	for _, w := range want {
		if !strings.Contains(screen, w) {
			tb.Fatalf("the screen lacks %q:\n%s", w, screen)
		}
	}
}
