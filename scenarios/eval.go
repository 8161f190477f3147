package scenarios

import (
	"fmt"
	"strings"

	"github.com/estimate-dev/estimate/calc"
)

// NumSlots is the length of a value vector for EvalInto: the inputs, then
// the outputs.
func (s *Scenario) NumSlots() int { return len(s.Inputs) + len(s.Outputs) }

// DefaultValues returns a value vector with every input at its default.
func (s *Scenario) DefaultValues() []float64 {
	vals := make([]float64, s.NumSlots())
	for _, in := range s.Inputs {
		vals[in.slot] = in.Default.Base
	}
	return vals
}

// EvalInto computes every output into vals, whose input slots hold the
// inputs. It is the hot path of sweeps: it does not allocate.
func (s *Scenario) EvalInto(vals []float64) error {
	for _, i := range s.order {
		o := s.Outputs[i]
		v, err := o.formula.Eval(vals)
		if err != nil {
			return s.evalError(o.Name, Text{Value: o.Expr, Pos: o.at}, err)
		}
		vals[o.slot] = v
	}
	return nil
}

// EvalError is an output whose formula has no value for the inputs given,
// such as a division by an input set to zero.
type EvalError struct {
	Scenario, Output, Expr string
	// File, Line and Col locate the expression in a user's scenario file.
	// File is empty for a preset, which the user cannot open.
	File      string
	Line, Col int
	Err       error
}

func (e *EvalError) Error() string {
	where := e.Scenario
	if e.File != "" {
		where = fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Col)
	}
	return fmt.Sprintf("%s: %s = %s: %v", where, e.Output, e.Expr, e.Err)
}

// evalError reports that what, the expression t, has no value.
func (s *Scenario) evalError(what string, t Text, err error) *EvalError {
	e := &EvalError{Scenario: s.Name, Output: what, Expr: t.Value, Err: err}
	if !s.embedded && t.Pos.Line > 0 {
		e.File, e.Line, e.Col = s.Path, t.Pos.Line, t.Pos.Col
	}
	return e
}

func (e *EvalError) Unwrap() error { return e.Err }

// Result is a scenario evaluated: every input's value and every output's,
// shown for a person, with the work.
type Result struct {
	Scenario     *Scenario
	Values       []float64
	Inputs       []InputResult
	Outputs      []OutputResult
	Latency      *LatencyResult
	Availability *AvailabilityResult
}

// InputResult is an input's value in a result.
type InputResult struct {
	*Input
	Value   Value
	Changed bool // set in place of the default
	Display calc.Display
}

// OutputResult is an output's value in a result.
type OutputResult struct {
	*Output
	Base    float64
	Display calc.Display
	Work    string // "dau × uploaders × 1/day × video_size = 5M × 10% × 1/day × 300 MB = 150 TB/day"
}

// Evaluate computes the scenario with the settings in place of the defaults.
func (s *Scenario) Evaluate(settings Settings, opts calc.FormatOptions) (*Result, error) {
	vals := s.DefaultValues()
	r := &Result{Scenario: s, Values: vals}
	for _, in := range s.Inputs {
		v, changed := in.Default, false
		if set, ok := settings[in.Name]; ok {
			v, changed = set, true
		}
		vals[in.slot] = v.Base
		r.Inputs = append(r.Inputs, InputResult{Input: in, Value: v, Changed: changed,
			Display: calc.Show(v.Base, in.Dim, nil, opts)})
	}
	if err := s.EvalInto(vals); err != nil {
		return nil, err
	}
	shown := map[string]string{}
	for _, in := range r.Inputs {
		shown[in.Name] = in.Value.Text
		if strings.Contains(in.Value.Text, ":") {
			// A ratio reads oddly inside arithmetic ("1 + 10:1"): show its value.
			shown[in.Name] = in.Display.Text
		}
	}
	for _, o := range s.Outputs {
		d := calc.Show(vals[o.slot], o.Dim, o.Unit, opts)
		shown[o.Name] = d.Text
		r.Outputs = append(r.Outputs, OutputResult{Output: o, Base: vals[o.slot], Display: d})
	}
	for i := range r.Outputs {
		r.Outputs[i].Work = work(r.Outputs[i], shown)
	}
	var err error
	if r.Latency, err = s.evalLatency(vals); err != nil {
		return nil, err
	}
	if r.Availability, err = s.evalAvailability(vals); err != nil {
		return nil, err
	}
	return r, nil
}

// work writes an output's arithmetic: the formula, the formula with the
// values put in, and the result.
func work(o OutputResult, shown map[string]string) string {
	f := o.formula
	formula := f.Render(func(string) (string, bool) { return "", false })
	filled := f.Render(func(name string) (string, bool) {
		t, ok := shown[name]
		return t, ok
	})
	if filled == formula {
		return formula + " = " + o.Display.Text
	}
	return formula + " = " + filled + " = " + o.Display.Text
}

// Output returns an output's result by name.
func (r *Result) Output(name string) (OutputResult, bool) {
	for _, o := range r.Outputs {
		if o.Name == name {
			return o, true
		}
	}
	return OutputResult{}, false
}

// LatencyResult is a latency section evaluated.
type LatencyResult struct {
	Target, Total float64 // seconds
	Figures       string
	Meets         bool
	Steps         []LatencyStepResult
}

// LatencyStepResult is one step of a request's path, priced.
type LatencyStepResult struct {
	*LatencyStep
	Times, Total float64
}

func (s *Scenario) evalLatency(vals []float64) (*LatencyResult, error) {
	l := s.Latency
	if l == nil {
		return nil, nil
	}
	r := &LatencyResult{Target: l.Target, Figures: l.Figures}
	for _, st := range l.Steps {
		times, err := st.times.Eval(vals)
		if err == nil && times < 0 {
			err = fmt.Errorf("a step is taken 0 or more times, not %v", times)
		}
		if err != nil {
			return nil, s.evalError("times of "+st.Op, st.timesText, err)
		}
		total := times * st.Each
		r.Steps = append(r.Steps, LatencyStepResult{LatencyStep: st, Times: times, Total: total})
		r.Total += total
	}
	r.Meets = r.Total <= r.Target
	return r, nil
}

// AvailabilityResult is an availability section evaluated.
type AvailabilityResult struct {
	Target, Composite           float64
	DowntimeMonth, DowntimeYear float64 // seconds, with the table's 365.25-day year
	Meets                       bool
	Components                  []ComponentResult
}

// ComponentResult is one component with its replicas counted.
type ComponentResult struct {
	*Component
	Replicas  float64
	Effective float64 // 1 − (1 − sla)^replicas
}

func (s *Scenario) evalAvailability(vals []float64) (*AvailabilityResult, error) {
	a := s.Availability
	if a == nil {
		return nil, nil
	}
	r := &AvailabilityResult{Target: a.Target, Composite: 1}
	for _, c := range a.Components {
		n, err := c.replicas.Eval(vals)
		if err == nil {
			var eff float64
			if eff, err = calc.Parallel(c.SLA, n); err == nil {
				r.Components = append(r.Components, ComponentResult{Component: c, Replicas: n, Effective: eff})
				r.Composite *= eff
				continue
			}
		}
		return nil, s.evalError("replicas of "+c.Name, c.replicasText, err)
	}
	r.DowntimeMonth = (1 - r.Composite) * calc.AvailabilityMonth
	r.DowntimeYear = (1 - r.Composite) * calc.AvailabilityYear
	r.Meets = r.Composite >= r.Target
	return r, nil
}
