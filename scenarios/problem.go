package scenarios

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a scenario file, at a place in it.
type Problem struct {
	File      string
	Line, Col int // 1-based; 0 when the problem is the file as a whole
	Msg       string
	Hint      string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, p.Col)
	}
	b.WriteString(": " + p.Msg)
	if p.Hint != "" {
		b.WriteString(" (" + p.Hint + ")")
	}
	return b.String()
}

// LoadError holds every problem found in a scenario file.
type LoadError struct {
	Problems []Problem
}

func (e *LoadError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Pos is a place in a scenario file.
type Pos struct{ Line, Col int }

// Text is a scalar of a scenario file with the position of its first
// character, so that an error inside an expression can name its column.
type Text struct {
	Value   string
	Pos     Pos
	Refused bool // the YAML value was refused (a tag, say) and already reported
}
