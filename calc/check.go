package calc

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Var is a name a formula may use: the slot its value is read from at
// evaluation and its dimension, known before evaluation.
type Var struct {
	Slot int
	Dim  Dim
}

// Scope declares the names a formula may use. A scope's names shadow the
// units that only read well ("users", "qps"), never the other units.
type Scope map[string]Var

func (s Scope) names() []string {
	out := make([]string, 0, len(s))
	for name := range s {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// irOp is an operation of the checked, dimension-free program.
type irOp uint8

const (
	opConst irOp = iota
	opLoad
	opNeg
	opAdd
	opSub
	opMul
	opDiv
	opPow
	opCall
)

// ir is a checked node: dimensions resolved, constants folded. Evaluation
// needs only the numbers.
type ir struct {
	op       irOp
	dim      Dim
	value    float64 // opConst
	slot     int     // opLoad
	fn       *funcDef
	args     []*ir
	pos, end int // where an evaluation error points
}

func (n *ir) isConst() bool { return n.op == opConst }

// checker resolves names and dimensions over a syntax tree. Nodes pass by
// value: a constant, what most nodes fold to, costs no allocation, and only
// the operands of an operation left for evaluation move to the heap.
type checker struct {
	src     string
	scope   Scope
	unit    ir   // the checked unit of the last conversion, for Formula.Unit
	hasUnit bool // whether unit is set
}

// exactPercent reads a plain decimal written with a percent sign, "99.9%",
// as the float64 nearest the decimal 0.999, by moving the exponent in the
// text rather than multiplying by 0.01: 99.9 × 0.01 is 0.9990000000000001,
// which would make a system of 99.9% miss a target of 0.999.
func (c *checker) exactPercent(n *percentExpr) (float64, bool) {
	lit, ok := n.x.(*numberLit)
	if !ok || lit.dim != (Dim{}) || lit.end > len(c.src) {
		return 0, false
	}
	text := c.src[lit.pos:lit.end]
	for i := 0; i < len(text); i++ {
		if (text[i] < '0' || text[i] > '9') && text[i] != '.' {
			return 0, false // a suffix, an exponent or a separator: multiply as usual
		}
	}
	v, err := strconv.ParseFloat(text+"e-2", 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// heapIR moves a checked node to the heap, as an operand of a node left for
// evaluation.
func heapIR(n ir) *ir {
	p := new(ir)
	*p = n
	return p
}

// maxExponent bounds a dimension's exponents; "MB^100^100" is refused.
const maxExponent = 64

func (c *checker) errorf(n node, hint, format string, args ...any) *Error {
	pos, end := n.span()
	return errorAt(c.src, pos, end, hint, format, args...)
}

// describe names an operand's dimension with its text: "information (10 MB)".
func (c *checker) describe(n node, d Dim) string {
	pos, end := n.span()
	text := strings.TrimSpace(c.src[pos:end])
	if text == "" || len(text) > 24 {
		if bu := d.BaseUnit(); bu != "" {
			return d.Words() + " (" + bu + ")"
		}
		return d.Words()
	}
	if _, bracketed := n.(*parenExpr); bracketed {
		return d.Words() + " " + text // "(1 MB)" has its brackets already
	}
	return d.Words() + " (" + text + ")"
}

// check checks n into *out. Nodes are written in place rather than
// returned: an ir is too large for registers, and copying it up every
// level of the tree cost more than the checking.
func (c *checker) check(n node, out *ir) *Error {
	switch n := n.(type) {
	case *numberLit:
		*out = ir{op: opConst, dim: n.dim, value: n.value, pos: n.pos, end: n.end}
		return nil
	case *nameRef:
		return c.name(n, out)
	case *parenExpr:
		return c.check(n.x, out)
	case *unaryExpr:
		if err := c.check(n.x, out); err != nil {
			return err
		}
		if n.op == tokPlus {
			return nil
		}
		return c.operation(opNeg, out.dim, n.pos, n.pos+1, out, nil, out)
	case *percentExpr:
		if v, ok := c.exactPercent(n); ok {
			*out = ir{op: opConst, value: v, pos: n.x.(*numberLit).pos, end: n.opEnd}
			return nil
		}
		if err := c.check(n.x, out); err != nil {
			return err
		}
		hundredth := ir{op: opConst, value: 0.01}
		return c.operation(opMul, out.dim, n.opPos, n.opEnd, out, &hundredth, out)
	case *binaryExpr:
		return c.binary(n, out)
	case *callExpr:
		v, err := c.call(n)
		if err == nil {
			*out = v
		}
		return err
	case *convertExpr:
		return c.convert(n, out)
	}
	panic(fmt.Sprintf("calc: unexpected node %T", n))
}

// checkValue is check returning the node.
func (c *checker) checkValue(n node) (ir, *Error) {
	var x ir
	err := c.check(n, &x)
	return x, err
}

func (c *checker) name(n *nameRef, out *ir) *Error {
	if v, ok := c.scope[n.name]; ok {
		*out = ir{op: opLoad, dim: v.Dim, slot: v.Slot, pos: n.pos, end: n.end}
		return nil
	}
	if u, ok := lookupUnit(n.name); ok {
		*out = ir{op: opConst, dim: u.dim, value: u.factor, pos: n.pos, end: n.end}
		return nil
	}
	if n.name == "B" {
		return c.errorf(n, bareBHint, `"B" alone is not a unit`)
	}
	if hint, ok := ambiguousUnits[n.name]; ok {
		return c.errorf(n, hint, "unknown unit %q", n.name)
	}
	if _, ok := functions[n.name]; ok {
		return c.errorf(n, fmt.Sprintf("call it: %s", functions[n.name].usage), "%s is a function", n.name)
	}
	if notFinite[strings.ToLower(n.name)] {
		return c.errorf(n, "give a number, such as 1e300 for a very large one", "%s is not a number an estimate can use", n.name)
	}
	hint := ""
	if s := suggest(n.name, c.scope.names()); len(s) > 0 {
		hint = "did you mean " + quoteList(s) + "?"
	}
	return c.errorf(n, hint, "unknown name %q", n.name)
}

// notFinite are the spellings of values that are not finite numbers, which
// programs print and people paste: they get their own message rather than
// "did you mean" a unit that looks alike.
var notFinite = map[string]bool{"nan": true, "inf": true, "infinity": true}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	switch len(q) {
	case 1:
		return q[0]
	case 2:
		return q[0] + " or " + q[1]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// binaryOp maps an operator to its program operation.
func binaryOp(k tokenKind) irOp {
	switch k {
	case tokPlus:
		return opAdd
	case tokMinus:
		return opSub
	case tokStar:
		return opMul
	case tokSlash, tokColon:
		return opDiv
	case tokCaret:
		return opPow
	}
	return opConst // unreachable: the parser makes no other binary node
}

// bareBHint explains why "B" alone is refused.
const bareBHint = `write "bytes", or a prefixed unit such as "KB" or "MB"; attached to a number, B means billion ("1B")`

func (c *checker) binary(n *binaryExpr, out *ir) *Error {
	if y, ok := n.y.(*nameRef); ok && n.implicit && y.name == "B" {
		// "500 B": say what the whole thing should have been.
		pos, _ := n.x.span()
		return c.errorf(y, fmt.Sprintf("did you mean %q? A bare B is never bytes; attached to a number it means billion (\"1B\")",
			strings.TrimSpace(c.src[pos:y.pos])+" bytes"), `"B" alone is not a unit`)
	}
	x := out // the left operand is checked in place
	if err := c.check(n.x, x); err != nil {
		return err
	}
	var y ir
	if err := c.check(n.y, &y); err != nil {
		return err
	}
	opEnd := n.opPos + 1
	if n.implicit {
		_, opEnd = n.y.span()
	}
	var d Dim
	switch n.op {
	case tokPlus, tokMinus:
		if x.dim != y.dim {
			verb := map[tokenKind]string{tokPlus: "add", tokMinus: "subtract"}[n.op]
			return errorAt(c.src, n.opPos, n.opPos+1, "both sides must be of one kind; convert or remove one",
				"cannot %s %s and %s", verb, c.describe(n.x, x.dim), c.describe(n.y, y.dim))
		}
		d = x.dim
	case tokStar:
		d = x.dim.Mul(y.dim)
	case tokSlash:
		d = x.dim.Div(y.dim)
	case tokColon:
		if x.dim != y.dim {
			return errorAt(c.src, n.opPos, n.opPos+1, "a ratio compares two things of one kind, as in 10:1",
				"cannot take the ratio of %s to %s", c.describe(n.x, x.dim), c.describe(n.y, y.dim))
		}
	case tokCaret:
		pd, err := c.powerDim(n, x, &y)
		if err != nil {
			return err
		}
		d = pd
	}
	if err := c.checkExponents(n, d); err != nil {
		return err
	}
	return c.operation(binaryOp(n.op), d, n.opPos, opEnd, x, &y, out)
}

// powerDim is the dimension of x^y: a plain number to any plain power, or a
// unit to a constant power that keeps its exponents whole ("(2 s)^2").
func (c *checker) powerDim(n *binaryExpr, x, y *ir) (Dim, *Error) {
	if !y.dim.IsZero() {
		return Dim{}, c.errorf(n.y, "an exponent is a plain number", "cannot raise to the power of %s", c.describe(n.y, y.dim))
	}
	if x.dim.IsZero() {
		return Dim{}, nil
	}
	if !y.isConst() {
		return Dim{}, c.errorf(n.y, "write the exponent as a number", "the exponent of %s must be a constant", c.describe(n.x, x.dim))
	}
	var d Dim
	for i, e := range x.dim {
		v := float64(e) * y.value
		if v != math.Trunc(v) || math.Abs(v) > maxExponent {
			return Dim{}, c.errorf(n, "", "cannot raise %s to the power %g", c.describe(n.x, x.dim), y.value)
		}
		d[i] = int8(v)
	}
	return d, nil
}

func (c *checker) checkExponents(n node, d Dim) *Error {
	for _, e := range d {
		if e > maxExponent || e < -maxExponent {
			return c.errorf(n, "", "units multiply past %s^%d", baseUnitNames[0], maxExponent)
		}
	}
	return nil
}

func (c *checker) call(n *callExpr) (ir, *Error) {
	fn, ok := functions[n.name]
	if !ok {
		hint := ""
		if s := Suggest(n.name, functionNames()); len(s) > 0 {
			hint = "did you mean " + quoteList(s) + "?"
		} else {
			hint = "functions: " + strings.Join(functionNames(), ", ")
		}
		return ir{}, errorAt(c.src, n.pos, n.pos+len(n.name), hint, "unknown function %q", n.name)
	}
	if len(n.args) < fn.minArgs || (fn.maxArgs >= 0 && len(n.args) > fn.maxArgs) {
		return ir{}, c.errorf(n, "write "+fn.usage, "%s takes %s, not %d", n.name, argCount(fn), len(n.args))
	}
	args := make([]*ir, len(n.args))
	for i, a := range n.args {
		x := new(ir)
		if err := c.check(a, x); err != nil {
			return ir{}, err
		}
		args[i] = x
	}
	d, err := c.callDim(n, fn, args)
	if err != nil {
		return ir{}, err
	}
	return c.fold(ir{op: opCall, fn: &fn, dim: d, args: args, pos: n.pos, end: n.end})
}

func argCount(fn funcDef) string {
	switch {
	case fn.maxArgs < 0:
		return fmt.Sprintf("at least %d argument(s)", fn.minArgs)
	case fn.minArgs == fn.maxArgs && fn.minArgs == 1:
		return "one argument"
	case fn.minArgs == fn.maxArgs:
		return fmt.Sprintf("%d arguments", fn.minArgs)
	}
	return fmt.Sprintf("%d to %d arguments", fn.minArgs, fn.maxArgs)
}

func functionNames() []string {
	names := make([]string, 0, len(functions))
	for name := range functions {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// callDim applies a function's dimension rule to its checked arguments.
func (c *checker) callDim(n *callExpr, fn funcDef, args []*ir) (Dim, *Error) {
	switch fn.rule {
	case ruleDimensionless:
		for i, a := range args {
			if !a.dim.IsZero() {
				return Dim{}, c.errorf(n.args[i], "divide by a unit to make it a plain number, e.g. (x / 1 GB)",
					"%s needs a plain number, not %s", n.name, c.describe(n.args[i], a.dim))
			}
		}
		return Dim{}, nil
	case ruleSame:
		for i, a := range args[1:] {
			if a.dim != args[0].dim {
				return Dim{}, c.errorf(n.args[i+1], "every argument must be of one kind",
					"%s cannot compare %s with %s", n.name, c.describe(n.args[0], args[0].dim), c.describe(n.args[i+1], a.dim))
			}
		}
		return args[0].dim, nil
	case ruleHalf:
		var d Dim
		for i, e := range args[0].dim {
			if e%2 != 0 {
				return Dim{}, c.errorf(n.args[0], "", "cannot take the square root of %s", c.describe(n.args[0], args[0].dim))
			}
			d[i] = e / 2
		}
		return d, nil
	case ruleDowntime:
		if !args[0].dim.IsZero() {
			return Dim{}, c.errorf(n.args[0], "write the availability as a percentage, e.g. 99.9%", "%s needs an availability, not %s", n.name, c.describe(n.args[0], args[0].dim))
		}
		if args[1].dim != Seconds {
			return Dim{}, c.errorf(n.args[1], "write a period such as 1 month or 1 year", "%s needs a period of time, not %s", n.name, c.describe(n.args[1], args[1].dim))
		}
		return Seconds, nil
	}
	return Dim{}, nil
}

// fold evaluates a node whose arguments are all constant, so that units and
// literals cost nothing at evaluation and errors such as "1 / 0" are found
// while checking, at the operator that causes them.
func (c *checker) fold(n ir) (ir, *Error) {
	for _, a := range n.args {
		if !a.isConst() {
			return n, nil
		}
	}
	var buf [8]float64
	args := buf[:0]
	for _, a := range n.args {
		args = append(args, a.value)
	}
	v, msg := apply(&n, args)
	if msg != "" {
		return ir{}, errorAt(c.src, n.pos, n.end, "", "%s", msg)
	}
	return ir{op: opConst, dim: n.dim, value: v, pos: n.pos, end: n.end}, nil
}

// operation writes to out the node of an operator (y is nil for opNeg)
// applied to checked operands, folded as fold would when they are
// constant: errors such as "1 / 0" are found here, at the operator that
// causes them. out may be x.
func (c *checker) operation(op irOp, d Dim, pos, end int, x, y, out *ir) *Error {
	if x.isConst() && (y == nil || y.isConst()) {
		var b float64
		if y != nil {
			b = y.value
		}
		v, msg := applyOp(op, x.value, b)
		if msg != "" {
			return errorAt(c.src, pos, end, "", "%s", msg)
		}
		*out = ir{op: opConst, dim: d, value: v, pos: pos, end: end}
		return nil
	}
	var args []*ir // copies, made before out (which may be x) is written
	if y == nil {
		args = []*ir{heapIR(*x)}
	} else {
		args = []*ir{heapIR(*x), heapIR(*y)}
	}
	*out = ir{op: op, dim: d, args: args, pos: pos, end: end}
	return nil
}

// convert checks "x to unit": the unit must be constant and of x's dimension.
func (c *checker) convert(n *convertExpr, out *ir) *Error {
	x := out // the converted value is the result
	if err := c.check(n.x, x); err != nil {
		return err
	}
	scope := c.scope
	c.scope = nil // a unit never reads a scenario's names
	var u ir
	err := c.check(n.unit, &u)
	c.scope = scope
	if err != nil {
		return err
	}
	if !u.isConst() {
		return c.errorf(n.unit, "convert to units such as TB/day or Gbps", "%q is not a unit", n.unitText)
	}
	if u.value <= 0 {
		return c.errorf(n.unit, "", "cannot convert to %q: it is not positive", n.unitText)
	}
	if lit := quantityIn(n.unit); lit != nil {
		return c.errorf(lit, "write the unit alone, such as to MB or to Gbps",
			"a conversion takes a unit, not a quantity")
	}
	if u.dim != x.dim {
		return errorAt(c.src, n.opPos, n.opPos+len("to"), convertHint(x.dim),
			"cannot convert %s to %s", c.describe(n.x, x.dim), c.describe(n.unit, u.dim))
	}
	// A finite value can overflow once shown in a small unit: 1e308 bytes
	// is 8e308 bits. A formula's value is known only when it is evaluated,
	// and Show falls back to a unit that holds it then.
	if x.isConst() && math.IsInf(x.value/u.value, 0) {
		return c.errorf(n.unit, "convert to a larger unit, or leave out the conversion",
			"overflow: the result is too large to show in %s (over 1.8e308)", n.unitText)
	}
	c.unit, c.hasUnit = u, true
	return nil
}

// quantityIn finds a number written in a conversion's unit ("to 2 MB"),
// which would show the result as "0.5 2 MB". A 1 over a unit ("to 1/s")
// is a unit, as is the 1 the parser puts before "/s", which spans no text.
func quantityIn(unit node) *numberLit {
	var found *numberLit
	numerators := map[*numberLit]bool{}
	walk(unit, func(n node) { // parents first: a numerator is marked before it is visited
		if b, ok := n.(*binaryExpr); ok && b.op == tokSlash {
			if lit, ok := b.x.(*numberLit); ok && lit.value == 1 {
				numerators[lit] = true
			}
		}
		if lit, ok := n.(*numberLit); ok && lit.end > lit.pos && !numerators[lit] && found == nil {
			found = lit
		}
	})
	return found
}

// convertHint suggests units of the dimension a value has.
func convertHint(d Dim) string {
	if u, ok := autoUnits[d]; ok && len(u.decimal) > 0 {
		var names []string
		for i, step := range u.decimal {
			if i%2 == 0 || len(u.decimal) < 4 {
				names = append(names, step.text)
			}
		}
		return "it converts to units such as " + strings.Join(names, ", ")
	}
	if d.IsZero() {
		return "it is a plain number"
	}
	return "it is in " + d.BaseUnit()
}
