package calc

import (
	"fmt"
	"strings"
	"sync"
)

// maxDepth bounds nesting, so that "((((…" of any length is an error and
// never a stack overflow.
const maxDepth = 100

type parser struct {
	src   string
	toks  []token
	i     int
	depth int
	nodes *nodes // where parse places its nodes; nil: each on its own
}

// nodes holds the syntax nodes of one parse in a single allocation: a
// typical line ("250000 MB to TB") needs an Expr, a conversion, a number,
// a few names and operators. Nodes beyond these are allocated one by one.
// Evaluate, which keeps no node, reuses them and a token buffer through
// nodesPool.
type nodes struct {
	expr  Expr
	conv  convertExpr
	nums  [2]numberLit
	names [4]nameRef
	bins  [3]binaryExpr
	nn    int // nums used
	nm    int // names used
	nb    int // bins used

	toks []token // a token buffer, kept with the nodes in nodesPool
}

// nodesPool holds node sets for Evaluate.
var nodesPool = sync.Pool{New: func() any { return new(nodes) }}

func (p *parser) newNumber(n numberLit) *numberLit {
	if a := p.nodes; a != nil && a.nn < len(a.nums) {
		a.nums[a.nn] = n
		a.nn++
		return &a.nums[a.nn-1]
	}
	x := new(numberLit)
	*x = n
	return x
}

func (p *parser) newName(n nameRef) *nameRef {
	if a := p.nodes; a != nil && a.nm < len(a.names) {
		a.names[a.nm] = n
		a.nm++
		return &a.names[a.nm-1]
	}
	x := new(nameRef)
	*x = n
	return x
}

func (p *parser) newBinary(n binaryExpr) *binaryExpr {
	if a := p.nodes; a != nil && a.nb < len(a.bins) {
		a.bins[a.nb] = n
		a.nb++
		return &a.bins[a.nb-1]
	}
	x := new(binaryExpr)
	*x = n
	return x
}

// Expr is a parsed expression: syntax only, its names not yet resolved.
type Expr struct {
	src  string
	root node
	conv *convertExpr // the final "to UNIT", if any
}

// Parse scans and parses src. The result can be checked against a scope with
// Compile; Names lists what it refers to, for dependency ordering.
func Parse(src string) (*Expr, error) {
	e, err := parse(src)
	if err != nil {
		return nil, err
	}
	return e, nil
}

// tokenPool holds token slices for parse, so that it allocates no tokens.
var tokenPool = sync.Pool{New: func() any { toks := make([]token, 0, 32); return &toks }}

// maxPooledTokens bounds the slices kept in tokenPool.
const maxPooledTokens = 1024

func parse(src string) (*Expr, *Error) {
	bp := tokenPool.Get().(*[]token)
	defer tokenPool.Put(bp)
	toks, err := scanInto((*bp)[:0], src)
	if err != nil {
		return nil, err
	}
	if cap(toks) <= maxPooledTokens { // keep a grown slice, unless huge
		*bp = toks[:0]
	}
	// The tree copies what it needs from the tokens: the slice goes back
	// to the pool when parse returns.
	return parseTokens(src, toks, new(nodes))
}

// parseTokens parses the tokens of src, placing the tree's nodes in a.
func parseTokens(src string, toks []token, a *nodes) (*Expr, *Error) {
	p := &parser{src: src, toks: toks, nodes: a}
	if p.peek().kind == tokEOF {
		return nil, errorAt(src, 0, len(src), "type a number, a unit or a formula, for example 5M * 300 MB / day", "empty expression")
	}
	root, err := p.input()
	if err != nil {
		return nil, err
	}
	e := &a.expr
	*e = Expr{src: src, root: root}
	if c, ok := root.(*convertExpr); ok {
		e.conv = c
	}
	return e, nil
}

// peek is the next token, in place: the tokens do not change while parsing.
func (p *parser) peek() *token { return &p.toks[p.i] }

// text is a token's source text.
func (p *parser) text(t *token) string { return p.src[t.pos:t.end] }

func (p *parser) advance() *token {
	t := &p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

func (p *parser) errorf(t *token, hint, format string, args ...any) *Error {
	return errorAt(p.src, t.pos, t.end, hint, format, args...)
}

func (p *parser) isConversion(t *token) bool {
	return t.kind == tokArrow || (t.kind == tokName && (p.text(t) == "to" || p.text(t) == "in"))
}

// input = ratio [ ( "to" | "in" | "->" ) unit ] EOF
func (p *parser) input() (node, *Error) {
	x, err := p.ratio()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); p.isConversion(t) {
		p.advance()
		unitStart := p.peek().pos
		u, err := p.unit()
		if err != nil {
			return nil, err
		}
		_, unitEnd := u.span()
		c := convertExpr{x: x, opPos: t.pos, unit: u, unitText: strings.TrimSpace(p.src[unitStart:unitEnd])}
		if p.nodes != nil {
			p.nodes.conv = c
			x = &p.nodes.conv
		} else {
			x = &convertExpr{x: c.x, opPos: c.opPos, unit: c.unit, unitText: c.unitText}
		}
	}
	if t := p.peek(); t.kind != tokEOF {
		return nil, p.unexpected(t)
	}
	return x, nil
}

// unexpected explains a token the grammar does not allow where it stands.
func (p *parser) unexpected(t *token) *Error {
	switch {
	case t.kind == tokRParen:
		return p.errorf(t, "remove it, or add the \"(\" it closes", "unmatched \")\"")
	case p.isConversion(t):
		return p.errorf(t, "convert once, at the end: EXPR to UNIT", "unexpected %q", p.text(t))
	case t.kind == tokEOF:
		return p.errorf(t, "", "unexpected end of input")
	}
	return p.errorf(t, "", "unexpected %s", p.describeToken(t))
}

// describeToken names a token for an error: `name "foo"`, `number "5"`, `"*"`.
func (p *parser) describeToken(t *token) string {
	if t.kind == tokName || t.kind == tokNumber {
		return fmt.Sprintf("%s %q", t.kind, p.text(t))
	}
	return t.kind.String()
}

// unit = [ "/" ] product
//
// A leading "/" reads as "1/": "to /s" means per second.
func (p *parser) unit() (node, *Error) {
	if t := p.peek(); t.kind == tokSlash {
		p.advance()
		y, err := p.juxtaposed()
		if err != nil {
			return nil, err
		}
		one := p.newNumber(numberLit{pos: t.pos, end: t.pos, value: 1})
		return p.productTail(p.newBinary(binaryExpr{opPos: t.pos, op: tokSlash, x: one, y: y}))
	}
	if t := p.peek(); t.kind == tokPercent {
		p.advance()
		return p.newName(nameRef{pos: t.pos, end: t.end, name: "percent"}), nil
	}
	if t := p.peek(); t.kind == tokEOF {
		return nil, p.errorf(t, "for example: to TB/day, to Gbps, to /s", "missing unit after the conversion")
	}
	return p.product()
}

// ratio = sum [ ":" sum ]
func (p *parser) ratio() (node, *Error) {
	x, err := p.sum()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind == tokColon {
		p.advance()
		y, err := p.sum()
		if err != nil {
			return nil, err
		}
		x = p.newBinary(binaryExpr{opPos: t.pos, op: tokColon, x: x, y: y})
	}
	return x, nil
}

// sum = product { ( "+" | "-" ) product }
func (p *parser) sum() (node, *Error) {
	x, err := p.product()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		if t.kind != tokPlus && t.kind != tokMinus {
			return x, nil
		}
		p.advance()
		y, err := p.product()
		if err != nil {
			return nil, err
		}
		x = p.newBinary(binaryExpr{opPos: t.pos, op: t.kind, x: x, y: y})
	}
}

// product = juxtaposed { ( "*" | "/" ) juxtaposed }
func (p *parser) product() (node, *Error) {
	x, err := p.juxtaposed()
	if err != nil {
		return nil, err
	}
	return p.productTail(x)
}

func (p *parser) productTail(x node) (node, *Error) {
	for {
		t := p.peek()
		if t.kind != tokStar && t.kind != tokSlash {
			return x, nil
		}
		p.advance()
		y, err := p.juxtaposed()
		if err != nil {
			return nil, err
		}
		x = p.newBinary(binaryExpr{opPos: t.pos, op: t.kind, x: x, y: y})
	}
}

// juxtaposed = unary { unary }
//
// Multiplication by juxtaposition binds tighter than "*" and "/", as in GNU
// units, so that "$100 / 1 TB" is $100 / (1 TB) and "2/day" still reads
// as 2 / day.
func (p *parser) juxtaposed() (node, *Error) {
	x, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.startsOperand(p.peek()) {
		t := p.peek()
		y, err := p.unary()
		if err != nil {
			return nil, err
		}
		x = p.newBinary(binaryExpr{opPos: t.pos, op: tokStar, x: x, y: y, implicit: true})
	}
	return x, nil
}

// startsOperand reports whether t can begin an implicit multiplication's
// right operand: a number, a name (not "to" or "in"), "$" or "(".
func (p *parser) startsOperand(t *token) bool {
	switch t.kind {
	case tokNumber, tokDollar, tokLParen:
		return true
	case tokName:
		return !p.isConversion(t)
	}
	return false
}

// unary = ( "-" | "+" ) unary | power
func (p *parser) unary() (node, *Error) {
	t := p.peek()
	if t.kind != tokMinus && t.kind != tokPlus {
		return p.power()
	}
	if err := p.enter(t); err != nil {
		return nil, err
	}
	defer p.leave()
	p.advance()
	x, err := p.unary()
	if err != nil {
		return nil, err
	}
	return &unaryExpr{pos: t.pos, op: t.kind, x: x}, nil
}

// power = postfix [ "^" unary ]
//
// The exponent is a unary, so "2^-1" works and "2^3^2" is 2^(3^2).
func (p *parser) power() (node, *Error) {
	x, err := p.postfix()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind == tokCaret {
		if err := p.enter(t); err != nil {
			return nil, err
		}
		defer p.leave()
		p.advance()
		y, err := p.unary()
		if err != nil {
			return nil, err
		}
		x = p.newBinary(binaryExpr{opPos: t.pos, op: tokCaret, x: x, y: y})
	}
	return x, nil
}

// postfix = primary { "%" }
func (p *parser) postfix() (node, *Error) {
	x, err := p.primary()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == tokPercent {
		t := p.advance()
		x = &percentExpr{x: x, opPos: t.pos, opEnd: t.end}
	}
	return x, nil
}

// primary = number | "$" number | name | name "(" [ ratio { "," ratio } ] ")" | "(" ratio ")"
func (p *parser) primary() (node, *Error) {
	t := p.peek()
	switch t.kind {
	case tokNumber:
		p.advance()
		return p.newNumber(numberLit{pos: t.pos, end: t.end, value: t.num}), nil
	case tokDollar:
		p.advance()
		if n := p.peek(); n.kind == tokNumber && n.pos == t.end {
			p.advance()
			return p.newNumber(numberLit{pos: t.pos, end: n.end, value: n.num, dim: Dollars}), nil
		}
		return p.newName(nameRef{pos: t.pos, end: t.end, name: "$"}), nil
	case tokName:
		if p.isConversion(t) {
			return nil, p.errorf(t, "put the conversion at the end: EXPR to UNIT", "%q needs an expression before it", p.text(t))
		}
		p.advance()
		if n := p.peek(); n.kind == tokLParen && n.pos == t.end {
			return p.call(t)
		}
		return p.newName(nameRef{pos: t.pos, end: t.end, name: p.text(t)}), nil
	case tokLParen:
		if err := p.enter(t); err != nil {
			return nil, err
		}
		defer p.leave()
		p.advance()
		x, err := p.ratio()
		if err != nil {
			return nil, err
		}
		closing := p.peek()
		if closing.kind != tokRParen {
			return nil, errorAt(p.src, t.pos, t.end, "add a \")\" to close it", "unclosed \"(\"")
		}
		p.advance()
		return &parenExpr{pos: t.pos, end: closing.end, x: x}, nil
	case tokEOF:
		return nil, p.errorf(t, "", "expression ends too early: a number, name or \"(\" should follow")
	}
	return nil, p.errorf(t, "", "unexpected %s: a number, name or \"(\" should come here", p.describeToken(t))
}

// call parses a function's arguments; name has been consumed and "(" is next.
func (p *parser) call(name *token) (node, *Error) {
	open := p.advance()
	if err := p.enter(open); err != nil {
		return nil, err
	}
	defer p.leave()
	c := &callExpr{pos: name.pos, name: p.text(name)}
	if p.peek().kind != tokRParen {
		for {
			arg, err := p.ratio()
			if err != nil {
				return nil, err
			}
			c.args = append(c.args, arg)
			if p.peek().kind != tokComma {
				break
			}
			p.advance()
		}
	}
	closing := p.peek()
	if closing.kind != tokRParen {
		if closing.kind == tokEOF {
			return nil, errorAt(p.src, open.pos, open.end, "add a \")\" to close it", "unclosed \"(\" of %s", p.text(name))
		}
		return nil, p.errorf(closing, "separate arguments with \",\"", "unexpected %s in the arguments of %s", p.describeToken(closing), p.text(name))
	}
	p.advance()
	c.end = closing.end
	return c, nil
}

func (p *parser) enter(t *token) *Error {
	p.depth++
	if p.depth > maxDepth {
		return p.errorf(t, "simplify the expression", "expression is nested too deeply (more than %d levels)", maxDepth)
	}
	return nil
}

func (p *parser) leave() { p.depth-- }
