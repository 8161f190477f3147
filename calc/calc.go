package calc

import (
	"sort"
	"strings"
)

// Ref is a use of a name in an expression, at a byte offset.
type Ref struct {
	Name     string
	Pos, End int
}

// Refs lists the names an expression uses that could be a scenario's own
// (every name that is not a unit with a dimension, nor a function), in order
// of appearance. A scenario orders its formulas by them.
func (e *Expr) Refs() []Ref {
	var refs []Ref
	walk(e.root, func(n node) {
		if r, ok := n.(*nameRef); ok {
			// An ambiguous spelling ("mb", "y") is no unit, so it may name
			// an input or output: it is a reference like any other name.
			if _, unit := lookupUnit(r.name); !unit || isSugar(r.name) {
				refs = append(refs, Ref{Name: r.name, Pos: r.pos, End: r.end})
			}
		}
	})
	return refs
}

// walk visits every node of a tree, parents before children. A conversion's
// unit is not visited: it never names a scenario's values.
func walk(n node, visit func(node)) {
	visit(n)
	switch n := n.(type) {
	case *unaryExpr:
		walk(n.x, visit)
	case *binaryExpr:
		walk(n.x, visit)
		walk(n.y, visit)
	case *percentExpr:
		walk(n.x, visit)
	case *callExpr:
		for _, a := range n.args {
			walk(a, visit)
		}
	case *parenExpr:
		walk(n.x, visit)
	case *convertExpr:
		walk(n.x, visit)
	}
}

// Source is the expression's text.
func (e *Expr) Source() string { return e.src }

// Formula is a checked expression, compiled once and evaluated many times.
type Formula struct {
	expr  *Expr
	Dim   Dim   // the dimension of its result
	Unit  *Unit // the unit of a final "to UNIT", or nil
	prog  program
	konst bool
	value float64
}

// Compile checks an expression against a scope and compiles it.
func (e *Expr) Compile(scope Scope) (*Formula, error) {
	f, err := e.compile(scope)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func (e *Expr) compile(scope Scope) (*Formula, *Error) {
	root, unit, err := e.check(scope)
	if err != nil {
		return nil, err
	}
	f := &Formula{expr: e, Dim: root.dim, Unit: unit}
	if root.isConst() {
		f.konst, f.value = true, root.value // Eval never runs the program
	} else {
		f.prog = compileIR(heapIR(root))
	}
	return f, nil
}

// check resolves the expression's names and dimensions against a scope,
// folding constants. unit is the final conversion's unit, if any: the
// checker has already read it from the same tokens, so it is what
// ParseUnit(e.conv.unitText) returns, without scanning the text again.
func (e *Expr) check(scope Scope) (ir, *Unit, *Error) {
	c := checker{src: e.src, scope: scope}
	root, err := c.checkValue(e.root)
	if err != nil {
		return ir{}, nil, err
	}
	var unit *Unit
	if e.conv != nil {
		if !c.hasUnit { // unreachable: checking a conversion sets it
			return ir{}, nil, errorAt(e.src, e.conv.opPos, len(e.src), "", "%q is not a unit", e.conv.unitText)
		}
		unit = &Unit{Text: e.conv.unitText, Factor: c.unit.value, Dim: c.unit.dim}
	}
	return root, unit, nil
}

// Compile parses and compiles src in one step.
func Compile(src string, scope Scope) (*Formula, error) {
	e, err := parse(src)
	if err != nil {
		return nil, err
	}
	return e.Compile(scope)
}

// Source is the formula's text.
func (f *Formula) Source() string { return f.expr.src }

// Expr is the parsed expression the formula was compiled from.
func (f *Formula) Expr() *Expr { return f.expr }

// Constant reports the formula's value when it uses no names.
func (f *Formula) Constant() (float64, bool) { return f.value, f.konst }

// Eval evaluates the formula with vals[slot] for each name of its scope. The
// result is in base units and is never NaN or infinite: overflow, division
// by zero and the like are errors at the operator that caused them.
func (f *Formula) Eval(vals []float64) (float64, error) {
	if f.konst {
		return f.value, nil
	}
	v, err := f.prog.run(f.expr.src, vals)
	if err != nil {
		return 0, err
	}
	return v, nil
}

// Result is an evaluated expression: a base value, its dimension, and the
// unit asked for with "to", if any.
type Result struct {
	Base float64
	Dim  Dim
	Unit *Unit
}

// Show formats the result for a person.
func (r Result) Show(opts FormatOptions) Display { return Show(r.Base, r.Dim, r.Unit, opts) }

// Evaluate computes a constant expression, such as a line typed into
// `estimate eval`.
func Evaluate(src string) (Result, error) {
	// The result keeps no syntax node (a unit's text is a part of src), so
	// the nodes go back to their pool for the next line.
	a := nodesPool.Get().(*nodes)
	defer releaseNodes(a)
	toks, serr := scanInto(a.toks[:0], src)
	if serr != nil {
		return Result{}, serr
	}
	a.toks = toks
	e, err := parseTokens(src, toks, a)
	if err != nil {
		return Result{}, err
	}
	root, unit, err := e.check(nil)
	if err != nil {
		return Result{}, err
	}
	v := root.value
	if !root.isConst() { // without a scope every name is a unit, so this is rare
		prog := compileIR(heapIR(root))
		if v, err = prog.run(src, nil); err != nil {
			return Result{}, err
		}
	}
	return Result{Base: v, Dim: root.dim, Unit: unit}, nil
}

// releaseNodes empties a node set, so that it holds no expression's text,
// and puts it back into nodesPool with its token buffer, unless a long
// line grew that.
func releaseNodes(a *nodes) {
	toks := a.toks[:0]
	if cap(toks) > maxPooledTokens {
		toks = nil
	}
	*a = nodes{toks: toks}
	nodesPool.Put(a)
}

// Render writes the formula with each name that sub knows replaced by its
// text, and "*" written "×", keeping the author's spacing: it is the middle
// of a result's work ("dau × uploaders" → "5M × 10%"). A replacement that
// holds a space or an operator is put in parentheses where the formula's
// grouping would otherwise change ("a / (300 MB)").
func (f *Formula) Render(sub func(name string) (string, bool)) string {
	type edit struct {
		pos, end int
		text     string
	}
	var edits []edit
	var visit func(n node, tight bool)
	visit = func(n node, tight bool) {
		switch n := n.(type) {
		case *nameRef:
			if text, ok := sub(n.name); ok {
				if tight && strings.ContainsAny(text, " /*×+-^") {
					text = "(" + text + ")"
				}
				edits = append(edits, edit{n.pos, n.end, text})
			}
		case *unaryExpr:
			visit(n.x, true)
		case *binaryExpr:
			if n.op == tokStar && !n.implicit && f.expr.src[n.opPos] == '*' {
				edits = append(edits, edit{n.opPos, n.opPos + 1, "×"})
			}
			tightY := n.op == tokSlash || n.op == tokCaret || n.op == tokMinus || n.implicit
			visit(n.x, n.op == tokCaret || n.implicit)
			visit(n.y, tightY)
		case *percentExpr:
			visit(n.x, true)
		case *callExpr:
			for _, a := range n.args {
				visit(a, false)
			}
		case *parenExpr:
			visit(n.x, false)
		case *convertExpr:
			visit(n.x, false)
		}
	}
	visit(f.expr.root, false)
	sort.Slice(edits, func(i, j int) bool { return edits[i].pos < edits[j].pos })
	var b strings.Builder
	at := 0
	for _, e := range edits {
		b.WriteString(f.expr.src[at:e.pos])
		b.WriteString(e.text)
		at = e.end
	}
	b.WriteString(f.expr.src[at:])
	return b.String()
}

// Number reports the value of an expression that is a single plain number,
// such as "500", "-1" or "5M" (not "$5", "5%" or "5 MB").
func (e *Expr) Number() (float64, bool) {
	n, sign := e.root, 1.0
	if u, ok := n.(*unaryExpr); ok {
		n = u.x
		if u.op == tokMinus {
			sign = -1
		}
	}
	if lit, ok := n.(*numberLit); ok && lit.dim.IsZero() {
		return sign * lit.value, true
	}
	return 0, false
}

// Template is an expression of the form NUMBER UNIT ("300 MB", "$0.02/GB",
// "10%", "10:1", "2/day") with its leading number taken out, so that a bare
// number typed later can take the same unit: "500" becomes "500 MB".
type Template struct {
	prefix, suffix string
}

// Template finds the expression's leading number. It succeeds when that
// number is the leftmost operand of products, quotients, ratios and
// percentages, so that replacing it scales the whole value.
func (e *Expr) Template() (Template, bool) {
	n := e.root
	for {
		switch x := n.(type) {
		case *numberLit:
			start := x.pos
			prefix := e.src[:start]
			if x.dim == Dollars {
				prefix += "$"
			}
			return Template{prefix: prefix, suffix: e.src[x.end:]}, true
		case *binaryExpr:
			if x.op != tokStar && x.op != tokSlash && x.op != tokColon {
				return Template{}, false
			}
			n = x.x
		case *percentExpr:
			n = x.x
		default:
			return Template{}, false
		}
	}
}

// Apply puts a number in the template: "500" → "500 MB".
func (t Template) Apply(number string) string { return t.prefix + number + t.suffix }

// UnitText is the template without its number, trimmed: "MB", "%", "/day".
// A ratio's template (":1" of "10:1") has no unit.
func (t Template) UnitText() string {
	u := strings.TrimSpace(t.prefix + t.suffix)
	if strings.HasPrefix(u, ":") {
		return ""
	}
	return u
}

// IsSugar reports whether name is a unit that only reads well ("users",
// "requests", "qps"); a scenario's own names may shadow these.
func IsSugar(name string) bool { return isSugar(name) }

// IsReservedWord reports whether name is a word an expression reads as
// something other than a name: the conversion keywords "to" and "in".
func IsReservedWord(name string) bool { return name == "to" || name == "in" }

// IsFunctionName reports whether name is a function of the language.
func IsFunctionName(name string) bool {
	_, ok := functions[name]
	return ok
}
