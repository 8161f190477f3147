package main

import (
	"io"

	"github.com/estimate-dev/estimate/report"
	"github.com/estimate-dev/estimate/scenarios"
	"github.com/spf13/cobra"
)

const listExamples = `  estimate list
  estimate list -o json | jq -r '.scenarios[].name'
  estimate list --file my-service.yaml`

func newListCmd(s *streams) *cobra.Command {
	var output string
	var files []string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the scenarios: presets, then your own",
		Long: `List every scenario estimate knows: the presets of System Design Interview in
chapter order, then your own from $XDG_CONFIG_HOME/estimate/scenarios
(~/.config/estimate/scenarios) and --file. A file of yours with a preset's
name overrides the preset, and the list says so.

-o json prints {"scenarios": [{"name", "title", "source", "summary",
"origin"}]}, with "overrides": true on a user scenario that takes a
preset's place. A scenario file with problems is reported on stderr, and
the exit status is then 1.`,
		Example:           listExamples,
		Args:              cobra.NoArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(*cobra.Command, []string) error {
			return listScenarios(s, output, files)
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "text", "output format: text or json (also csv or md)")
	cmd.Flags().StringArrayVar(&files, "file", nil, "add the scenario in this YAML file (repeatable)")
	_ = cmd.RegisterFlagCompletionFunc("output", fixedCompletions("text", "json", "csv", "md"))
	_ = cmd.RegisterFlagCompletionFunc("file", yamlFiles)
	return cmd
}

// listScenarios loads every scenario and lists those that load; the others'
// problems are reported after the list.
func listScenarios(s *streams, output string, files []string) error {
	if _, err := report.ParseFormat(output); err != nil {
		return usagef("%v", err)
	}
	cat, err := scenarios.Open(scenarios.Options{Files: files})
	if err != nil {
		return err
	}
	all, loadErr := cat.LoadAll()
	items := make([]report.ListItem, len(all))
	for i, sc := range all {
		e, _ := cat.Entry(sc.Name)
		items[i] = report.ListItem{Name: sc.Name, Title: sc.Title, Source: sc.Source, Summary: sc.Summary,
			Origin: e.Origin.String(), Path: e.Path, Overrides: e.Overrides}
	}
	err = printTable(s, output, func(w io.Writer, f report.Format, st report.Styles) error {
		return report.WriteList(w, items, f, st)
	})
	if err != nil {
		return err
	}
	return loadErr
}
