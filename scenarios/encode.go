package scenarios

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
)

// The shape Encode writes: the format's fields in the order DESIGN.md
// gives them, empty optional fields left out.
type (
	yamlScenario struct {
		Name         string            `yaml:"name"`
		Title        string            `yaml:"title,omitempty"`
		Source       string            `yaml:"source,omitempty"`
		Chapter      int               `yaml:"chapter,omitempty"`
		Summary      string            `yaml:"summary,omitempty"`
		Questions    []yamlQuestion    `yaml:"questions,omitempty"`
		Inputs       []yamlInput       `yaml:"inputs"`
		Outputs      []yamlOutput      `yaml:"outputs"`
		Latency      *yamlLatency      `yaml:"latency,omitempty"`
		Availability *yamlAvailability `yaml:"availability,omitempty"`
	}
	yamlQuestion struct {
		Ask    string `yaml:"ask"`
		Answer string `yaml:"answer,omitempty"`
	}
	yamlInput struct {
		Name  string `yaml:"name"`
		Value string `yaml:"value"`
		Help  string `yaml:"help,omitempty"`
		Min   string `yaml:"min,omitempty"`
		Max   string `yaml:"max,omitempty"`
		Grows bool   `yaml:"grows,omitempty"`
	}
	yamlOutput struct {
		Name string `yaml:"name"`
		Expr string `yaml:"expr"`
		Unit string `yaml:"unit,omitempty"`
		Help string `yaml:"help,omitempty"`
	}
	yamlLatency struct {
		Target  string            `yaml:"target"`
		Figures string            `yaml:"figures,omitempty"`
		Steps   []yamlLatencyStep `yaml:"steps"`
	}
	yamlLatencyStep struct {
		Op    string `yaml:"op"`
		Times string `yaml:"times,omitempty"`
		Note  string `yaml:"note,omitempty"`
	}
	yamlAvailability struct {
		Target     string          `yaml:"target"`
		Components []yamlComponent `yaml:"components"`
	}
	yamlComponent struct {
		Name     string `yaml:"name"`
		SLA      string `yaml:"sla"`
		Replicas string `yaml:"replicas,omitempty"`
		Note     string `yaml:"note,omitempty"`
	}
)

// Encode writes the scenario's file as its author wrote it (formulas,
// bounds, questions and sections kept), with each input in settings at its
// new value, under a comment saying where it came from and what changed.
// name renames the scenario; "" keeps its name. The result loads back with
// Load and evaluates to the same numbers; `estimate show` prints it and the
// interactive session saves it.
func (s *Scenario) Encode(settings Settings, name string) ([]byte, error) {
	doc := encodeFile(s.file, settings)
	if name != "" {
		doc.Name = name
	}
	out, err := yaml.MarshalWithOptions(doc, yaml.IndentSequence(true), yaml.UseLiteralStyleIfMultiline(true))
	if err != nil {
		return nil, fmt.Errorf("writing %s as YAML: %w", s.Name, err)
	}
	return append([]byte("# "+s.encodeComment(settings)+"\n"), out...), nil
}

// encodeComment says where the scenario comes from and what was changed.
func (s *Scenario) encodeComment(settings Settings) string {
	var changed []string
	for _, in := range s.Inputs {
		if v, ok := settings[in.Name]; ok {
			changed = append(changed, in.Name+" = "+v.Text)
		}
	}
	line := "Scenario " + s.Name + ", from " + s.Path
	if len(changed) > 0 {
		line += ", with " + strings.Join(changed, ", ")
	}
	return line + ". Run it with: estimate run --file FILE"
}

func encodeFile(f *File, settings Settings) yamlScenario {
	doc := yamlScenario{
		Name: f.Name.Value, Title: f.Title.Value, Source: f.Source.Value, Chapter: f.Chapter, Summary: f.Summary.Value,
	}
	for _, q := range f.Questions {
		doc.Questions = append(doc.Questions, yamlQuestion{q.Ask.Value, q.Answer.Value})
	}
	for _, in := range f.Inputs {
		value := in.Value.Value
		if v, ok := settings[in.Name.Value]; ok {
			value = v.Text
		}
		doc.Inputs = append(doc.Inputs, yamlInput{in.Name.Value, value, in.Help.Value, in.Min.Value, in.Max.Value, in.Grows})
	}
	for _, o := range f.Outputs {
		doc.Outputs = append(doc.Outputs, yamlOutput{o.Name.Value, o.Expr.Value, o.Unit.Value, o.Help.Value})
	}
	if l := f.Latency; l != nil {
		doc.Latency = &yamlLatency{Target: l.Target.Value, Figures: l.Set.Value}
		for _, st := range l.Steps {
			doc.Latency.Steps = append(doc.Latency.Steps, yamlLatencyStep{st.Op.Value, st.Times.Value, st.Note.Value})
		}
	}
	if a := f.Availability; a != nil {
		doc.Availability = &yamlAvailability{Target: a.Target.Value}
		for _, c := range a.Components {
			doc.Availability.Components = append(doc.Availability.Components, yamlComponent{c.Name.Value, c.SLA.Value, c.Replicas.Value, c.Note.Value})
		}
	}
	return doc
}
