package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/estimate-dev/estimate/scenarios"
	"github.com/goccy/go-yaml"
	"github.com/spf13/cobra"
)

const showExamples = `  estimate show web-app
  estimate show youtube --set dau=10M --set video_size=500 > my-youtube.yaml
  estimate run --file my-youtube.yaml

  # Make a preset your own: a user file with a preset's name overrides it
  estimate show web-app > ~/.config/estimate/scenarios/web-app.yaml`

func newShowCmd(s *streams) *cobra.Command {
	var flags scenarioFlags
	cmd := &cobra.Command{
		Use:   "show [NAME]",
		Short: "Print a scenario as YAML, with --set values applied",
		Long: `Print a scenario file: the preset or user scenario NAME (or the one --file
gives), with the inputs changed by --set written in place of their defaults.

The output is a scenario file estimate loads as it is: save it and run it with
estimate run --file FILE, or put it in $XDG_CONFIG_HOME/estimate/scenarios
(~/.config/estimate/scenarios) to use it by name. It keeps everything the
file says (questions, help, bounds, grows, the latency and availability
sections) but not its comments.`,
		Example:           showExamples,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: flags.completeName,
		RunE: func(_ *cobra.Command, args []string) error {
			sc, settings, err := flags.scenario(args)
			if err != nil {
				return err
			}
			return writeScenarioYAML(s.out, sc, settings)
		},
	}
	flags.add(cmd)
	return cmd
}

// The shape of a scenario file as show writes it. The fields are those of
// the format (scenarios.File), in the order the presets write them.
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
	}
)

// writeScenarioYAML writes the scenario's file as its author wrote it, with
// each input given in settings at its new value, under a comment saying
// what was changed.
func writeScenarioYAML(w io.Writer, sc *scenarios.Scenario, settings scenarios.Settings) error {
	doc := scenarioDoc(sc.File(), settings)
	out, err := yaml.MarshalWithOptions(doc, yaml.IndentSequence(true), yaml.UseLiteralStyleIfMultiline(true))
	if err != nil {
		return fmt.Errorf("writing %s as YAML: %w", sc.Name, err)
	}
	_, err = fmt.Fprintf(w, "# %s\n%s", showComment(sc, settings), out)
	return err
}

// showComment says where the scenario comes from and what --set changed.
func showComment(sc *scenarios.Scenario, settings scenarios.Settings) string {
	var changed []string
	for _, in := range sc.Inputs {
		if v, ok := settings[in.Name]; ok {
			changed = append(changed, in.Name+" = "+v.Text)
		}
	}
	line := "Scenario " + sc.Name + ", from " + sc.Path
	if len(changed) > 0 {
		line += ", with " + strings.Join(changed, ", ")
	}
	return line + ". Run it with: estimate run --file FILE"
}

// scenarioDoc converts a scenario file to the shape show writes.
func scenarioDoc(f *scenarios.File, settings scenarios.Settings) yamlScenario {
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
	doc.Latency = latencyDoc(f.Latency)
	doc.Availability = availabilityDoc(f.Availability)
	return doc
}

func latencyDoc(l *scenarios.LatencyDecl) *yamlLatency {
	if l == nil {
		return nil
	}
	doc := &yamlLatency{Target: l.Target.Value, Figures: l.Set.Value}
	for _, st := range l.Steps {
		doc.Steps = append(doc.Steps, yamlLatencyStep{st.Op.Value, st.Times.Value, st.Note.Value})
	}
	return doc
}

func availabilityDoc(a *scenarios.AvailabilityDecl) *yamlAvailability {
	if a == nil {
		return nil
	}
	doc := &yamlAvailability{Target: a.Target.Value}
	for _, c := range a.Components {
		doc.Components = append(doc.Components, yamlComponent{c.Name.Value, c.SLA.Value, c.Replicas.Value})
	}
	return doc
}
