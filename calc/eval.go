package calc

import (
	"math"
)

// arith computes a binary operation, reporting false when the result would
// not be a finite number (the caller then asks apply for the reason).
func arith(op irOp, a, b float64) (float64, bool) {
	var v float64
	switch op {
	case opAdd:
		v = a + b
	case opSub:
		v = a - b
	case opMul:
		v = a * b
	case opDiv:
		if b == 0 {
			return 0, false
		}
		v = a / b
	case opPow:
		if (a == 0 && b < 0) || (a < 0 && b != math.Trunc(b)) {
			return 0, false
		}
		v = math.Pow(a, b)
	}
	return v, !math.IsInf(v, 0) && !math.IsNaN(v)
}

// apply computes one operation on its argument values, or says why it has
// no finite result. Constant folding and the evaluator's error path share
// it, so that both give the same answers and the same messages.
func apply(n *ir, a []float64) (float64, string) {
	switch n.op {
	case opNeg:
		return -a[0], ""
	case opCall:
		v, msg := n.fn.eval(a)
		if msg != "" {
			return 0, msg
		}
		return finite(v)
	}
	return applyOp(n.op, a[0], a[1])
}

// applyOp is apply for the operators, on two values (b is unused by opNeg);
// taking no slice, it lets constant folding keep its operands off the heap.
func applyOp(op irOp, a, b float64) (float64, string) {
	if op == opNeg {
		return -a, ""
	}
	if v, ok := arith(op, a, b); ok {
		return v, ""
	}
	switch {
	case op == opDiv && b == 0:
		return 0, "division by zero"
	case op == opPow && a == 0 && b < 0:
		return 0, "division by zero (zero to a negative power)"
	case op == opPow && a < 0 && b != math.Trunc(b):
		return 0, "a negative number to a fractional power has no real value"
	}
	v, _ := arith(op, a, b)
	if v == 0 { // arith refused without a value: recompute plainly to classify
		v = plain(op, a, b)
	}
	return finite(v)
}

func plain(op irOp, a, b float64) float64 {
	switch op {
	case opAdd:
		return a + b
	case opSub:
		return a - b
	case opMul:
		return a * b
	case opDiv:
		return a / b
	}
	return math.Pow(a, b)
}

// finite passes a finite value and names what is wrong with any other.
func finite(v float64) (float64, string) {
	switch {
	case math.IsInf(v, 0):
		return 0, "overflow: the result is too large (over 1.8e308)"
	case math.IsNaN(v):
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

// stackSize is the evaluation stack kept on the Go stack; deeper programs
// (rare: it takes 32 pending operands) allocate one.
const stackSize = 32

// run evaluates the program with the given slot values. Programs without
// function calls do not allocate: the stack slice is never handed to code
// that could keep it, which lets the compiler keep it off the heap.
func (p *program) run(src string, vals []float64) (float64, *Error) {
	var small [stackSize]float64
	stack := small[:0]
	if p.maxStack > stackSize {
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
		case opNeg:
			stack[len(stack)-1] = -stack[len(stack)-1]
		case opCall:
			n := len(stack) - int(in.nargs)
			v, msg := callFunc(in.node, stack[n:])
			if msg != "" {
				return 0, errorAt(src, in.node.pos, in.node.end, "", "%s", msg)
			}
			stack = append(stack[:n], v)
		default:
			n := len(stack)
			a, b := stack[n-2], stack[n-1]
			v, ok := arith(in.op, a, b)
			if !ok {
				_, msg := apply(in.node, []float64{a, b})
				return 0, errorAt(src, in.node.pos, in.node.end, "", "%s", msg)
			}
			stack[n-2] = v
			stack = stack[:n-1]
		}
	}
	return stack[0], nil
}

// callFunc calls a function of the language on a copy of its arguments, so
// that only formulas with calls pay for a heap slice.
func callFunc(n *ir, args []float64) (float64, string) {
	return apply(n, append([]float64(nil), args...))
}
