package scenarios

import (
	"fmt"
	"sort"
	"strings"

	"github.com/estimate-dev/estimate/calc"
)

// Scenario is a checked scenario, ready to evaluate. Its inputs take slots
// 0…len(Inputs)-1 of a value vector and its outputs the slots after them.
type Scenario struct {
	Name, Title, Source, Summary string
	Chapter                      int
	Questions                    []QA
	Inputs                       []*Input
	Outputs                      []*Output
	Latency                      *Latency
	Availability                 *Availability
	Path                         string // the file it came from; "presets/NAME.yaml" for a preset

	file  *File // the file as written, for writing it back (estimate show)
	order []int // output indexes in evaluation order
	index map[string]int
	// embedded is set for a preset: its evaluation errors name the
	// scenario, not a position in a file the user cannot open.
	embedded bool
}

// File is the scenario file as written, every value with its text as the
// author gave it, so that a scenario can be written back without losing
// what its author wrote (estimate show).
func (s *Scenario) File() *File { return s.file }

// QA is a clarifying question and the answer assumed.
type QA struct{ Ask, Answer string }

// Input is an assumption a person can change.
type Input struct {
	Name, Help string
	Default    Value // the value the file gives
	Min, Max   *Value
	Grows      bool // grown by `run --growth`
	Dim        calc.Dim
	template   *calc.Template // how a bare number takes the default's unit
	slot       int
}

// Value is an input's value: the text a person gave and what it means.
type Value struct {
	Text string  // "300 MB", as written or normalised ("500" → "500 MB")
	Base float64 // in base units
}

// Output is an estimate computed from the inputs and other outputs.
type Output struct {
	Name, Expr, Help string
	Unit             *calc.Unit // the display unit; nil picks one by size
	Dim              calc.Dim
	formula          *calc.Formula
	slot             int
	at               Pos // where the expression stands in its file
}

// Formula is the compiled form of the output's expression.
func (o *Output) Formula() *calc.Formula { return o.formula }

// ValidName reports whether name can name a scenario: lower-case letters,
// digits and dashes, as in "web-app".
func ValidName(name string) bool { return spelled(name, isLowerOrDigit, isLowerDigitOrDash) }

// validInputName reports whether name can name an input or output:
// [a-z][a-z0-9_]*, as in "peak_qps".
func validInputName(name string) bool { return spelled(name, isLower, isLowerDigitOrUnderscore) }

// spelled checks a name byte by byte: a first character, then the rest. It
// stands in for a regular expression, which would be compiled at start-up.
func spelled(name string, first, rest func(byte) bool) bool {
	if name == "" || !first(name[0]) {
		return false
	}
	for i := 1; i < len(name); i++ {
		if !rest(name[i]) {
			return false
		}
	}
	return true
}

func isLower(c byte) bool                  { return c >= 'a' && c <= 'z' }
func isLowerOrDigit(c byte) bool           { return isLower(c) || c >= '0' && c <= '9' }
func isLowerDigitOrDash(c byte) bool       { return isLowerOrDigit(c) || c == '-' }
func isLowerDigitOrUnderscore(c byte) bool { return isLowerOrDigit(c) || c == '_' }

// builder checks a File and turns it into a Scenario, collecting problems.
type builder struct {
	f        *File
	s        *Scenario
	problems []Problem
	scope    calc.Scope
	declared map[string]Pos // every input and output name, where declared
}

func (b *builder) problem(at Pos, hint, format string, args ...any) {
	b.problems = append(b.problems, Problem{File: b.f.Path, Line: at.Line, Col: at.Col, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// exprProblem reports an expression error at its column inside the file.
func (b *builder) exprProblem(t Text, what string, err error) {
	if ce, ok := err.(*calc.Error); ok {
		col := t.Pos.Col + len([]rune(t.Value[:min(max(ce.Pos, 0), len(t.Value))]))
		b.problems = append(b.problems, Problem{File: b.f.Path, Line: t.Pos.Line, Col: col, Msg: what + ": " + ce.Msg, Hint: ce.Hint})
		return
	}
	b.problem(t.Pos, "", "%s: %v", what, err)
}

// Build checks a File: names, values, bounds, formulas, units, dependency
// order and the optional sections. It reports every problem it finds.
func Build(f *File) (*Scenario, error) {
	b := &builder{f: f, scope: calc.Scope{}, declared: map[string]Pos{}}
	b.s = &Scenario{
		Name: f.Name.Value, Title: f.Title.Value, Source: f.Source.Value, Summary: f.Summary.Value,
		Chapter: f.Chapter, Path: f.Path, file: f, index: map[string]int{},
	}
	for _, q := range f.Questions {
		b.s.Questions = append(b.s.Questions, QA{q.Ask.Value, q.Answer.Value})
	}
	b.header()
	b.inputs()
	b.outputs()
	b.latency()
	b.availability()
	if len(b.problems) > 0 {
		return nil, &LoadError{Problems: b.problems}
	}
	return b.s, nil
}

func (b *builder) header() {
	switch {
	case b.f.Name.Value == "":
		b.problem(Pos{1, 1}, "add a line such as: name: my-service", "the scenario has no name")
	case !ValidName(b.f.Name.Value):
		b.problem(b.f.Name.Pos, "use lower-case letters, digits and dashes, such as my-service", "scenario name %q is not valid", b.f.Name.Value)
	}
	if b.f.Title.Value == "" {
		b.s.Title = b.s.Name
	}
	if len(b.f.Outputs) == 0 {
		b.problem(Pos{1, 1}, "add an outputs: list of {name, expr}", "the scenario has no outputs")
	}
}

// declare checks a new input or output name.
func (b *builder) declare(t Text, item Pos, what string) bool {
	name := t.Value
	switch {
	case name == "":
		b.problem(item, "add name: …", "%s has no name", what)
		return false
	case !validInputName(name):
		b.problem(t.Pos, "use lower-case letters, digits and underscores, starting with a letter, such as peak_qps", "%s name %q is not valid", what, name)
		return false
	case calc.IsUnitName(name) && !calc.IsSugar(name):
		b.problem(t.Pos, "choose another name, such as "+name+"_value", "%s name %q is a unit", what, name)
		return false
	case calc.IsReservedWord(name):
		b.problem(t.Pos, "choose another name, such as "+name+"_value", "%s name %q is a word of the expression language", what, name)
		return false
	case calc.IsFunctionName(name):
		b.problem(t.Pos, "choose another name, such as "+name+"_value", "%s name %q is a function", what, name)
		return false
	}
	if first, dup := b.declared[name]; dup {
		b.problem(t.Pos, fmt.Sprintf("the first is at line %d; rename one", first.Line), "%q is declared twice", name)
		return false
	}
	b.declared[name] = t.Pos
	return true
}

func (b *builder) inputs() {
	for _, d := range b.f.Inputs {
		if !b.declare(d.Name, d.Pos, "an input") {
			continue
		}
		in := &Input{Name: d.Name.Value, Help: d.Help.Value, Grows: d.Grows, slot: len(b.s.Inputs)}
		if d.Value.Refused {
			continue
		}
		if d.Value.Value == "" {
			b.problem(d.Name.Pos, "add value: …, such as value: 5M or value: 300 MB", "input %q has no value", in.Name)
			continue
		}
		e, err := calc.Parse(d.Value.Value)
		if err != nil {
			b.exprProblem(d.Value, "value of "+in.Name, err)
			continue
		}
		f, err := e.Compile(nil)
		if err != nil {
			b.exprProblem(d.Value, "value of "+in.Name, err)
			continue
		}
		base, _ := f.Constant()
		in.Default = Value{Text: d.Value.Value, Base: base}
		in.Dim = f.Dim
		if t, ok := e.Template(); ok {
			in.template = &t
		}
		in.Min = b.bound(in, d.Min, "min")
		in.Max = b.bound(in, d.Max, "max")
		if err := in.checkBounds(in.Default); err != nil {
			b.problem(d.Value.Pos, "change the value or the bound", "%v", err)
		}
		b.s.index[in.Name] = in.slot
		b.scope[in.Name] = calc.Var{Slot: in.slot, Dim: in.Dim}
		b.s.Inputs = append(b.s.Inputs, in)
	}
}

// bound reads an input's min or max, which follows the value's rules (a
// bare number takes the default's unit).
func (b *builder) bound(in *Input, t Text, which string) *Value {
	if t.Value == "" {
		return nil
	}
	v, err := in.Parse(t.Value)
	if err != nil {
		b.exprProblem(t, which+" of "+in.Name, err)
		return nil
	}
	return &v
}

func (b *builder) outputs() {
	type parsed struct {
		decl OutputDecl
		expr *calc.Expr
		out  *Output
	}
	var all []parsed
	byName := map[string]int{}
	for _, d := range b.f.Outputs {
		if !b.declare(d.Name, d.Pos, "an output") {
			continue
		}
		out := &Output{Name: d.Name.Value, Expr: d.Expr.Value, Help: d.Help.Value, at: d.Expr.Pos}
		if d.Expr.Refused {
			continue
		}
		if d.Expr.Value == "" {
			b.problem(d.Name.Pos, "add expr: …, such as expr: dau * requests_per_user", "output %q has no expr", out.Name)
			continue
		}
		e, err := calc.Parse(d.Expr.Value)
		if err != nil {
			b.exprProblem(d.Expr, "expr of "+out.Name, err)
			continue
		}
		byName[out.Name] = len(all)
		all = append(all, parsed{d, e, out})
	}
	// Dependencies between outputs, from the names their formulas use.
	deps := make([][]int, len(all))
	for i, p := range all {
		for _, r := range p.expr.Refs() {
			if j, ok := byName[r.Name]; ok {
				deps[i] = append(deps[i], j)
			}
		}
	}
	order, cycles := topoOrder(deps)
	inCycle := map[int]bool{}
	for _, cyc := range cycles {
		names := make([]string, len(cyc))
		for k, i := range cyc {
			names[k] = all[i].out.Name
			inCycle[i] = true
		}
		first := all[cyc[0]].decl
		b.problem(first.Expr.Pos, "an output may use inputs and other outputs, but not itself, even through others",
			"dependency cycle: %s → %s", strings.Join(names, " → "), names[0])
	}
	// Compile in dependency order, so each formula's names have dimensions.
	slot := len(b.s.Inputs)
	compiled := map[int]bool{}
	for _, i := range order {
		p := all[i]
		if inCycle[i] || !depsCompiled(deps[i], compiled) || b.usesBroken(p.expr) {
			continue // the problem with what it uses is reported already
		}
		if b.misreadNoun(p.decl.Expr, p.expr, "expr of "+p.out.Name) {
			continue
		}
		f, err := p.expr.Compile(b.scope)
		if err != nil {
			b.exprProblem(p.decl.Expr, "expr of "+p.out.Name, err)
			continue
		}
		p.out.formula, p.out.Dim = f, f.Dim
		if f.Unit != nil {
			p.out.Unit = f.Unit // "expr: x to TB" sets the unit too
		}
		// A wrong unit is reported, but the formula's dimension is known, so
		// the outputs that use this one are still checked.
		b.outputUnit(p.decl, p.out)
		p.out.slot = slot + i
		b.scope[p.out.Name] = calc.Var{Slot: p.out.slot, Dim: f.Dim}
		compiled[i] = true
	}
	// Outputs keep the author's order; evaluation follows the dependencies.
	for i, p := range all {
		if compiled[i] {
			b.s.index[p.out.Name] = p.out.slot
		}
		b.s.Outputs = append(b.s.Outputs, p.out)
	}
	for _, i := range order {
		if compiled[i] {
			b.s.order = append(b.s.order, i)
		}
	}
}

// misreadNoun reports a word that only reads well ("user", "requests")
// standing where a declared name was surely meant ("users"): the formula
// would take it as 1 and load without complaint.
func (b *builder) misreadNoun(t Text, e *calc.Expr, what string) bool {
	declared := make([]string, 0, len(b.declared))
	for name := range b.declared {
		declared = append(declared, name)
	}
	sort.Strings(declared)
	found := false
	for _, r := range e.Refs() {
		if _, ok := b.declared[r.Name]; ok || !calc.IsSugar(r.Name) {
			continue
		}
		if hint := suggestNames(r.Name, declared); hint != "" {
			b.exprProblem(t, what, &calc.Error{Src: t.Value, Pos: r.Pos, End: r.End,
				Msg: fmt.Sprintf("%q is not an input or output here: it reads as a count word meaning 1", r.Name), Hint: hint})
			found = true
		}
	}
	return found
}

// usesBroken reports whether an expression uses a name that was declared
// but could not be checked (its own problem is reported already).
func (b *builder) usesBroken(e *calc.Expr) bool {
	for _, r := range e.Refs() {
		if _, declared := b.declared[r.Name]; declared {
			if _, ok := b.scope[r.Name]; !ok {
				return true
			}
		}
	}
	return false
}

func depsCompiled(deps []int, compiled map[int]bool) bool {
	for _, j := range deps {
		if !compiled[j] {
			return false
		}
	}
	return true
}

// outputUnit checks an output's display unit against its formula.
func (b *builder) outputUnit(d OutputDecl, out *Output) {
	if d.Unit.Value == "" {
		return
	}
	u, err := calc.ParseUnit(d.Unit.Value)
	if err != nil {
		b.exprProblem(d.Unit, "unit of "+out.Name, err)
		return
	}
	if u.Dim != out.Dim {
		b.problem(d.Unit.Pos, unitHint(out.Dim), "unit %q of %s is %s, but its formula gives %s",
			d.Unit.Value, out.Name, u.Dim.Words(), describeDim(out.Dim))
		return
	}
	out.Unit = &u
}

func describeDim(d calc.Dim) string {
	if bu := d.BaseUnit(); bu != "" {
		return d.Words() + " (" + bu + ")"
	}
	return d.Words()
}

// unitHint suggests a unit of the formula's dimension.
func unitHint(d calc.Dim) string {
	if d.IsZero() {
		return "a plain number needs no unit: remove the unit line, or use \"%\""
	}
	return "use a unit of " + d.Words() + ", such as " + calc.Show(1, d, nil, calc.FormatOptions{}).Unit
}

// topoOrder orders nodes so that each comes after its dependencies, and
// returns the cycles it finds, each as the list of nodes around it.
func topoOrder(deps [][]int) (order []int, cycles [][]int) {
	const (
		unvisited = iota
		visiting
		done
	)
	state := make([]int, len(deps))
	var stack []int
	var visit func(i int)
	visit = func(i int) {
		switch state[i] {
		case done:
			return
		case visiting:
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k] == i {
					cycles = append(cycles, append([]int(nil), stack[k:]...))
					return
				}
			}
			return
		}
		state[i] = visiting
		stack = append(stack, i)
		for _, j := range deps[i] {
			visit(j)
		}
		stack = stack[:len(stack)-1]
		state[i] = done
		order = append(order, i)
	}
	for i := range deps {
		visit(i)
	}
	return order, cycles
}

// suggestNames is a "did you mean" hint, or "".
func suggestNames(name string, candidates []string) string {
	s := calc.Suggest(name, candidates)
	if len(s) == 0 {
		return ""
	}
	return "did you mean " + joinNames(s) + "?"
}

func joinNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) <= 2 {
		return strings.Join(q, " or ")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
