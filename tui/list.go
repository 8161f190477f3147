package tui

import (
	"strings"

	"github.com/estimate-dev/estimate/scenarios"
)

// scenarioList is the list of scenarios on the Estimate tab, with its
// filter: typing after `/` keeps the scenarios whose name or title holds
// the text, in any case.
type scenarioList struct {
	all       []*scenarios.Scenario
	visible   []int // indexes into all that pass the filter
	cursor    int   // index into visible
	filter    field
	filtering bool
}

func newScenarioList(all []*scenarios.Scenario, st *styles) scenarioList {
	l := scenarioList{all: all, filter: newField(st)}
	l.applyFilter("")
	return l
}

// applyFilter shows the scenarios that match text. The cursor goes to the
// first match as the text changes.
func (l *scenarioList) applyFilter(text string) {
	text = strings.ToLower(strings.TrimSpace(text))
	l.visible = l.visible[:0]
	for i, s := range l.all {
		if text == "" || strings.Contains(strings.ToLower(s.Name+" "+s.Title), text) {
			l.visible = append(l.visible, i)
		}
	}
	l.cursor = 0
}

// highlighted is the scenario under the cursor, or nil when none matches.
func (l *scenarioList) highlighted() *scenarios.Scenario {
	if len(l.visible) == 0 {
		return nil
	}
	return l.all[l.visible[clamp(l.cursor, len(l.visible))]]
}

// move moves the cursor by delta, staying within the list.
func (l *scenarioList) move(delta int) {
	l.cursor = clamp(l.cursor+delta, len(l.visible))
}

// moveTo puts the cursor on the scenario named name, if it is visible.
func (l *scenarioList) moveTo(name string) {
	for i, j := range l.visible {
		if l.all[j].Name == name {
			l.cursor = i
			return
		}
	}
}

// startFilter begins typing a filter.
func (l *scenarioList) startFilter() {
	l.filtering = true
	l.filter.start(l.filter.value())
}

// endFilter stops typing and shows every scenario again, with the cursor
// on keep.
func (l *scenarioList) endFilter(keep string) {
	l.filtering = false
	l.filter.stop()
	l.filter.input.SetValue("")
	l.applyFilter("")
	l.moveTo(keep)
}
