// Package report writes what the one-shot commands print: aligned text
// tables (styled with lipgloss on a terminal, plain when piped or under
// NO_COLOR), JSON, CSV and Markdown. It holds no TUI code; the TUI renders
// its own views from the same scenarios and calc values.
//
// Every writer takes an io.Writer and a Format, so the commands in
// cmd/estimate only choose; the shapes of the JSON documents are this
// package's contract, documented in the README.
package report
