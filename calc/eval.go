package calc

import (
	"math"
)

// apply computes one operation on its argument values, or says why it has
// no finite result. It is shared by constant folding and the evaluator, so
// that both give the same answers and the same errors.
func apply(n *ir, a []float64) (float64, string) {
	var v float64
	switch n.op {
	case opNeg:
		return -a[0], ""
	case opAdd:
		v = a[0] + a[1]
	case opSub:
		v = a[0] - a[1]
	case opMul:
		v = a[0] * a[1]
	case opDiv:
		if a[1] == 0 {
			return 0, "division by zero"
		}
		v = a[0] / a[1]
	case opPow:
		if a[0] == 0 && a[1] < 0 {
			return 0, "division by zero (zero to a negative power)"
		}
		if a[0] < 0 && a[1] != math.Trunc(a[1]) {
			return 0, "a negative number to a fractional power has no real value"
		}
		v = math.Pow(a[0], a[1])
	case opCall:
		var msg string
		v, msg = n.fn.eval(a)
		if msg != "" {
			return 0, msg
		}
	}
	if math.IsInf(v, 0) {
		return 0, "overflow: the result is too large (over 1.8e308)"
	}
	if math.IsNaN(v) {
		return 0, "the result is not a number"
	}
	return v, ""
}

// instr is one step of a compiled program; programs run on a value stack.
type instr struct {
	op    irOp
	nargs int32   // arguments popped, for opCall
	slot  int32   // opLoad
	value float64 // opConst
	node  *ir     // for opCall's function and for error positions
}

// program is a formula compiled for repeated evaluation.
type program struct {
	code     []instr
	maxStack int
}

func compileIR(root *ir) program {
	var p program
	depth := 0
	var emit func(n *ir)
	emit = func(n *ir) {
		switch n.op {
		case opConst:
			p.code = append(p.code, instr{op: opConst, value: n.value, node: n})
			depth++
		case opLoad:
			p.code = append(p.code, instr{op: opLoad, slot: int32(n.slot), node: n})
			depth++
		default:
			for _, a := range n.args {
				emit(a)
			}
			p.code = append(p.code, instr{op: n.op, nargs: int32(len(n.args)), node: n})
			depth -= len(n.args) - 1
		}
		p.maxStack = max(p.maxStack, depth)
	}
	emit(root)
	return p
}

// run evaluates the program with the given slot values. It does not
// allocate for programs of ordinary depth.
func (p *program) run(src string, vals []float64) (float64, *Error) {
	var small [32]float64
	stack := small[:0]
	if p.maxStack > len(small) {
		stack = make([]float64, 0, p.maxStack)
	}
	for i := range p.code {
		in := &p.code[i]
		switch in.op {
		case opConst:
			stack = append(stack, in.value)
		case opLoad:
			if int(in.slot) >= len(vals) {
				return 0, errorAt(src, in.node.pos, in.node.end, "", "no value given for this name")
			}
			stack = append(stack, vals[in.slot])
		case opMul:
			// The hot path: products dominate capacity formulas.
			n := len(stack)
			v := stack[n-2] * stack[n-1]
			if math.IsInf(v, 0) || math.IsNaN(v) {
				_, msg := apply(in.node, stack[n-2:])
				return 0, errorAt(src, in.node.pos, in.node.end, "", "%s", msg)
			}
			stack[n-2] = v
			stack = stack[:n-1]
		default:
			n := len(stack) - int(in.nargs)
			v, msg := apply(in.node, stack[n:])
			if msg != "" {
				return 0, errorAt(src, in.node.pos, in.node.end, "", "%s", msg)
			}
			stack = append(stack[:n], v)
		}
	}
	return stack[0], nil
}
