package scenarios

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/estimate-dev/estimate/calc"
)

// Growth is a compound growth rate: Rate per Period ("10%/month").
type Growth struct {
	Text   string
	Rate   float64 // 0.1 for 10%
	Period float64 // seconds
}

// ParseGrowth reads a growth rate in the calc language: a plain number or
// percentage over a period ("10%/month", "50% / year").
func ParseGrowth(text string) (Growth, error) {
	rate, period, ok := strings.Cut(text, "/")
	if !ok {
		return Growth{}, fmt.Errorf("growth %q: write a rate over a period, such as 10%%/month", text)
	}
	r, err := calc.Evaluate(rate)
	if err != nil {
		return Growth{}, fmt.Errorf("growth %q: %w", text, err)
	}
	p, err := calc.Evaluate("1 " + strings.TrimSpace(period))
	if err != nil {
		return Growth{}, fmt.Errorf("growth %q: the period %q: %w", text, period, err)
	}
	switch {
	case !r.Dim.IsZero():
		return Growth{}, fmt.Errorf("growth %q: the rate must be a plain number or percentage, such as 10%%", text)
	case p.Dim != calc.Seconds || p.Base <= 0:
		return Growth{}, fmt.Errorf("growth %q: the period must be a time, such as month or year", text)
	case r.Base <= -1:
		return Growth{}, fmt.Errorf("growth %q: a rate of -100%% or less leaves nothing to grow", text)
	}
	return Growth{Text: text, Rate: r.Base, Period: p.Base}, nil
}

// Factor is how much a growing input is multiplied by after t seconds,
// compounding once per period: (1 + rate)^(t / period).
func (g Growth) Factor(t float64) float64 {
	return math.Pow(1+g.Rate, t/g.Period)
}

// Horizon is a time ahead at which to show grown results.
type Horizon struct {
	Label   string  // "3mo", as given
	Seconds float64 // calc's month (30 days) and year (365 days)
}

// horizonRE reads the short forms of --at; it is compiled on first use, so
// that a run without --growth pays nothing for it.
var horizonRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*(d|w|mo|y)$`)
})

var horizonUnits = map[string]float64{"d": 86400, "w": 7 * 86400, "mo": 30 * 86400, "y": 365 * 86400}

// DefaultHorizons are 3 months, 6 months and a year: the interview's
// "how fast does the company anticipate to scale up".
const DefaultHorizons = "3mo,6mo,1y"

// ParseHorizons reads a list such as "3mo,6mo,1y,3y" (d, w, mo and y, or
// any time in the calc language: "18 months").
func ParseHorizons(list string) ([]Horizon, error) {
	var out []Horizon
	for _, item := range strings.Split(list, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		h := Horizon{Label: item}
		if m := horizonRE().FindStringSubmatch(item); m != nil {
			n, _ := strconv.ParseFloat(m[1], 64)
			h.Seconds = n * horizonUnits[m[2]]
		} else {
			r, err := calc.Evaluate(item)
			if err != nil || r.Dim != calc.Seconds {
				return nil, fmt.Errorf("--at %q: write times such as 3mo, 6mo, 1y, 2w, 90d or 18 months", item)
			}
			h.Seconds = r.Base
		}
		if h.Seconds <= 0 {
			return nil, fmt.Errorf("--at %q: a time ahead must be positive", item)
		}
		out = append(out, h)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--at: give at least one time, such as 3mo,6mo,1y")
	}
	return out, nil
}

// Grown returns settings with every input marked `grows: true` multiplied
// by the growth over t seconds, starting from settings (or the defaults).
// Growth that leaves a finite number behind (1000%/day for a century) is an
// error, never an infinite input.
func (s *Scenario) Grown(settings Settings, g Growth, t float64) (Settings, error) {
	out := Settings{}
	for k, v := range settings {
		out[k] = v
	}
	f := g.Factor(t)
	for _, in := range s.Inputs {
		if !in.Grows {
			continue
		}
		v := in.Default
		if set, ok := settings[in.Name]; ok {
			v = set
		}
		base := v.Base * f
		if math.IsInf(base, 0) || math.IsNaN(base) {
			return nil, fmt.Errorf("growing %s at %s overflows: the number is too large to compute", in.Name, g.Text)
		}
		out[in.Name] = Value{Text: showBase(in, base), Base: base}
	}
	return out, nil
}

// GrowingInputs lists the inputs marked to grow.
func (s *Scenario) GrowingInputs() []string {
	var names []string
	for _, in := range s.Inputs {
		if in.Grows {
			names = append(names, in.Name)
		}
	}
	return names
}

// showBase writes an input's base value as text a person reads, in the
// unit of its default where it has one.
func showBase(in *Input, base float64) string {
	return calc.Show(base, in.Dim, nil, calc.FormatOptions{Digits: 4}).Text
}
