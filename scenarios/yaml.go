package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/estimate-dev/estimate/calc"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// MaxFileSize bounds a scenario file; a larger one is refused unread.
const MaxFileSize = 1 << 20

// node is a YAML value reduced to plain data: a scalar's text, a mapping's
// ordered keys, or a sequence's items, each with its position.
type node struct {
	kind     nodeKind
	text     string // scalar text, as written (quotes removed)
	quoted   bool   // scalar was quoted, so its text starts one column late
	line     int
	col      int
	keys     []*node // mapping keys, in order
	values   []*node // mapping values (parallel to keys) or sequence items
	rawToken *token.Token
}

type nodeKind uint8

const (
	scalarNode nodeKind = iota
	mappingNode
	sequenceNode
	nullNode
	refusedNode // already reported (an anchor, alias or tag): skipped without more problems
)

var kindNames = map[nodeKind]string{scalarNode: "a value", mappingNode: "a mapping", sequenceNode: "a list", nullNode: "nothing"}

// parseYAML reads one YAML document into plain data. Anchors, aliases,
// tags, merge keys and multiple documents are refused: a scenario is plain
// data, and an alias could expand without bound.
func parseYAML(file string, data []byte) (*node, []Problem) {
	if len(data) > MaxFileSize {
		return nil, []Problem{tooLarge(file, int64(len(data)))}
	}
	// A byte-order mark, as some Windows editors write, is not part of the
	// first key.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, []Problem{yamlProblem(file, err)}
	}
	var docs []*ast.DocumentNode
	for _, d := range f.Docs {
		if d.Body != nil {
			docs = append(docs, d)
		}
	}
	switch {
	case len(docs) == 0:
		return nil, []Problem{{File: file, Line: 1, Col: 1, Msg: "file is empty", Hint: "start from a preset: estimate show web-app > my.yaml"}}
	case len(docs) > 1:
		pos := docs[1].Body.GetToken().Position
		return nil, []Problem{{File: file, Line: pos.Line, Col: pos.Column, Msg: "more than one YAML document", Hint: "keep one scenario per file"}}
	}
	c := converter{file: file}
	n := c.convert(docs[0].Body, 0)
	return n, c.problems
}

// tooLarge refuses a file over MaxFileSize, saying by how much.
func tooLarge(file string, size int64) Problem {
	return Problem{File: file, Line: 1, Col: 1,
		Msg: fmt.Sprintf("file is %s bytes (%s); a scenario file may be at most %s bytes (%s)",
			calc.GroupDigits(size), binarySize(size), calc.GroupDigits(MaxFileSize), binarySize(MaxFileSize)),
		Hint: "a scenario is a page of assumptions and formulas; split it up"}
}

// binarySize shows a file's size with binary prefixes: "1 MiB".
func binarySize(n int64) string {
	return calc.Show(float64(n), calc.Bytes, nil, calc.FormatOptions{Binary: true}).Text
}

// yamlProblem turns a syntax error of the YAML parser into a Problem.
func yamlProblem(file string, err error) Problem {
	var se interface{ GetToken() *token.Token }
	p := Problem{File: file, Line: 1, Col: 1, Msg: "invalid YAML: " + err.Error()}
	if errors.As(err, &se) && se.GetToken() != nil {
		pos := se.GetToken().Position
		p.Line, p.Col = pos.Line, pos.Column
		msg := err.Error()
		if i := strings.Index(msg, "] "); strings.HasPrefix(msg, "[") && i > 0 {
			msg = msg[i+2:]
		}
		if j := strings.Index(msg, "\n"); j >= 0 {
			msg = msg[:j]
		}
		p.Msg = "invalid YAML: " + msg
		if strings.Contains(msg, "'\t'") {
			p.Msg = "invalid YAML: a tab where YAML allows only spaces"
			p.Hint = "indent with spaces"
		}
	}
	return p
}

type converter struct {
	file     string
	problems []Problem
}

// maxNesting bounds how deep a scenario's YAML may nest; the format needs 4.
const maxNesting = 16

func (c *converter) refuse(n ast.Node, msg, hint string) *node {
	pos := n.GetToken().Position
	c.problems = append(c.problems, Problem{File: c.file, Line: pos.Line, Col: pos.Column, Msg: msg, Hint: hint})
	return &node{kind: refusedNode, line: pos.Line, col: pos.Column}
}

func (c *converter) convert(n ast.Node, depth int) *node {
	if depth > maxNesting {
		return c.refuse(n, "nested too deeply", "a scenario file nests at most a few levels")
	}
	tok := n.GetToken()
	at := &node{line: tok.Position.Line, col: tok.Position.Column, rawToken: tok}
	switch n := n.(type) {
	case *ast.MappingNode:
		at.kind = mappingNode
		for _, mv := range n.Values {
			c.mappingValue(at, mv, depth)
		}
	case *ast.MappingValueNode:
		at.kind = mappingNode
		c.mappingValue(at, n, depth)
	case *ast.SequenceNode:
		at.kind = sequenceNode
		for _, v := range n.Values {
			at.values = append(at.values, c.convert(v, depth+1))
		}
	case *ast.NullNode:
		at.kind = nullNode
	case *ast.StringNode:
		at.kind, at.text = scalarNode, n.Value
		at.quoted = tok.Type == token.DoubleQuoteType || tok.Type == token.SingleQuoteType
	case *ast.LiteralNode:
		at.kind, at.text = scalarNode, strings.TrimRight(n.Value.Value, "\n")
		at.line, at.col = n.Value.GetToken().Position.Line, n.Value.GetToken().Position.Column
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		at.kind, at.text = scalarNode, tok.Value
	case *ast.AnchorNode:
		return c.refuse(n, "YAML anchors are not allowed in a scenario file", "write the value out; a scenario is plain data")
	case *ast.AliasNode:
		return c.refuse(n, "YAML aliases are not allowed in a scenario file", "write the value out; a scenario is plain data")
	case *ast.TagNode:
		return c.refuse(n, "YAML tags are not allowed in a scenario file", "remove the tag; a scenario is plain data")
	default:
		return c.refuse(n, fmt.Sprintf("unexpected YAML %s", n.Type()), "a scenario is plain data: mappings, lists and values")
	}
	return at
}

func (c *converter) mappingValue(at *node, mv *ast.MappingValueNode, depth int) {
	if mv.Key.IsMergeKey() {
		c.refuse(mv.Key, "YAML merge keys are not allowed in a scenario file", "write the fields out")
		return
	}
	key := c.convert(mv.Key, depth+1)
	if key.kind != scalarNode {
		c.refuse(mv.Key, "a key must be a plain name", "")
		return
	}
	at.keys = append(at.keys, key)
	at.values = append(at.values, c.convert(mv.Value, depth+1))
}

// exprCol is the column at which the text of a scalar starts, so that an
// expression's column can be added to it.
func (n *node) exprCol() int {
	if n.quoted {
		return n.col + 1
	}
	return n.col
}
