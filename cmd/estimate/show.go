package main

import (
	"io"

	"github.com/estimate-dev/estimate/scenarios"
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
		Args:              atMostOneScenario,
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

// writeScenarioYAML writes the scenario as YAML with the settings applied
// (scenarios.Encode), for a person to start a file of their own from.
func writeScenarioYAML(w io.Writer, sc *scenarios.Scenario, settings scenarios.Settings) error {
	out, err := sc.Encode(settings, "")
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}
