package scenarios

import (
	"fmt"
	"sort"
	"strconv"
)

// File is a scenario file as written: every field of the format, each
// value with its position, nothing yet checked beyond its shape.
type File struct {
	Path         string
	Name         Text
	Title        Text
	Source       Text
	Summary      Text
	Chapter      int
	Questions    []Question
	Inputs       []InputDecl
	Outputs      []OutputDecl
	Latency      *LatencyDecl
	Availability *AvailabilityDecl
}

// Question is one clarifying question of the interview and the answer assumed.
type Question struct {
	Ask, Answer Text
}

// InputDecl is an input as written.
type InputDecl struct {
	Name, Value, Help, Min, Max Text
	Grows                       bool
	Pos                         Pos // of the list item
}

// OutputDecl is an output as written.
type OutputDecl struct {
	Name, Expr, Unit, Help Text
	Pos                    Pos
}

// LatencyDecl prices one request's path from the latency table.
type LatencyDecl struct {
	Target Text
	Set    Text // "book" (default) or "current"
	Steps  []LatencyStepDecl
	Pos    Pos
}

// LatencyStepDecl is one step of a request's path: a latency table row, so
// many times.
type LatencyStepDecl struct {
	Op, Times, Note Text
	Pos             Pos
}

// AvailabilityDecl composes components in series, each possibly replicated.
type AvailabilityDecl struct {
	Target     Text
	Components []ComponentDecl
	Pos        Pos
}

// ComponentDecl is one component of a system's availability.
type ComponentDecl struct {
	Name, SLA, Replicas, Note Text
	Pos                       Pos
}

// decoder fills a File from plain YAML data, collecting every problem.
type decoder struct {
	file     string
	problems []Problem
}

func (d *decoder) problem(n *node, hint, format string, args ...any) {
	d.problems = append(d.problems, Problem{File: d.file, Line: n.line, Col: n.col, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// fieldSet maps a mapping's field names to what to do with their values.
type fieldSet map[string]func(v *node)

// mapping applies fields to a mapping node, reporting unknown and repeated
// fields with a suggestion of the known ones. It reports false when the node
// is no mapping at all.
func (d *decoder) mapping(n *node, what string, fields fieldSet) bool {
	if n.kind == refusedNode {
		return false
	}
	if n.kind != mappingNode {
		d.problem(n, "", "%s should be a mapping of fields, not %s", what, kindNames[n.kind])
		return false
	}
	seen := map[string]bool{}
	for i, k := range n.keys {
		name := k.text
		if seen[name] {
			d.problem(k, "remove one of them", "field %q is given twice in %s", name, what)
			continue
		}
		seen[name] = true
		apply, ok := fields[name]
		if !ok {
			d.problem(k, suggestField(name, fields), "unknown field %q in %s", name, what)
			continue
		}
		apply(n.values[i])
	}
	return true
}

func suggestField(name string, fields fieldSet) string {
	known := make([]string, 0, len(fields))
	for f := range fields {
		known = append(known, f)
	}
	sort.Strings(known)
	if s := suggestNames(name, known); s != "" {
		return s
	}
	return "known fields: " + joinNames(known)
}

func (d *decoder) text(dst *Text) func(*node) {
	return func(v *node) {
		if v.kind == refusedNode {
			*dst = Text{Pos: Pos{v.line, v.col}, Refused: true}
			return
		}
		if v.kind == nullNode {
			return
		}
		if v.kind != scalarNode {
			d.problem(v, "", "expected a value, not %s", kindNames[v.kind])
			return
		}
		*dst = Text{Value: v.text, Pos: Pos{v.line, v.exprCol()}}
	}
}

func (d *decoder) boolean(dst *bool) func(*node) {
	return func(v *node) {
		if v.kind == refusedNode {
			return
		}
		b, ok := yamlBools[v.text]
		if v.kind != scalarNode || !ok {
			d.problem(v, "write true or false", "expected true or false, not %q", v.text)
			return
		}
		*dst = b
	}
}

// yamlBools are the booleans of YAML 1.2. Go's strconv.ParseBool would take
// "1" and "t" too, and YAML 1.1's "yes" and "on" are text in 1.2: a reader
// of the file should not have to know which rules applied.
var yamlBools = map[string]bool{
	"true": true, "True": true, "TRUE": true,
	"false": false, "False": false, "FALSE": false,
}

func (d *decoder) integer(dst *int) func(*node) {
	return func(v *node) {
		if v.kind == refusedNode {
			return
		}
		i, err := strconv.Atoi(v.text)
		if v.kind != scalarNode || err != nil {
			d.problem(v, "", "expected a whole number, not %q", v.text)
			return
		}
		*dst = i
	}
}

// list calls item for each entry of a sequence.
func (d *decoder) list(what string, item func(v *node)) func(*node) {
	return func(v *node) {
		if v.kind == nullNode || v.kind == refusedNode {
			return
		}
		if v.kind != sequenceNode {
			d.problem(v, "start each item with \"- \"", "%s should be a list, not %s", what, kindNames[v.kind])
			return
		}
		for _, it := range v.values {
			item(it)
		}
	}
}

// decodeFile turns plain YAML data into a File.
func decodeFile(path string, root *node) (*File, []Problem) {
	d := &decoder{file: path}
	f := &File{Path: path}
	d.mapping(root, "the scenario", fieldSet{
		"name":    d.text(&f.Name),
		"title":   d.text(&f.Title),
		"source":  d.text(&f.Source),
		"summary": d.text(&f.Summary),
		"chapter": d.integer(&f.Chapter),
		"questions": d.list("questions", func(v *node) {
			var q Question
			if d.mapping(v, "a question", fieldSet{"ask": d.text(&q.Ask), "answer": d.text(&q.Answer)}) {
				f.Questions = append(f.Questions, q)
			}
		}),
		"inputs": d.list("inputs", func(v *node) {
			in := InputDecl{Pos: Pos{v.line, v.col}}
			if d.mapping(v, "an input", fieldSet{
				"name": d.text(&in.Name), "value": d.text(&in.Value), "help": d.text(&in.Help),
				"min": d.text(&in.Min), "max": d.text(&in.Max), "grows": d.boolean(&in.Grows),
			}) {
				f.Inputs = append(f.Inputs, in)
			}
		}),
		"outputs": d.list("outputs", func(v *node) {
			out := OutputDecl{Pos: Pos{v.line, v.col}}
			if d.mapping(v, "an output", fieldSet{
				"name": d.text(&out.Name), "expr": d.text(&out.Expr), "unit": d.text(&out.Unit), "help": d.text(&out.Help),
			}) {
				f.Outputs = append(f.Outputs, out)
			}
		}),
		"latency": func(v *node) {
			l := &LatencyDecl{Pos: Pos{v.line, v.col}}
			d.mapping(v, "the latency section", fieldSet{
				"target":  d.text(&l.Target),
				"figures": d.text(&l.Set),
				"steps": d.list("latency steps", func(v *node) {
					s := LatencyStepDecl{Pos: Pos{v.line, v.col}}
					d.mapping(v, "a latency step", fieldSet{"op": d.text(&s.Op), "times": d.text(&s.Times), "note": d.text(&s.Note)})
					l.Steps = append(l.Steps, s)
				}),
			})
			f.Latency = l
		},
		"availability": func(v *node) {
			a := &AvailabilityDecl{Pos: Pos{v.line, v.col}}
			d.mapping(v, "the availability section", fieldSet{
				"target": d.text(&a.Target),
				"components": d.list("availability components", func(v *node) {
					c := ComponentDecl{Pos: Pos{v.line, v.col}}
					d.mapping(v, "a component", fieldSet{"name": d.text(&c.Name), "sla": d.text(&c.SLA), "replicas": d.text(&c.Replicas), "note": d.text(&c.Note)})
					a.Components = append(a.Components, c)
				}),
			})
			f.Availability = a
		},
	})
	return f, d.problems
}

// ParseFile reads a scenario file's bytes into a File, checking its shape
// (known fields, lists and mappings where the format has them) but not yet
// its names, formulas and units; Build does that.
func ParseFile(path string, data []byte) (*File, error) {
	root, problems := parseYAML(path, data)
	if len(problems) > 0 {
		return nil, &LoadError{Problems: problems}
	}
	f, problems := decodeFile(path, root)
	if len(problems) > 0 {
		return nil, &LoadError{Problems: problems}
	}
	return f, nil
}
