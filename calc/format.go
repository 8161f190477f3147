package calc

import (
	"bytes"
	"math"
	"strconv"
	"strings"
)

// FormatOptions says how numbers are shown.
type FormatOptions struct {
	Digits int  // significant digits; 0 means DefaultDigits
	Binary bool // IEC prefixes (KiB, MiB, …) for automatically chosen byte units
}

// DefaultDigits is how many significant digits a result shows by default.
const DefaultDigits = 3

// MaxDigits bounds FormatOptions.Digits; float64 holds no more.
const MaxDigits = 17

// step is one rung of a ladder of display units.
type step struct {
	text   string
	factor float64
}

// ladder lists the units a dimension is shown in, smallest first; Format
// picks the largest that keeps the number at or above 1.
type ladder struct {
	decimal, binary []step
}

func prefixedLadder(base, suffix string, prefixes []prefix) []step {
	steps := []step{{base + suffix, 1}}
	for _, p := range prefixes {
		if p.symbol == "k" { // "KB" is the book's spelling; "kB" is read too
			continue
		}
		steps = append(steps, step{p.symbol + "B" + suffix, p.factor})
	}
	return steps
}

var autoUnits = map[Dim]ladder{
	Bytes: {
		decimal: prefixedLadder("bytes", "", metricPrefixes),
		binary:  prefixedLadder("bytes", "", binaryPrefixes),
	},
	BytesPerSec: {
		decimal: prefixedLadder("bytes", "/s", metricPrefixes),
		binary:  prefixedLadder("bytes", "/s", binaryPrefixes),
	},
	Seconds: {decimal: []step{
		{"ns", 1e-9}, {"µs", 1e-6}, {"ms", 1e-3}, {"s", 1}, {"min", 60}, {"h", 3600},
		{"days", secondsPerDay}, {"years", secondsPerYear},
	}},
	PerSecond:                   {decimal: []step{{"/s", 1}}},
	Dollars:                     {decimal: []step{{"$", 1}}},
	DollarsPerSec:               {decimal: []step{{"$/month", 1.0 / secondsPerMonth}}},
	{Information: -1, Money: 1}: {decimal: []step{{"$/GB", 1e-9}}},
}

// Unit is a display unit: its text as written and its size in base units.
type Unit struct {
	Text   string
	Factor float64
	Dim    Dim
}

// ParseUnit reads a display unit such as "TB/day", "Gbps", "/s", "%" or
// "$/month". It is an expression of units and numbers, and must be positive.
func ParseUnit(text string) (Unit, error) {
	text = strings.TrimSpace(text)
	if text == "%" {
		return Unit{Text: "%", Factor: 0.01}, nil
	}
	toks, err := scan(text)
	if err != nil {
		return Unit{}, err
	}
	p := &parser{src: text, toks: toks}
	n, err := p.unit()
	if err != nil {
		return Unit{}, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return Unit{}, p.unexpected(t)
	}
	c := &checker{src: text}
	u, err := c.checkValue(n)
	if err != nil {
		return Unit{}, err
	}
	if !u.isConst() || u.value <= 0 {
		return Unit{}, errorAt(text, 0, len(text), "for example TB/day, Gbps or /s", "%q is not a unit", text)
	}
	return Unit{Text: text, Factor: u.value, Dim: u.dim}, nil
}

// Display is a value ready to show: in its display unit, as text.
type Display struct {
	Value float64 // in Unit
	Unit  string  // the display unit, "" for a plain number
	Text  string  // "150 TB/day", "3,472 /s", "$150,000"
}

// Show formats a base value of dimension d. With a unit it is shown in that
// unit; without, in the best unit for its size.
func Show(base float64, d Dim, unit *Unit, opts FormatOptions) Display {
	var u Unit
	if unit != nil {
		u = *unit
	} else {
		u = bestUnit(base, d, opts.Binary)
	}
	v := base / u.Factor
	if v == 0 {
		v = 0 // -0, from "-0" or a product with -0, reads as 0
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		// The unit asked for cannot hold the value (1e308 bytes in bits):
		// the best unit for its size always can, as base is finite.
		u = bestUnit(base, d, opts.Binary)
		v = base / u.Factor
	}
	var num [64]byte
	var text [96]byte // built on the stack: the text is the one allocation
	t := appendUnit(text[:0], appendNumber(num[:0], v, opts.digits(), usesWords(u)), u.Text)
	return Display{Value: v, Unit: u.Text, Text: string(t)}
}

func (o FormatOptions) digits() int {
	if o.Digits <= 0 {
		return DefaultDigits
	}
	return min(o.Digits, MaxDigits)
}

// bestUnit picks the largest unit of d's ladder that keeps |base| at or
// above 1 in it; a dimension with no ladder is shown in base units.
func bestUnit(base float64, d Dim, binary bool) Unit {
	l, ok := autoUnits[d]
	if !ok {
		return Unit{Text: d.BaseUnit(), Factor: 1, Dim: d}
	}
	steps := l.decimal
	if binary && l.binary != nil {
		steps = l.binary
	}
	best := steps[0]
	for _, s := range steps[1:] {
		// Zero has no size to fit: it is shown in the base unit, "0 s"
		// rather than "0 ns".
		if math.Abs(base) >= s.factor || base == 0 && s.factor == 1 {
			best = s
		}
	}
	return Unit{Text: best.text, Factor: best.factor, Dim: d}
}

// usesWords reports whether a unit's numbers read better as "365 billion"
// than with thirteen digits: counts and rates of counts do.
func usesWords(u Unit) bool {
	return u.Dim.IsZero() && u.Text != "%" || u.Dim == PerSecond
}

// singular spellings for a value of exactly 1 ("1 year", not "1 years").
var singular = map[string]string{
	"bytes": "byte", "bits": "bit", "days": "day", "years": "year", "hours": "hour",
	"minutes": "minute", "seconds": "second", "weeks": "week", "months": "month",
}

// appendUnit appends a number and its unit together as a person writes
// them: "$150,000/day", "20%", "3,472 /s", "1 year".
func appendUnit(dst, num []byte, unit string) []byte {
	switch {
	case unit == "":
		return append(dst, num...)
	case unit == "%":
		return append(append(dst, num...), '%')
	case unit == "$" || strings.HasPrefix(unit, "$/"):
		if len(num) > 0 && num[0] == '-' {
			dst = append(dst, "-$"...)
			dst = append(dst, num[1:]...)
		} else {
			dst = append(dst, '$')
			dst = append(dst, num...)
		}
		return append(dst, unit[1:]...)
	case strings.HasPrefix(unit, "1/"):
		unit = unit[1:]
	}
	if string(num) == "1" {
		if s, ok := singular[unit]; ok {
			unit = s
		}
	}
	dst = append(dst, num...)
	dst = append(dst, ' ')
	return append(dst, unit...)
}

// countWords name the large powers of a thousand, for counts.
var countWords = []step{
	{"quintillion", 1e18}, {"quadrillion", 1e15}, {"trillion", 1e12}, {"billion", 1e9}, {"million", 1e6},
}

// appendNumber appends x with the given significant digits. Whole parts
// are never cut ("3,472", not "3,470"); commas group thousands; with words,
// a million and more read "365 billion". It works in stack buffers, so
// that showing a result allocates only its text.
func appendNumber(dst []byte, x float64, digits int, words bool) []byte {
	if x == 0 {
		return append(dst, '0')
	}
	abs := math.Abs(x)
	if words && abs >= 1e6 && abs < 1e21 {
		for _, w := range countWords {
			if abs >= w.factor {
				dst = appendNumber(dst, x/w.factor, digits, false)
				dst = append(dst, ' ')
				return append(dst, w.text...)
			}
		}
	}
	var tmp [32]byte
	switch {
	case abs >= 1e21 || abs < 1e-6:
		return strconv.AppendFloat(dst, x, 'e', digits-1, 64)
	case abs >= math.Pow10(digits):
		return appendGrouped(dst, strconv.AppendFloat(tmp[:0], x, 'f', 0, 64))
	}
	// Round to the digits through their decimal text, then show the
	// rounded value in full: 3.14159 → "3.14e+00" → 3.14 → "3.14".
	e := strconv.AppendFloat(tmp[:0], x, 'e', digits-1, 64)
	if digits <= 15 {
		// Up to 15 significant digits, a decimal is the shortest text of
		// the float64 nearest to it, so the float's full text is the
		// decimal's own digits, laid out without an exponent.
		var fixed [48]byte
		return appendGrouped(dst, expToFixed(fixed[:0], e))
	}
	rounded, _ := strconv.ParseFloat(string(e), 64)
	return appendGrouped(dst, strconv.AppendFloat(tmp[:0], rounded, 'f', -1, 64))
}

// expToFixed appends the number e, written by strconv in the 'e' format
// ("-4.98e+01"), in the 'f' format with no trailing zeros ("-49.8"), as
// strconv.FormatFloat(v, 'f', -1, 64) writes the value v of the text.
func expToFixed(dst, e []byte) []byte {
	if e[0] == '-' {
		dst = append(dst, '-')
		e = e[1:]
	}
	k := bytes.IndexByte(e, 'e')
	exp, _ := strconv.Atoi(string(e[k+1:]))
	var mant [24]byte // the digits, without the point
	digits := append(mant[:0], e[0])
	if k > 1 {
		digits = append(digits, e[2:k]...)
	}
	for len(digits) > 1 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
	}
	// The value is 0.digits × 10^(exp+1).
	point := exp + 1
	switch {
	case point <= 0:
		dst = append(dst, '0', '.')
		for ; point < 0; point++ {
			dst = append(dst, '0')
		}
		return append(dst, digits...)
	case point >= len(digits):
		dst = append(dst, digits...)
		for i := len(digits); i < point; i++ {
			dst = append(dst, '0')
		}
		return dst
	}
	dst = append(dst, digits[:point]...)
	dst = append(dst, '.')
	return append(dst, digits[point:]...)
}

// appendGrouped appends the decimal number s with commas in its whole part:
// "-1234567.5" → "-1,234,567.5".
func appendGrouped(dst, s []byte) []byte {
	if len(s) > 0 && s[0] == '-' {
		dst = append(dst, '-')
		s = s[1:]
	}
	whole, frac := s, []byte(nil)
	if i := bytes.IndexByte(s, '.'); i >= 0 {
		whole, frac = s[:i], s[i:]
	}
	if len(whole) <= 3 {
		return append(dst, s...)
	}
	lead := len(whole) % 3
	if lead > 0 {
		dst = append(dst, whole[:lead]...)
	}
	for i := lead; i < len(whole); i += 3 {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, whole[i:i+3]...)
	}
	return append(dst, frac...)
}

// BestUnit is the unit Show would pick for base: the largest of the
// dimension's ladder that keeps |base| at or above 1. Tables that show many
// values in one unit pick it for their largest.
func BestUnit(base float64, d Dim, opts FormatOptions) Unit { return bestUnit(base, d, opts.Binary) }

// GroupDigits writes a whole number with commas between groups of three
// digits, as results show them: "1,073,741,824".
func GroupDigits(n int64) string {
	return string(appendGrouped(nil, strconv.AppendInt(nil, n, 10)))
}

// ShowAvailability writes an availability, a fraction in [0, 1], as a
// percentage that keeps every leading nine and then the significant digits
// opts asks for: with the default three, 0.995 is "99.5%", 0.99987 is
// "99.987%" and 0.9999999875 is "99.9999999875%". Counting the nines first
// means rounding never turns a composite just under 1 into "100%", which
// would read as a system that never fails. The digits stop at sixteen: a
// float64 just under 1 is exact only to about 1.1e-16, so a seventeenth digit
// of its percentage would be rounding noise ("99.9999999999999858%").
func ShowAvailability(a float64, opts FormatOptions) string {
	nines := 0
	if a < 1 {
		nines = max(int(math.Floor(-math.Log10(1-a)+1e-9)), 0)
	}
	digits := min(opts.digits()+nines, availabilityDigits)
	return Show(a, Dimensionless, &percentUnit, FormatOptions{Digits: digits}).Text
}

// availabilityDigits is the most significant digits an availability shows;
// see ShowAvailability.
const availabilityDigits = 16

// percentUnit shows a fraction as a percentage.
var percentUnit = Unit{Text: "%", Factor: 0.01}
