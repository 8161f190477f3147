package calc

import (
	"strconv"
	"strings"
)

// Base dimensions, the axes of a Dim.
const (
	Information = iota // measured in bytes
	Time               // measured in seconds
	Money              // measured in dollars
	numBase
)

// Dim is a dimension: the exponent of each base dimension. The zero Dim is
// dimensionless (a count, a share, a ratio).
type Dim [numBase]int8

// Common dimensions, named for the tables and checks that use them.
var (
	Dimensionless = Dim{}
	Bytes         = Dim{Information: 1}
	Seconds       = Dim{Time: 1}
	Dollars       = Dim{Money: 1}
	PerSecond     = Dim{Time: -1}
	BytesPerSec   = Dim{Information: 1, Time: -1}
	DollarsPerSec = Dim{Money: 1, Time: -1}
)

var baseUnitNames = [numBase]string{"byte", "s", "$"}

// Mul is the dimension of a product.
func (d Dim) Mul(e Dim) Dim {
	for i := range d {
		d[i] += e[i]
	}
	return d
}

// Div is the dimension of a quotient.
func (d Dim) Div(e Dim) Dim {
	for i := range d {
		d[i] -= e[i]
	}
	return d
}

// IsZero reports whether d is dimensionless.
func (d Dim) IsZero() bool { return d == Dim{} }

// BaseUnit writes d in base units, as JSON's base_unit does: "" for a count,
// "byte/s", "$/byte", "1/s", "byte^2".
func (d Dim) BaseUnit() string {
	var num, den []string
	for i, e := range d {
		switch {
		case e > 0:
			num = append(num, power(baseUnitNames[i], e))
		case e < 0:
			den = append(den, power(baseUnitNames[i], -e))
		}
	}
	if len(num) == 0 && len(den) == 0 {
		return ""
	}
	s := strings.Join(num, "*")
	if s == "" {
		s = "1"
	}
	switch len(den) {
	case 0:
	case 1:
		s += "/" + den[0]
	default:
		s += "/(" + strings.Join(den, "*") + ")"
	}
	return s
}

func power(name string, e int8) string {
	if e == 1 {
		return name
	}
	return name + "^" + strconv.Itoa(int(e))
}

// dimWords names the dimensions a person meets, for error messages.
var dimWords = map[Dim]string{
	Dimensionless:                         "a plain number",
	Bytes:                                 "information",
	Seconds:                               "time",
	Dollars:                               "money",
	PerSecond:                             "a rate",
	BytesPerSec:                           "a data rate",
	DollarsPerSec:                         "money per time",
	{Information: -1, Money: 1}:           "a price per byte",
	{Information: 1, Time: 1}:             "information × time",
	{Time: 2}:                             "time squared",
	{Information: 2}:                      "information squared",
	{Information: -1}:                     "a count per byte",
	{Money: -1}:                           "a count per dollar",
	{Information: 1, Money: -1}:           "bytes per dollar",
	{Time: 1, Information: -1}:            "time per byte",
	{Money: 1, Information: -1, Time: -1}: "a price per byte per time",
}

// Words describes d for a person: "information", "a data rate".
func (d Dim) Words() string {
	if w, ok := dimWords[d]; ok {
		return w
	}
	return "a quantity in " + d.BaseUnit()
}
