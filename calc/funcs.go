package calc

import "math"

// dimRule says which argument dimensions a function takes and what it
// returns; the checker applies it before anything is evaluated.
type dimRule uint8

const (
	ruleDimensionless dimRule = iota // every argument a plain number; returns a plain number
	ruleSame                         // every argument of one dimension; returns it
	ruleHalf                         // one argument with even exponents; returns their halves
	ruleDowntime                     // (availability, period): a plain number and a time; returns a time
)

// funcDef is one function of the language. eval receives its arguments and
// returns the result, or a message saying why there is none.
type funcDef struct {
	minArgs, maxArgs int // maxArgs < 0: any number
	rule             dimRule
	usage            string
	eval             func(args []float64) (float64, string)
}

func unary(f func(float64) float64) func([]float64) (float64, string) {
	return func(a []float64) (float64, string) { return f(a[0]), "" }
}

// snapTolerance is how close to an integer a value must be for ceil, floor
// and round to treat it as that integer. Formulas such as ceil(peak/capacity)
// would otherwise round 20.000000000000004, a float64 artefact of an exact
// 20, up to 21.
const snapTolerance = 1e-9

func snap(x float64) float64 {
	r := math.Round(x)
	if math.Abs(x-r) <= snapTolerance*math.Max(1, math.Abs(x)) {
		return r
	}
	return x
}

// functions is the language's function table.
var functions = map[string]funcDef{
	"ceil":  {1, 1, ruleDimensionless, "ceil(x)", unary(func(x float64) float64 { return math.Ceil(snap(x)) })},
	"floor": {1, 1, ruleDimensionless, "floor(x)", unary(func(x float64) float64 { return math.Floor(snap(x)) })},
	"round": {1, 1, ruleDimensionless, "round(x)", unary(func(x float64) float64 { return math.Round(x) })},
	"abs":   {1, 1, ruleSame, "abs(x)", unary(math.Abs)},
	"sqrt":  {1, 1, ruleHalf, "sqrt(x)", evalSqrt},
	"ln":    {1, 1, ruleDimensionless, "ln(x)", logWith(Ln)},
	"log2":  {1, 1, ruleDimensionless, "log2(x)", logWith(math.Log2)},
	"log10": {1, 1, ruleDimensionless, "log10(x)", logWith(func(x float64) float64 { return Ln(x) / math.Ln10 })},
	"log":   {2, 2, ruleDimensionless, "log(x, base)", evalLog},
	"min":   {1, -1, ruleSame, "min(a, b, …)", evalMin},
	"max":   {1, -1, ruleSame, "max(a, b, …)", evalMax},

	// Availability composition (tables.go): components in series multiply;
	// n replicas in parallel fail only together; downtime prices a period.
	"series":   {1, -1, ruleDimensionless, "series(a, b, …)", withError(func(a []float64) (float64, error) { return Series(a...) })},
	"parallel": {2, 2, ruleDimensionless, "parallel(availability, replicas)", withError(func(a []float64) (float64, error) { return Parallel(a[0], a[1]) })},
	"downtime": {2, 2, ruleDowntime, "downtime(availability, period)", withError(func(a []float64) (float64, error) { return Downtime(a[0], a[1]) })},
}

// withError adapts a function that reports domain errors as Go errors.
func withError(f func([]float64) (float64, error)) func([]float64) (float64, string) {
	return func(a []float64) (float64, string) {
		v, err := f(a)
		if err != nil {
			return 0, err.Error()
		}
		return v, ""
	}
}

func evalSqrt(a []float64) (float64, string) {
	if a[0] < 0 {
		return 0, "square root of a negative number"
	}
	return math.Sqrt(a[0]), ""
}

func logWith(f func(float64) float64) func([]float64) (float64, string) {
	return func(a []float64) (float64, string) {
		if a[0] <= 0 {
			return 0, "logarithm of a number that is not positive"
		}
		return f(a[0]), ""
	}
}

func evalLog(a []float64) (float64, string) {
	x, base := a[0], a[1]
	if x <= 0 {
		return 0, "logarithm of a number that is not positive"
	}
	if base <= 0 || base == 1 {
		return 0, "logarithm base must be positive and not 1"
	}
	return Ln(x) / Ln(base), ""
}

// Ln is the natural logarithm, right for subnormal numbers too. On amd64,
// Go 1.26's math.Log returns about −709.09 for every x below 2.2e-308:
// ln(1e-320) comes out −709.09, not −736.83. Splitting off the binary
// exponent first, as math.Log2 does, keeps the fraction normal.
func Ln(x float64) float64 {
	if x > 0 && x < 0x1p-1022 { // the subnormal numbers
		frac, exp := math.Frexp(x)
		return math.Log(frac) + float64(exp)*math.Ln2
	}
	return math.Log(x)
}

func evalMin(a []float64) (float64, string) {
	m := a[0]
	for _, v := range a[1:] {
		m = math.Min(m, v)
	}
	return m, ""
}

func evalMax(a []float64) (float64, string) {
	m := a[0]
	for _, v := range a[1:] {
		m = math.Max(m, v)
	}
	return m, ""
}
