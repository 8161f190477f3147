package tui

import (
	"maps"
	"slices"

	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

// session is one scenario being explored: the values the user committed
// for its inputs and the last results that could be computed.
type session struct {
	scenario *scenarios.Scenario
	settings scenarios.Settings
	result   *scenarios.Result // the last good result; never nil once opened
	order    []int             // indexes of result.Outputs in the order shown
	standard int               // how many of order are standard metrics
	format   calc.FormatOptions
}

// openSession evaluates a scenario with the settings given (nil for its
// defaults).
func openSession(s *scenarios.Scenario, settings scenarios.Settings, format calc.FormatOptions) (session, error) {
	ses := session{scenario: s, settings: maps.Clone(settings), format: format}
	if ses.settings == nil {
		ses.settings = scenarios.Settings{}
	}
	r, err := s.Evaluate(ses.settings, format)
	if err != nil {
		return session{}, err
	}
	ses.show(r)
	return ses, nil
}

// show makes r the result on screen.
func (s *session) show(r *scenarios.Result) {
	s.result = r
	s.order, s.standard = displayOrder(r)
}

// displayOrder puts the standard metrics (scenarios.StandardMetrics) first,
// in their standard order,
// then the scenario's own outputs in the order its author wrote them.
func displayOrder(r *scenarios.Result) (order []int, standard int) {
	index := make(map[string]int, len(r.Outputs))
	for i, o := range r.Outputs {
		index[o.Name] = i
	}
	for _, name := range scenarios.StandardMetrics {
		if i, ok := index[name]; ok {
			order = append(order, i)
		}
	}
	standard = len(order)
	for i, o := range r.Outputs {
		if !slices.Contains(scenarios.StandardMetrics, o.Name) {
			order = append(order, i)
		}
	}
	return order, standard
}

// inputText is the text of input i as committed.
func (s *session) inputText(i int) string {
	return s.result.Inputs[i].Value.Text
}

// try evaluates the scenario with input i set to text, without committing
// it. On success the result shows at once; on failure the last good result
// stays on screen and the error says why.
func (s *session) try(i int, text string) (scenarios.Value, error) {
	in := s.scenario.Inputs[i]
	v, err := in.Parse(text)
	if err != nil {
		return scenarios.Value{}, err
	}
	trial := maps.Clone(s.settings)
	trial[in.Name] = v
	r, err := s.scenario.Evaluate(trial, s.format)
	if err != nil {
		return scenarios.Value{}, err
	}
	s.show(r)
	return v, nil
}

// commit keeps v as input i's value. A value equal to the default is no
// longer marked as changed.
func (s *session) commit(i int, v scenarios.Value) {
	in := s.scenario.Inputs[i]
	if v.Text == in.Default.Text {
		delete(s.settings, in.Name)
	} else {
		s.settings[in.Name] = v
	}
	s.restore()
}

// reset puts input i back to its default, or every input when i < 0.
func (s *session) reset(i int) {
	if i < 0 {
		clear(s.settings)
	} else {
		delete(s.settings, s.scenario.Inputs[i].Name)
	}
	s.restore()
}

// restore shows the result of the committed values. If they have no result
// (which committing never allows), the last good result stays.
func (s *session) restore() {
	if r, err := s.scenario.Evaluate(s.settings, s.format); err == nil {
		s.show(r)
	}
}
