package scenarios

import (
	"fmt"
	"math"
	"strings"

	"github.com/estimate-dev/estimate/calc"
)

// Sweep is one input varied over a range, every other input at its value.
type Sweep struct {
	Input    *Input
	From, To Value
	Steps    int  // points, ends included (2 or more)
	Log      bool // geometric spacing instead of linear
}

// MaxSweepSteps bounds a sweep's points, whatever the output.
const MaxSweepSteps = 10_000_000

// ParseSweep reads "INPUT=FROM..TO" for a scenario.
func (s *Scenario) ParseSweep(spec string, steps int, log bool) (*Sweep, error) {
	name, rng, ok := strings.Cut(spec, "=")
	from, to, ok2 := strings.Cut(rng, "..")
	// "1M...5M" would cut into "1M" and ".5M", a range that reads reversed.
	if !ok || !ok2 || strings.TrimSpace(from) == "" || strings.TrimSpace(to) == "" || strings.HasPrefix(to, ".") {
		return nil, fmt.Errorf("sweep %q: write INPUT=FROM..TO with two dots, such as dau=1M..100M", spec)
	}
	name = strings.TrimSpace(name)
	in, found := s.Input(name)
	if !found {
		msg := fmt.Sprintf("%s has no input %q", s.Name, name)
		if hint := suggestNames(name, s.InputNames()); hint != "" {
			msg += "; " + hint
		}
		return nil, &InputError{Input: name, Msg: msg + "\ninputs: " + strings.Join(s.InputNames(), ", ")}
	}
	sw := &Sweep{Input: in, Steps: steps, Log: log}
	var err error
	if sw.From, err = in.Parse(from); err != nil {
		return nil, fmt.Errorf("sweep from %q: %w", from, err)
	}
	if sw.To, err = in.Parse(to); err != nil {
		return nil, fmt.Errorf("sweep to %q: %w", to, err)
	}
	return sw, sw.check()
}

func (sw *Sweep) check() error {
	switch {
	case sw.Steps < 2:
		return fmt.Errorf("a sweep needs at least 2 steps, not %d", sw.Steps)
	case sw.Steps > MaxSweepSteps:
		return fmt.Errorf("a sweep may have at most %d steps, not %d", MaxSweepSteps, sw.Steps)
	case sw.From.Base == sw.To.Base:
		return fmt.Errorf("the range %s..%s is empty: give two different ends", sw.From.Text, sw.To.Text)
	case sw.From.Base > sw.To.Base:
		return fmt.Errorf("the range %s..%s is reversed: write the smaller end first (%s..%s)", sw.From.Text, sw.To.Text, sw.To.Text, sw.From.Text)
	case sw.Log && sw.From.Base <= 0:
		return fmt.Errorf("a --log sweep needs a positive start, not %s", sw.From.Text)
	}
	return nil
}

// At is the input's value at step i.
func (sw *Sweep) At(i int) float64 {
	switch i {
	case 0:
		return sw.From.Base // exact: exp(log(x)) need not give x back
	case sw.Steps - 1:
		return sw.To.Base
	}
	t := float64(i) / float64(sw.Steps-1)
	if sw.Log {
		// The ratio of the ends rounds least (1M..100M passes exactly
		// through 10M), but 1e-300..1e300 has a ratio of 1e600: then the
		// logarithms are interpolated instead.
		if ratio := sw.To.Base / sw.From.Base; !math.IsInf(ratio, 0) {
			return sw.From.Base * math.Pow(ratio, t)
		}
		return math.Exp((1-t)*calc.Ln(sw.From.Base) + t*calc.Ln(sw.To.Base))
	}
	if diff := sw.To.Base - sw.From.Base; !math.IsInf(diff, 0) {
		return sw.From.Base + t*diff
	}
	return (1-t)*sw.From.Base + t*sw.To.Base // -1e308..1e308
}

// Run evaluates the scenario at every step, with settings for the other
// inputs, and calls visit with the step's value vector (inputs, then
// outputs). The vector is reused: visit must copy what it keeps. A step
// whose formulas have no value (a division by zero) stops the sweep.
func (sw *Sweep) Run(s *Scenario, settings Settings, visit func(step int, vals []float64)) error {
	vals := s.DefaultValues()
	for name, v := range settings {
		if in, ok := s.Input(name); ok {
			vals[in.slot] = v.Base
		}
	}
	for i := 0; i < sw.Steps; i++ {
		vals[sw.Input.slot] = sw.At(i)
		if err := s.EvalInto(vals); err != nil {
			return fmt.Errorf("at %s = %s: %w", sw.Input.Name, showBase(sw.Input, vals[sw.Input.slot]), err)
		}
		visit(i, vals)
	}
	return nil
}
