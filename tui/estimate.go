package tui

import (
	"errors"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

// pane is a part of the Estimate tab that can have the focus.
type pane int

const (
	paneList pane = iota
	paneInputs
	paneResults
	paneCount
)

// estimateTab is the Estimate tab: the scenario list, the inputs of the
// open scenario and its results. Editing an input recomputes the results
// on every keystroke; a value that does not parse leaves the last good
// results on screen and its error under the field.
type estimateTab struct {
	list     scenarioList
	ses      session
	focus    pane
	input    int // the highlighted input
	output   int // the highlighted result, an index into ses.order
	edit     field
	editErr  error           // why the text being edited has no result
	pending  scenarios.Value // the last value typed that had a result
	showWork bool
	format   calc.FormatOptions
	// kept holds the inputs changed in scenarios opened before, so that
	// coming back to one finds its changes where they were left.
	kept    map[*scenarios.Scenario]scenarios.Settings
	screenW int // the size the tab is drawn at, for the field's width
	screenH int
}

func newEstimateTab(all []*scenarios.Scenario, format calc.FormatOptions, st *styles) estimateTab {
	return estimateTab{list: newScenarioList(all, st), edit: newField(st), format: format}
}

// open shows a scenario, with the inputs changed when it was last open,
// and reports how many of those it kept.
func (t *estimateTab) open(s *scenarios.Scenario) (kept int, err error) {
	if t.ses.scenario != nil {
		if t.kept == nil {
			t.kept = map[*scenarios.Scenario]scenarios.Settings{}
		}
		t.kept[t.ses.scenario] = t.ses.settings
	}
	ses, err := openSession(s, t.kept[s], t.format)
	if err != nil {
		return 0, err
	}
	t.ses, t.input, t.output, t.editErr = ses, 0, 0, nil
	t.list.moveTo(s.Name)
	return len(ses.settings), nil
}

// editing reports whether keys go to a text field rather than to commands.
func (t *estimateTab) editing() bool { return t.edit.active || t.list.filtering }

// handleKey acts on a key pressed on the Estimate tab.
func (t *estimateTab) handleKey(msg tea.KeyPressMsg, k *keyMap, page int, n *notice) tea.Cmd {
	switch {
	case t.list.filtering:
		return t.filterKey(msg, k, n)
	case t.edit.active:
		return t.editKey(msg, k, n)
	case key.Matches(msg, k.FocusNext):
		t.focus = (t.focus + 1) % paneCount
	case key.Matches(msg, k.FocusPrev):
		t.focus = (t.focus + paneCount - 1) % paneCount
	case key.Matches(msg, k.Filter):
		t.focus = paneList
		t.list.startFilter()
	default:
		paneKeys[t.focus](t, msg, k, page, n)
	}
	return nil
}

// paneKeys handle the keys of the pane with the focus.
var paneKeys = [paneCount]func(t *estimateTab, msg tea.KeyPressMsg, k *keyMap, page int, n *notice){
	paneList:    (*estimateTab).listKey,
	paneInputs:  (*estimateTab).inputsKey,
	paneResults: (*estimateTab).resultsKey,
}

func (t *estimateTab) listKey(msg tea.KeyPressMsg, k *keyMap, page int, n *notice) {
	if next, ok := k.motion(msg, t.list.cursor, len(t.list.visible), page); ok {
		t.list.cursor = next
		return
	}
	if key.Matches(msg, k.Pick) {
		t.pick(n)
	}
}

// pick opens the highlighted scenario.
func (t *estimateTab) pick(n *notice) {
	s := t.list.highlighted()
	if s == nil {
		return
	}
	kept, err := t.open(s)
	switch {
	case err != nil:
		n.fail(err)
	case kept == 1:
		n.say(fmt.Sprintf("%s: your changed input kept from before; R puts it back", s.Name))
	case kept > 1:
		n.say(fmt.Sprintf("%s: your %d changed inputs kept from before; R puts every input back", s.Name, kept))
	}
}

func (t *estimateTab) inputsKey(msg tea.KeyPressMsg, k *keyMap, page int, n *notice) {
	count := len(t.ses.scenario.Inputs)
	if next, ok := k.motion(msg, t.input, count, page); ok {
		t.input = next
		return
	}
	switch {
	case key.Matches(msg, k.Edit) && count > 0:
		t.startEdit()
	case key.Matches(msg, k.Reset) && count > 0:
		t.ses.reset(t.input)
		n.say(t.ses.scenario.Inputs[t.input].Name + " is back to its default")
	case key.Matches(msg, k.ResetAll):
		t.ses.reset(-1)
		n.say("every input is back to its default")
	}
}

func (t *estimateTab) resultsKey(msg tea.KeyPressMsg, k *keyMap, page int, _ *notice) {
	if next, ok := k.motion(msg, t.output, len(t.ses.order), page); ok {
		t.output = next
	}
}

// setScreen records the size the tab is drawn at and sizes its fields.
func (t *estimateTab) setScreen(w, h int) {
	t.screenW, t.screenH = w, h
	t.edit.setWidth(t.valueWidth(w, h))
	t.list.filter.setWidth(t.layout(w, h).listW - 1)
}

// startEdit begins editing the highlighted input.
func (t *estimateTab) startEdit() {
	t.edit.setWidth(t.valueWidth(t.screenW, t.screenH))
	t.edit.start(t.ses.inputText(t.input))
	t.pending = t.ses.result.Inputs[t.input].Value
	t.editErr = nil
}

// editKey handles a key while an input is being edited.
func (t *estimateTab) editKey(msg tea.KeyPressMsg, k *keyMap, n *notice) tea.Cmd {
	switch {
	case key.Matches(msg, k.Commit):
		t.commitEdit(n)
	case key.Matches(msg, k.Cancel):
		t.edit.stop()
		t.editErr = nil
		t.ses.restore()
	default:
		changed, cmd := t.edit.update(msg, k.Clear)
		if changed {
			t.retry()
		}
		return cmd
	}
	return nil
}

// retry recomputes the results with the text being edited.
func (t *estimateTab) retry() {
	v, err := t.ses.try(t.input, t.edit.value())
	t.editErr = err
	if err == nil {
		t.pending = v
	}
}

// commitEdit keeps the value being edited, if it has a result.
func (t *estimateTab) commitEdit(n *notice) {
	if t.editErr != nil {
		n.fail(errors.New("this value has no result: fix it, or press esc to cancel"))
		return
	}
	t.ses.commit(t.input, t.pending)
	t.edit.stop()
}

// filterKey handles a key while the filter is being typed.
func (t *estimateTab) filterKey(msg tea.KeyPressMsg, k *keyMap, n *notice) tea.Cmd {
	switch {
	case key.Matches(msg, k.Commit):
		s := t.list.highlighted()
		t.pick(n)
		keep := t.ses.scenario.Name
		if s != nil {
			keep = s.Name
		}
		t.list.endFilter(keep)
	case key.Matches(msg, k.Cancel):
		t.list.endFilter(t.ses.scenario.Name)
	case key.Matches(msg, k.FieldUp):
		t.list.move(-1)
	case key.Matches(msg, k.FieldDown):
		t.list.move(1)
	default:
		changed, cmd := t.list.filter.update(msg, k.Clear)
		if changed {
			t.list.applyFilter(t.list.filter.value())
		}
		return cmd
	}
	return nil
}

// forward passes a message that is not a key (a paste) to the field being
// edited.
func (t *estimateTab) forward(msg tea.Msg) tea.Cmd {
	switch {
	case t.list.filtering:
		changed, cmd := t.list.filter.update(msg, key.Binding{})
		if changed {
			t.list.applyFilter(t.list.filter.value())
		}
		return cmd
	case t.edit.active:
		changed, cmd := t.edit.update(msg, key.Binding{})
		if changed {
			t.retry()
		}
		return cmd
	}
	return nil
}
