package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// keyMap is every key the session knows. The short help line shows the
// keys that matter where the user is (see Model.shortHelp); the `?` screen
// shows them all, in the groups of fullHelpGroups.
type keyMap struct {
	// Anywhere.
	Quit, ForceQuit, Help, NextTab, PrevTab, GoToTab key.Binding
	Save, Export, Info, Work                         key.Binding

	// Moving about.
	Up, Down, PageUp, PageDown, Top, Bottom, FocusNext, FocusPrev, Left, Right key.Binding

	// The Estimate tab.
	Filter, Pick, Edit, Reset, ResetAll key.Binding

	// Editing a field.
	Commit, Cancel, Clear, FieldUp, FieldDown key.Binding

	// The Compare, Tables and Calc tabs.
	Mark, Unmark, LatencySet key.Binding

	// Answering a question.
	Yes, No key.Binding
}

func newKeyMap() keyMap {
	b := func(keys []string, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
	}
	return keyMap{
		Quit:      b([]string{"q"}, "q", "quit"),
		ForceQuit: b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Help:      b([]string{"?"}, "?", "keys"),
		NextTab:   b([]string{"]"}, "]", "next tab"),
		PrevTab:   b([]string{"["}, "[", "previous tab"),
		GoToTab:   b([]string{"1", "2", "3", "4"}, "1-4", "tabs"),
		Save:      b([]string{"ctrl+s"}, "ctrl+s", "save"),
		Export:    b([]string{"e"}, "e", "export"),
		Info:      b([]string{"i"}, "i", "info"),
		Work:      b([]string{"w"}, "w", "work"),

		Up:        b([]string{"up", "k"}, "↑/k", "up"),
		Down:      b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:    b([]string{"pgup"}, "pgup", "page up"),
		PageDown:  b([]string{"pgdown"}, "pgdn", "page down"),
		Top:       b([]string{"home", "g"}, "g/home", "first"),
		Bottom:    b([]string{"end", "G"}, "G/end", "last"),
		FocusNext: b([]string{"tab"}, "tab", "focus"),
		FocusPrev: b([]string{"shift+tab"}, "shift+tab", "focus back"),
		Left:      b([]string{"left", "h"}, "←/→", "table"),
		Right:     b([]string{"right", "l"}, "→", "next table"),

		Filter:   b([]string{"/"}, "/", "filter"),
		Pick:     b([]string{"enter"}, "enter", "open"),
		Edit:     b([]string{"enter"}, "enter", "edit"),
		Reset:    b([]string{"r"}, "r", "reset"),
		ResetAll: b([]string{"R"}, "R", "reset all"),

		Commit:    b([]string{"enter"}, "enter", "commit"),
		Cancel:    b([]string{"esc"}, "esc", "cancel"),
		Clear:     b([]string{"ctrl+u"}, "ctrl+u", "clear"),
		FieldUp:   b([]string{"up"}, "↑", "previous"),
		FieldDown: b([]string{"down"}, "↓", "next"),

		Mark:       b([]string{"space", "x"}, "space", "mark"),
		Unmark:     b([]string{"c"}, "c", "clear marks"),
		LatencySet: b([]string{"s"}, "s", "figures"),

		Yes: b([]string{"y"}, "y", "yes"),
		No:  b([]string{"n", "esc"}, "n/esc", "no"),
	}
}

// helpGroup is a titled column of the `?` screen: each key with what it
// does, said more fully than on the help line.
type helpGroup struct {
	title   string
	entries []helpEntry
}

// helpEntry is a line of the `?` screen. Keys, when set, names keys that
// share the line, such as "pgup/pgdn"; else the binding names its own.
type helpEntry struct {
	binding key.Binding
	keys    string
	what    string
}

// keyText is how the `?` screen names the entry's keys.
func (e helpEntry) keyText() string {
	if e.keys != "" {
		return e.keys
	}
	return e.binding.Help().Key
}

// fullHelpGroups lists every key, grouped by where it works.
func (k keyMap) fullHelpGroups() []helpGroup {
	return []helpGroup{
		{"Anywhere", []helpEntry{
			{binding: k.GoToTab, what: "Estimate Compare Tables Calc"},
			{binding: k.NextTab, keys: "] / [", what: "next or previous tab"},
			{binding: k.Help, what: "this screen"},
			{binding: k.Info, what: "source and questions"},
			{binding: k.Work, what: "the work under each result"},
			{binding: k.Save, what: "save the scenario as YAML"},
			{binding: k.Export, what: "export results as Markdown"},
			{binding: k.Quit, what: "quit, when not editing"},
			{binding: k.ForceQuit, what: "quit, always"},
		}},
		{"Moving", []helpEntry{
			{binding: k.FocusNext, what: "list → inputs → results"},
			{binding: k.FocusPrev, what: "the other way"},
			{binding: k.Up, keys: "↑/↓ k/j", what: "up, down"},
			{binding: k.PageUp, keys: "pgup/pgdn", what: "a page up, down"},
			{binding: k.Top, keys: "g/G", what: "first, last"},
		}},
		{"Estimate", []helpEntry{
			{binding: k.Filter, what: "filter scenarios as you type"},
			{binding: k.Pick, what: "open the scenario (list)"},
			{binding: k.Edit, what: "edit the input (inputs)"},
			{binding: k.Reset, what: "input back to its default"},
			{binding: k.ResetAll, what: "every input back"},
		}},
		{"Editing", []helpEntry{
			{binding: k.Commit, what: "keep the value"},
			{binding: k.Cancel, what: "put the old value back"},
			{binding: k.Clear, what: "clear the field"},
			{binding: k.FieldUp, keys: "↑/↓", what: "matches; earlier expressions"},
		}},
		{"Compare and Tables", []helpEntry{
			{binding: k.Mark, keys: "space/x", what: "mark two to four; c clears"},
			{binding: k.Left, keys: "←/→ h/l", what: "another table"},
			{binding: k.LatencySet, what: "book or current latency"},
		}},
	}
}

// ShortHelp is the help line of the Estimate tab's inputs; it makes keyMap
// a help.KeyMap. The session shows a line fitted to where the user is.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.FocusNext, k.Edit, k.Work, k.Info, k.Help, k.Quit}
}

// FullHelp lists every key, grouped; it makes keyMap a help.KeyMap.
func (k keyMap) FullHelp() [][]key.Binding {
	groups := k.fullHelpGroups()
	out := make([][]key.Binding, len(groups))
	for i, g := range groups {
		for _, e := range g.entries {
			out[i] = append(out[i], e.binding)
		}
	}
	return out
}

// motions are the keys that move a cursor through a list, and where each
// takes it: from cur, among n items, with page items to a screen.
var motions = []struct {
	binding func(keyMap) key.Binding
	to      func(cur, n, page int) int
}{
	{func(k keyMap) key.Binding { return k.Up }, func(cur, _, _ int) int { return cur - 1 }},
	{func(k keyMap) key.Binding { return k.Down }, func(cur, _, _ int) int { return cur + 1 }},
	{func(k keyMap) key.Binding { return k.PageUp }, func(cur, _, page int) int { return cur - page }},
	{func(k keyMap) key.Binding { return k.PageDown }, func(cur, _, page int) int { return cur + page }},
	{func(k keyMap) key.Binding { return k.Top }, func(_, _, _ int) int { return 0 }},
	{func(k keyMap) key.Binding { return k.Bottom }, func(_, n, _ int) int { return n - 1 }},
}

// motion moves a cursor for a movement key; ok is false for other keys.
// scroll moves a scroll offset through n lines shown rows at a time, as
// motion moves a cursor, but never past maxScroll.
func (k keyMap) scroll(msg tea.KeyPressMsg, offset, n, rows int) int {
	next, _ := k.motion(msg, offset, n, rows)
	return min(next, maxScroll(n, rows))
}

func (k keyMap) motion(msg tea.KeyPressMsg, cur, n, page int) (next int, ok bool) {
	for _, m := range motions {
		if key.Matches(msg, m.binding(k)) {
			return clamp(m.to(cur, n, max(page, 1)), n), true
		}
	}
	return cur, false
}

// relabel is a binding with the same keys and other words in the help line,
// for a key that means something else where it is shown: esc closes an
// overlay, where elsewhere it cancels an edit.
func relabel(b key.Binding, what string) key.Binding {
	b.SetHelp(b.Help().Key, what)
	return b
}
