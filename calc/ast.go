package calc

// node is a syntax tree node. Every node knows its span in the source.
type node interface {
	span() (pos, end int)
}

// numberLit is a number, count suffix and percent applied; money literals
// ("$0.02") carry the dollar dimension.
type numberLit struct {
	pos, end int
	value    float64
	dim      Dim
}

// nameRef is a name: a scenario's input or output, or a unit.
type nameRef struct {
	pos, end int
	name     string
}

// unaryExpr is "-x" or "+x".
type unaryExpr struct {
	pos int
	op  tokenKind
	x   node
}

// binaryExpr is "x op y"; implicit marks multiplication by juxtaposition
// ("300 MB"), which prints without an operator.
type binaryExpr struct {
	opPos    int
	op       tokenKind
	x, y     node
	implicit bool
}

// percentExpr is "x%".
type percentExpr struct {
	x     node
	opPos int
	opEnd int
}

// callExpr is "name(args…)".
type callExpr struct {
	pos, end int
	name     string
	args     []node
}

// parenExpr is "(x)", kept so that rendering the work keeps the author's
// parentheses.
type parenExpr struct {
	pos, end int
	x        node
}

// convertExpr is "x to unit".
type convertExpr struct {
	x        node
	opPos    int
	unit     node
	unitText string
}

func (n *numberLit) span() (int, int)   { return n.pos, n.end }
func (n *nameRef) span() (int, int)     { return n.pos, n.end }
func (n *unaryExpr) span() (int, int)   { _, e := n.x.span(); return n.pos, e }
func (n *binaryExpr) span() (int, int)  { p, _ := n.x.span(); _, e := n.y.span(); return p, e }
func (n *percentExpr) span() (int, int) { p, _ := n.x.span(); return p, n.opEnd }
func (n *callExpr) span() (int, int)    { return n.pos, n.end }
func (n *parenExpr) span() (int, int)   { return n.pos, n.end }
func (n *convertExpr) span() (int, int) { p, _ := n.x.span(); _, e := n.unit.span(); return p, e }
