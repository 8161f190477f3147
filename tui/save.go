package tui

import (
	"path/filepath"
	"strings"

	"github.com/estimate-dev/estimate/scenarios"
)

// savedName is the scenario name for a file: the file's own name when it
// is a valid scenario name, so that the file also works from the user's
// scenario directory, else the scenario's name.
func savedName(path, fallback string) string {
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if scenarios.ValidName(name) {
		return name
	}
	return fallback
}

// changedSettings are the inputs the user changed, as settings, so that a
// saved file says what was changed and keeps the others as written.
func changedSettings(r *scenarios.Result) scenarios.Settings {
	settings := scenarios.Settings{}
	for _, in := range r.Inputs {
		if in.Changed {
			settings[in.Name] = in.Value
		}
	}
	return settings
}
