// Package tui is estimate's interactive session (`estimate`, `estimate tui
// [NAME]`): pick a scenario, change its inputs and watch every result move
// at once, with the arithmetic; compare scenarios; look up the reference
// tables; use the calculator. It is the only package that imports Bubble
// Tea, and it draws on stderr so that stdout stays clean.
//
// One root model (Model, in tui.go) owns the state and the focus and hands
// keys and drawing to plain child structs, one per tab, in the manner of
// Bubble Tea's composable-views example:
//
//	tui.go            Model: routing of keys and messages, tab bar, status and help lines
//	keys.go           keyMap: every key as a key.Binding, with short and full help
//	styles.go         every style, built in one place, light or dark, with or without colour
//	layout.go         blocks of lines exactly as wide as their pane; fitting, scrolling, wrapping
//	field.go          a one-line text field (bubbles textinput) with ctrl+u to clear
//	session.go        a scenario, the values committed for its inputs, its last good result
//	list.go           the scenario list and its filter
//	estimate.go       the Estimate tab: focus among list, inputs and results; editing
//	estimate_view.go  the Estimate tab drawn: panes side by side, stacked when narrow
//	compare.go        the Compare tab: 2–4 scenarios side by side, bars on a log scale
//	tables.go         the Tables tab: powers of two, latency numbers, availability nines
//	calctab.go        the Calc tab: the expression language with history
//	overlay.go        the `?` screen of every key and the `i` screen of source and questions
//	prompt.go         asking where to save or export (Markdown by report.WriteRun) and whether to overwrite
//	files.go          the commands that write files, atomically
//	yaml.go           a scenario written back as a file the loader accepts
//
// Update does no I/O: saving (ctrl+s) and exporting (e) decide what to
// write in Update and write it in a tea.Cmd, which reports back with a
// message. Views are pure functions of the model and the size.
package tui
