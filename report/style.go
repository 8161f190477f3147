package report

import (
	"io"
	"os"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
)

// Styles are the lipgloss styles of report's text output. They are built
// once, by NewStyles, and passed to every text writer, so that one switch
// turns colour on or off everywhere.
type Styles struct {
	// Title is the line above a table.
	Title lipgloss.Style
	// Header is a table's header row.
	Header lipgloss.Style
	// Name is the first column of a table: what each row is about.
	Name lipgloss.Style
	// Value is a right-aligned column of numbers.
	Value lipgloss.Style
	// Muted is secondary text: footers, notes, citations.
	Muted lipgloss.Style
	// Bar is a horizontal bar drawn to compare numbers.
	Bar lipgloss.Style
	// Error is a message about something that went wrong.
	Error lipgloss.Style
}

// NewStyles returns report's styles. With color false every style is plain:
// rendering with it adds no escape sequence at all, so the output is clean
// text for pipes, files and NO_COLOR.
func NewStyles(color bool) Styles {
	if !color {
		plain := lipgloss.NewStyle()
		return Styles{Title: plain, Header: plain, Name: plain, Value: plain, Muted: plain, Bar: plain, Error: plain}
	}
	return Styles{
		Title:  lipgloss.NewStyle().Bold(true),
		Header: lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Blue),
		Name:   lipgloss.NewStyle(),
		Value:  lipgloss.NewStyle().Foreground(lipgloss.Cyan),
		Muted:  lipgloss.NewStyle().Foreground(lipgloss.BrightBlack),
		Bar:    lipgloss.NewStyle().Foreground(lipgloss.Magenta),
		Error:  lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Red),
	}
}

// ColorEnabled reports whether text written to w may be coloured: only when
// w is an *os.File that is a terminal and NO_COLOR is unset or empty
// (https://no-color.org).
func ColorEnabled(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
