package scenarios

import (
	"fmt"

	"github.com/estimate-dev/estimate/calc"
)

// Latency prices one request's path from the latency table: each step is a
// row of the table, so many times; the sum is compared with the target.
type Latency struct {
	Target  float64 // seconds
	Figures string  // the latency set: "book" or "current"
	Steps   []*LatencyStep
}

// LatencyStep is one step of a request's path.
type LatencyStep struct {
	Op, Operation, Note string
	Each                float64 // seconds, from the table
	times               *calc.Formula
	timesText           Text
}

// Availability composes components in series, each with replicas in
// parallel: A = Π (1 − (1 − sla)^replicas).
type Availability struct {
	Target     float64 // a fraction, 0.999 for 99.9%
	Components []*Component
}

// Component is one part of a system's availability.
type Component struct {
	Name, Note   string
	SLA          float64
	replicas     *calc.Formula
	replicasText Text
}

func (b *builder) constant(t Text, what string, want calc.Dim, wantWords string) (float64, bool) {
	f, err := calc.Compile(t.Value, nil)
	if err != nil {
		b.exprProblem(t, what, err)
		return 0, false
	}
	if f.Dim != want {
		b.problem(t.Pos, "write "+wantWords, "%s is %s, not %s", what, f.Dim.Words(), wantWords)
		return 0, false
	}
	v, _ := f.Constant()
	return v, true
}

// count compiles a count that may use the scenario's names ("replicas:
// servers"); empty means 1. A count written as a number below least is a
// problem at once; one given by a formula is checked when it is evaluated.
func (b *builder) count(t Text, what string, least float64) (*calc.Formula, Text) {
	if t.Value == "" {
		t.Value = "1"
	}
	f, err := calc.Compile(t.Value, b.scope)
	if err != nil {
		b.exprProblem(t, what, err)
		return nil, t
	}
	if !f.Dim.IsZero() {
		b.problem(t.Pos, "write a count, such as 2", "%s is %s, not a count", what, f.Dim.Words())
		return nil, t
	}
	if v, ok := f.Constant(); ok && v < least {
		b.problem(t.Pos, fmt.Sprintf("write %v or more", least), "%s is %s, less than %v", what, t.Value, least)
		return nil, t
	}
	return f, t
}

func (b *builder) latency() {
	d := b.f.Latency
	if d == nil {
		return
	}
	l := &Latency{Figures: d.Set.Value}
	if l.Figures == "" {
		l.Figures = calc.LatencyBook
	}
	if !hasLatencySet(l.Figures) {
		b.problem(d.Set.Pos, `use "book" or "current"`, "unknown latency figures %q", l.Figures)
		return
	}
	if d.Target.Value == "" {
		b.problem(d.Pos, "add target: …, such as target: 200 ms", "the latency section has no target")
	} else if v, ok := b.constant(d.Target, "latency target", calc.Seconds, "a time such as 200 ms"); ok {
		if v <= 0 {
			b.problem(d.Target.Pos, "write a time such as 200 ms", "the latency target %s is not a positive time", d.Target.Value)
		}
		l.Target = v
	}
	if len(d.Steps) == 0 {
		b.problem(d.Pos, "add steps: a list of {op, times}", "the latency section has no steps")
	}
	keys := latencyKeys(l.Figures)
	for _, sd := range d.Steps {
		row, ok := calc.LatencyByKey(l.Figures, sd.Op.Value)
		if !ok {
			hint := suggestNames(sd.Op.Value, keys)
			if hint == "" {
				hint = "rows: " + joinNames(keys)
			}
			at := sd.Op.Pos
			if sd.Op.Value == "" {
				at = sd.Pos
			}
			b.problem(at, hint, "unknown latency row %q", sd.Op.Value)
			continue
		}
		times, text := b.count(sd.Times, "times of "+sd.Op.Value, 0)
		l.Steps = append(l.Steps, &LatencyStep{Op: row.Key, Operation: row.Operation, Note: sd.Note.Value, Each: row.Seconds, times: times, timesText: text})
	}
	b.s.Latency = l
}

func hasLatencySet(name string) bool {
	for _, s := range calc.LatencySets() {
		if s.Name == name {
			return true
		}
	}
	return false
}

func latencyKeys(set string) []string {
	var keys []string
	for _, s := range calc.LatencySets() {
		if s.Name == set {
			for _, r := range s.Rows {
				keys = append(keys, r.Key)
			}
		}
	}
	return keys
}

func (b *builder) availability() {
	d := b.f.Availability
	if d == nil {
		return
	}
	a := &Availability{}
	if d.Target.Value == "" {
		b.problem(d.Pos, "add target: …, such as target: 99.9%", "the availability section has no target")
	} else if v, ok := b.fraction(d.Target, "availability target"); ok {
		a.Target = v
	}
	if len(d.Components) == 0 {
		b.problem(d.Pos, "add components: a list of {name, sla, replicas}", "the availability section has no components")
	}
	for _, cd := range d.Components {
		c := &Component{Name: cd.Name.Value, Note: cd.Note.Value}
		if c.Name == "" {
			b.problem(cd.Pos, "add name: …", "an availability component has no name")
		}
		if v, ok := b.fraction(cd.SLA, "sla of "+c.Name); ok {
			c.SLA = v
		}
		c.replicas, c.replicasText = b.count(cd.Replicas, "replicas of "+c.Name, 1)
		a.Components = append(a.Components, c)
	}
	b.s.Availability = a
}

// fraction reads an availability such as 99.9%, which must lie in [0, 1].
func (b *builder) fraction(t Text, what string) (float64, bool) {
	if t.Value == "" {
		b.problem(t.Pos, "write a percentage such as 99.9%", "%s is missing", what)
		return 0, false
	}
	v, ok := b.constant(t, what, calc.Dimensionless, "a percentage such as 99.9%")
	if ok && (v < 0 || v > 1) {
		b.problem(t.Pos, "write a percentage between 0% and 100%, such as 99.9%", "%s %s is not between 0%% and 100%%", what, t.Value)
		return 0, false
	}
	return v, ok
}
