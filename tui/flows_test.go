package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/estimate-dev/estimate/calc"
)

// The four flows a new user tries first (issue 6), each run as a real
// Bubble Tea program by teatest at 80×24, asserting on the model the
// program ends with and on its last view.

// runFlow runs a program through msgs and returns its final model.
func runFlow(t *testing.T, msgs ...tea.Msg) *Model {
	t.Helper()
	m := newTestModel(t, 80, 24)
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	for _, msg := range msgs {
		tm.Send(msg)
	}
	final, ok := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if !ok {
		t.Fatal("the program ended with another model")
	}
	if !final.quitting {
		t.Fatal("the program ended without quitting")
	}
	return final
}

// lastView is the final model's screen, as it was before quitting.
func lastView(m *Model) string {
	m.quitting = false
	defer func() { m.quitting = true }()
	return plainView(m)
}

// Flow 1: estimate opens the Estimate tab on web-app, its inputs and
// results visible at 80×24.
func TestFlowOpensOnWebApp(t *testing.T) {
	m := runFlow(t, keys("q")...)
	if m.tab != tabEstimate || m.estimate.ses.scenario.Name != "web-app" {
		t.Fatalf("opened tab %d on %s, want the Estimate tab on web-app", m.tab, m.estimate.ses.scenario.Name)
	}
	screen := lastView(m)
	requireContains(t, screen, "Inputs", "Results", "dau", "1M", "requests_per_user", "20/day", "cache_hit",
		"qps", "231 /s", "storage_total", "9.95 TB", "servers", "db_read_qps")
	if n := strings.Count(screen, "\n") + 1; n != 24 {
		t.Fatalf("the screen has %d lines, want 24", n)
	}
}

// Flow 2: `/` filters the list as you type; enter opens the highlighted
// scenario and its results show at once.
func TestFlowFilterAndPick(t *testing.T) {
	msgs := append(keys("/"), typed("tube")...)
	msgs = append(msgs, keys("enter", "q")...)
	m := runFlow(t, msgs...)
	if got := m.estimate.ses.scenario.Name; got != "youtube" {
		t.Fatalf("opened %s, want youtube", got)
	}
	if m.estimate.list.filtering || len(m.estimate.list.visible) != len(m.estimate.list.all) {
		t.Fatal("the filter is still on after picking")
	}
	requireContains(t, lastView(m), "• youtube", "video_size", "storage_per_day", "150 TB/day", "cost_per_month")
}

// The filter narrows the list with every key, before enter.
func TestFilterNarrowsAsYouType(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, keys("/")...)
	counts := []int{}
	for _, msg := range typed("new") {
		send(m, msg)
		counts = append(counts, len(m.estimate.list.visible))
	}
	if counts[len(counts)-1] != 1 || m.estimate.list.highlighted().Name != "news-feed" {
		t.Fatalf("after typing \"new\" the list holds %v, want only news-feed", m.estimate.list.visible)
	}
	if counts[0] <= counts[2] && counts[0] == len(m.estimate.list.all) {
		t.Fatalf("the list did not narrow as keys were typed: %v", counts)
	}
	requireContains(t, plainView(m), "/new", "news-feed")
	send(m, keys("esc")...)
	if m.estimate.ses.scenario.Name != "web-app" || len(m.estimate.list.visible) != len(m.estimate.list.all) {
		t.Fatal("esc should clear the filter and keep the scenario open")
	}
}

// Flow 3: tab to the inputs, enter to edit, ctrl+u to clear, type, enter to
// commit; the results follow every keystroke.
func TestFlowEditAnInput(t *testing.T) {
	msgs := keys("tab", "enter", "ctrl+u")
	msgs = append(msgs, typed("40M")...)
	msgs = append(msgs, keys("enter", "q")...)
	m := runFlow(t, msgs...)
	if m.estimate.focus != paneInputs || m.estimate.edit.active {
		t.Fatalf("focus %d, editing %v: want the inputs, not editing", m.estimate.focus, m.estimate.edit.active)
	}
	if v, ok := m.estimate.ses.settings["dau"]; !ok || v.Text != "40M" {
		t.Fatalf("dau is %+v, want 40M committed", m.estimate.ses.settings)
	}
	// 40M users × 20 requests a day = 9,259 requests a second.
	requireContains(t, lastView(m), "Inputs (1 changed)", "*dau", "40M", "9,259 /s", "18,519 /s")
}

// Results recompute on every keystroke while editing, and a value that
// does not parse keeps the last good results, with the error and its
// column under the field.
func TestEditRecomputesEveryKeystroke(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, keys("tab", "enter", "ctrl+u")...)
	qps := func() string { o, _ := m.estimate.ses.result.Output("qps"); return o.Display.Text }
	want := []string{"0.000463 /s", "0.00463 /s", "4,630 /s"} // 2, 20, 20M users
	for i, msg := range typed("20M") {
		send(m, msg)
		if got := qps(); got != want[i] {
			t.Fatalf("after %d keys qps is %s, want %s", i+1, got, want[i])
		}
	}
	send(m, typed(" +")...)
	if m.estimate.editErr == nil {
		t.Fatal("\"20M +\" should not parse")
	}
	if got := qps(); got != "4,630 /s" {
		t.Fatalf("qps is %s with a bad value, want the last good 4,630 /s", got)
	}
	var ce *calc.Error
	if !errors.As(m.estimate.editErr, &ce) {
		t.Fatalf("the error is %T, want a calc.Error with a column", m.estimate.editErr)
	}
	requireContains(t, plainView(m), "20M +", "col 6:", "Results (the last good ones)")
	send(m, keys("enter")...)
	if !m.estimate.edit.active {
		t.Fatal("enter committed a value that does not parse")
	}
	send(m, keys("esc")...)
	if m.estimate.edit.active || len(m.estimate.ses.settings) != 0 || qps() != "231 /s" {
		t.Fatal("esc should put the old value back")
	}
}

// An input keeps its dimension and its bounds: a bare number takes the
// default's unit, a value of another kind or out of bounds is refused.
func TestEditKeepsUnitsAndBounds(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, keys("tab", "down", "down", "down", "enter", "ctrl+u")...) // request_size, 1 KB
	send(m, typed("2")...)
	send(m, keys("enter")...)
	if v := m.estimate.ses.settings["request_size"]; v.Text != "2 KB" {
		t.Fatalf("a bare 2 became %q, want 2 KB", v.Text)
	}
	send(m, keys("enter", "ctrl+u")...)
	send(m, typed("5 ms")...)
	requireContains(t, plainView(m), "request_size is", "is time")
	send(m, keys("ctrl+u")...)
	send(m, typed("-1 KB")...)
	requireContains(t, plainView(m), "at least 0 KB")
	send(m, keys("esc")...)
	if v := m.estimate.ses.settings["request_size"]; v.Text != "2 KB" {
		t.Fatalf("esc lost the committed value: %q", v.Text)
	}
}

// Flow 4: w toggles the work, ? shows every key, q quits when not editing.
func TestFlowWorkHelpQuit(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, keys("tab", "tab", "w")...)
	if !m.estimate.showWork {
		t.Fatal("w did not show the work")
	}
	requireContains(t, plainView(m), "dau × requests_per_user", "= 1M × 20/day")
	send(m, keys("?")...)
	screen := plainView(m)
	for _, g := range m.keys.fullHelpGroups() {
		for _, e := range g.entries {
			requireContains(t, screen, e.keyText())
		}
	}
	send(m, keys("esc", "w")...)
	if m.estimate.showWork || m.overlay.kind != overlayNone {
		t.Fatal("esc should close the keys and w hide the work")
	}
	final := runFlow(t, keys("w", "?", "esc", "q")...)
	if !final.estimate.showWork {
		t.Fatal("the program lost the work toggle")
	}
}

// q types a q while editing; ctrl+c quits even then.
func TestQuitKeys(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, keys("tab", "enter", "q")...)
	if m.quitting || !strings.HasSuffix(m.estimate.edit.value(), "q") {
		t.Fatal("q should type while editing")
	}
	final := runFlow(t, keys("tab", "enter", "q", "ctrl+c")...)
	if !final.estimate.edit.active {
		t.Fatal("the program should have quit while editing")
	}
}
