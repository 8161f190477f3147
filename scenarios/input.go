package scenarios

import (
	"fmt"
	"strings"

	"github.com/estimate-dev/estimate/calc"
)

// Parse reads a value typed for the input: any constant expression of the
// input's dimension ("500 MB", "0.5 GB", "20:1", "15%"). A bare number takes
// the unit of the input's default, so "500" is 500 MB when the default is
// 300 MB, and 20 is 20% when the default is 10%. The value must lie within
// the input's bounds.
func (in *Input) Parse(text string) (Value, error) {
	text = strings.TrimSpace(text)
	e, err := calc.Parse(text)
	if err != nil {
		return Value{}, err
	}
	if _, bare := e.Number(); bare && in.template != nil {
		text = in.template.Apply(text)
		if e, err = calc.Parse(text); err != nil {
			return Value{}, err
		}
	}
	f, err := e.Compile(nil)
	if err != nil {
		return Value{}, err
	}
	if f.Dim != in.Dim {
		return Value{}, &InputError{Input: in.Name, Msg: fmt.Sprintf("%s is %s, like %s; %q is %s",
			in.Name, in.Dim.Words(), in.Default.Text, text, f.Dim.Words())}
	}
	base, _ := f.Constant()
	v := Value{Text: text, Base: base}
	if err := in.checkBounds(v); err != nil {
		return Value{}, err
	}
	return v, nil
}

// InputError is a value an input cannot take.
type InputError struct {
	Input string
	Msg   string
}

func (e *InputError) Error() string { return e.Msg }

func (in *Input) checkBounds(v Value) error {
	if in.Min != nil && v.Base < in.Min.Base {
		return &InputError{Input: in.Name, Msg: fmt.Sprintf("%s must be at least %s, not %s", in.Name, in.Min.Text, v.Text)}
	}
	if in.Max != nil && v.Base > in.Max.Base {
		return &InputError{Input: in.Name, Msg: fmt.Sprintf("%s must be at most %s, not %s", in.Name, in.Max.Text, v.Text)}
	}
	return nil
}

// Unit is the text of the default's unit ("MB" for 300 MB, "%" for 10%),
// or "" when the default is a plain count.
func (in *Input) Unit() string {
	if in.template == nil {
		return ""
	}
	return in.template.UnitText()
}

// Slot is the input's index in a value vector.
func (in *Input) Slot() int { return in.slot }

// Slot is the output's index in a value vector.
func (o *Output) Slot() int { return o.slot }

// Input finds an input by name.
func (s *Scenario) Input(name string) (*Input, bool) {
	for _, in := range s.Inputs {
		if in.Name == name {
			return in, true
		}
	}
	return nil, false
}

// Output finds an output by name.
func (s *Scenario) Output(name string) (*Output, bool) {
	for _, o := range s.Outputs {
		if o.Name == name {
			return o, true
		}
	}
	return nil, false
}

// InputNames lists the inputs' names in order, for help and suggestions.
func (s *Scenario) InputNames() []string {
	names := make([]string, len(s.Inputs))
	for i, in := range s.Inputs {
		names[i] = in.Name
	}
	return names
}

// Settings are values chosen for inputs by name, in place of the defaults.
type Settings map[string]Value

// Set parses "name=value" assignments (as --set gives them) against the
// scenario's inputs. An unknown input names the valid ones.
func (s *Scenario) Set(assignments []string) (Settings, error) {
	out := Settings{}
	for _, a := range assignments {
		name, text, ok := strings.Cut(a, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.TrimSpace(text) == "" {
			return nil, fmt.Errorf("--set %q: write NAME=VALUE, such as --set dau=10M", a)
		}
		if err := s.SetOne(out, name, text); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SetOne parses one input's value into settings.
func (s *Scenario) SetOne(settings Settings, name, text string) error {
	in, ok := s.Input(name)
	if !ok {
		msg := fmt.Sprintf("%s has no input %q", s.Name, name)
		if hint := suggestNames(name, s.InputNames()); hint != "" {
			msg += "; " + hint
		}
		return &InputError{Input: name, Msg: msg + "\ninputs: " + strings.Join(s.InputNames(), ", ")}
	}
	v, err := in.Parse(text)
	if err != nil {
		if ce, ok := err.(*calc.Error); ok {
			return fmt.Errorf("--set %s=%s: %w", name, text, ce)
		}
		return err
	}
	settings[name] = v
	return nil
}
