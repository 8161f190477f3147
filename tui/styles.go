package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// styles holds every style the session draws with. They are built here and
// nowhere else: once when the model is made, and again only when the
// terminal reports its background colour, so that light and dark terminals
// both read well. Without colour (NO_COLOR) emphasis falls back on bold
// and reverse video, which every terminal shows. (Underline is avoided:
// lipgloss draws it a character at a time.)
type styles struct {
	brand, tab, activeTab lipgloss.Style

	paneTitle, paneTitleFocused lipgloss.Style
	cursorRow, selectedRow      lipgloss.Style

	name, value, edited, muted, accent, heading lipgloss.Style
	errorText, good, bad, bar, barEmpty         lipgloss.Style

	status, statusError, prompt lipgloss.Style

	help  help.Styles
	input textinput.Styles
}

// palette is the handful of colours the styles use, each as a light and a
// dark variant.
type palette struct {
	accent, muted, errorRed, good, selection, barFill, barTrack color.Color
}

func newPalette(isDark bool) palette {
	pick := lipgloss.LightDark(isDark)
	return palette{
		accent:    pick(lipgloss.Color("#5A3FC0"), lipgloss.Color("#B69CFF")),
		muted:     pick(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8A8A8A")),
		errorRed:  pick(lipgloss.Color("#C0262D"), lipgloss.Color("#FF6B6B")),
		good:      pick(lipgloss.Color("#1E7B34"), lipgloss.Color("#5FD787")),
		selection: pick(lipgloss.Color("#E4DEFF"), lipgloss.Color("#3A3156")),
		barFill:   pick(lipgloss.Color("#5A3FC0"), lipgloss.Color("#9F86FF")),
		barTrack:  pick(lipgloss.Color("#D9D9D9"), lipgloss.Color("#3A3A3A")),
	}
}

// newStyles builds the styles for a light or dark background, with or
// without colour.
func newStyles(isDark, noColor bool) styles {
	if noColor {
		return monochromeStyles()
	}
	p := newPalette(isDark)
	plain := lipgloss.NewStyle()
	s := styles{
		brand:            plain.Bold(true).Foreground(p.accent),
		tab:              plain.Foreground(p.muted),
		activeTab:        plain.Bold(true).Reverse(true).Foreground(p.accent),
		paneTitle:        plain.Bold(true).Foreground(p.muted),
		paneTitleFocused: plain.Bold(true).Reverse(true).Foreground(p.accent),
		cursorRow:        plain.Bold(true).Background(p.selection),
		selectedRow:      plain.Bold(true),
		name:             plain,
		value:            plain.Bold(true),
		edited:           plain.Bold(true).Foreground(p.accent),
		muted:            plain.Foreground(p.muted),
		accent:           plain.Foreground(p.accent),
		heading:          plain.Bold(true),
		errorText:        plain.Foreground(p.errorRed),
		good:             plain.Foreground(p.good),
		bad:              plain.Bold(true).Foreground(p.errorRed),
		bar:              plain.Foreground(p.barFill),
		barEmpty:         plain.Foreground(p.barTrack),
		status:           plain.Foreground(p.muted),
		statusError:      plain.Bold(true).Foreground(p.errorRed),
		prompt:           plain.Bold(true).Foreground(p.accent),
		help:             help.DefaultStyles(isDark),
		input:            inputStyles(isDark),
	}
	return s
}

// monochromeStyles are the styles without any colour, for NO_COLOR.
func monochromeStyles() styles {
	plain := lipgloss.NewStyle()
	bold := plain.Bold(true)
	return styles{
		brand: bold, tab: plain, activeTab: bold.Reverse(true),
		paneTitle: bold, paneTitleFocused: bold.Reverse(true),
		cursorRow: plain.Reverse(true), selectedRow: bold,
		name: plain, value: bold, edited: bold, muted: plain, accent: bold, heading: bold,
		errorText: plain, good: plain, bad: bold, bar: plain, barEmpty: plain,
		status: plain, statusError: bold, prompt: bold,
		help: help.Styles{Ellipsis: plain, ShortKey: bold, ShortDesc: plain, ShortSeparator: plain,
			FullKey: bold, FullDesc: plain, FullSeparator: plain},
		input: monochromeInputStyles(),
	}
}

// inputStyles are the text fields' styles: a cursor that does not blink,
// so that a screen only changes when the user does something.
func inputStyles(isDark bool) textinput.Styles {
	s := textinput.DefaultStyles(isDark)
	s.Cursor.Blink = false
	s.Cursor.Shape = tea.CursorBar
	return s
}

func monochromeInputStyles() textinput.Styles {
	plain := lipgloss.NewStyle()
	state := textinput.StyleState{Text: plain, Placeholder: plain, Suggestion: plain, Prompt: plain}
	return textinput.Styles{Focused: state, Blurred: state,
		Cursor: textinput.CursorStyle{Shape: tea.CursorBar}}
}
