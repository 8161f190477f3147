// Package scenarios reads, checks and evaluates scenario files: a system's
// assumptions (inputs) and the estimates computed from them (outputs), in
// the YAML format of DESIGN.md. The fourteen presets of System Design
// Interview are embedded from presets/*.yaml.
//
// The pieces, in the order a scenario meets them:
//
//	yaml.go      bytes → a plain-data document, every value with its line and column
//	file.go      document → File: the fields of the format, unknown ones refused
//	build.go     File → Scenario: names, bounds, dependency order, dimensions checked
//	input.go     a value typed for an input (--set, the TUI) → a checked quantity
//	eval.go      Scenario + input values → Result, with the work of every output
//	sections.go  the latency and availability sections
//	catalog.go   where scenarios come from: presets, the user's directory, --file
//
// Loading checks everything before anything is shown and reports every
// problem of a file with its file:line:col, not only the first.
package scenarios
