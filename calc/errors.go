package calc

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Error is a problem with an expression, at a place in its source.
type Error struct {
	Src  string // the whole expression
	Pos  int    // byte offset where the problem starts
	End  int    // byte offset just past it (End > Pos, except at the end of input)
	Msg  string // what is wrong, in words
	Hint string // how to fix it, when there is something to say
}

func errorAt(src string, pos, end int, hint string, format string, args ...any) *Error {
	if end < pos {
		end = pos
	}
	return &Error{Src: src, Pos: pos, End: end, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// Column is the 1-based column of the problem, counted in characters.
func (e *Error) Column() int {
	pos := min(max(e.Pos, 0), len(e.Src))
	return utf8.RuneCountInString(e.Src[:pos]) + 1
}

// Error reads "col 4: cannot add information (10 MB) and time (5 ms)", with
// the hint after a semicolon.
func (e *Error) Error() string {
	s := fmt.Sprintf("col %d: %s", e.Column(), e.Msg)
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

// Caret shows the expression with a caret line under the problem:
//
//	10 MB + 5 ms
//	      ^
func (e *Error) Caret() string {
	col := e.Column() - 1
	width := max(utf8.RuneCountInString(e.Src[min(max(e.Pos, 0), len(e.Src)):min(max(e.End, e.Pos), len(e.Src))]), 1)
	src := strings.ReplaceAll(e.Src, "\t", " ")
	return src + "\n" + strings.Repeat(" ", col) + strings.Repeat("^", width)
}
