package tui

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestCompareMarksTwoToFour(t *testing.T) {
	m := newTestModel(t, 140, 40)
	send(m, keys("2")...)
	if len(m.compare.marked) != 1 || m.compare.all[m.compare.marked[0]].Name != "web-app" {
		t.Fatalf("the Compare tab starts with %v marked, want web-app", m.compare.marked)
	}
	requireContains(t, plainView(m), "Mark two to four")
	for range 4 {
		send(m, keys("down", "space")...)
	}
	if len(m.compare.marked) != maxCompared || !m.notice.isErr {
		t.Fatalf("marking a fifth scenario gave %d marked and notice %+v", len(m.compare.marked), m.notice)
	}
	requireContains(t, plainView(m), "qps", "twitter", "rate-limiter", "█")
	send(m, keys("up", "space")...) // unmark the last one marked
	if len(m.compare.marked) != maxCompared-1 {
		t.Fatalf("space did not unmark: %v", m.compare.marked)
	}
	send(m, keys("c")...)
	if len(m.compare.marked) != 0 {
		t.Fatal("c did not clear the marks")
	}
}

// The Compare tab shows the open scenario with the user's inputs.
func TestCompareUsesTheEditedScenario(t *testing.T) {
	m := newTestModel(t, 140, 40)
	send(m, keys("tab", "enter", "ctrl+u")...)
	send(m, typed("40M")...)
	send(m, keys("enter", "2", "down", "space")...)
	requireContains(t, plainView(m), "web-app*", "9,259 /s")
}

func TestTablesAvailabilityField(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, keys("3", "left", "enter", "ctrl+u")...)
	send(m, typed("99.99")...)
	requireContains(t, plainView(m), "▸ 99.99%", "4.38 min")
	// 99.99% is one of the nines: its row is marked, not drawn twice.
	if n := strings.Count(plainView(m), "99.99% "); n != 1 {
		t.Errorf("99.99%% shows in %d rows, want 1", n)
	}
	send(m, typed("9x")...)
	requireContains(t, plainView(m), "is not a percentage")
	send(m, keys("enter")...)
	if !m.tables.editing() {
		t.Fatal("enter kept a percentage that does not parse")
	}
	send(m, keys("esc")...)
	if m.tables.editing() || m.tables.availText != "99.95%" {
		t.Fatalf("esc left %q, want the old 99.95%%", m.tables.availText)
	}
	send(m, keys("left", "s")...)
	requireContains(t, plainView(m), "Napkin-math")
}

func TestCalcHistory(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, keys("4")...)
	if !m.calc.editing() {
		t.Fatal("the Calc tab should take keys at once")
	}
	for _, e := range []string{"1 GiB to bytes", "2^41 ms to years"} {
		send(m, typed(e)...)
		send(m, keys("enter")...)
	}
	requireContains(t, plainView(m), "1,073,741,824 bytes", "69.7 years")
	send(m, typed("draft")...)
	send(m, keys("up")...)
	if got := m.calc.field.value(); got != "2^41 ms to years" {
		t.Fatalf("up gave %q, want the last expression", got)
	}
	send(m, keys("up", "up", "down", "down")...)
	if got := m.calc.field.value(); got != "draft" {
		t.Fatalf("down past the end gave %q, want the draft back", got)
	}
	send(m, keys("esc", "q")...)
	if !m.quitting {
		t.Fatal("q should quit once the field is left")
	}
}

func TestPasteIntoAnInput(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, keys("tab", "enter", "ctrl+u")...)
	send(m, tea.PasteMsg{Content: "40M"})
	send(m, keys("enter")...)
	if v := m.estimate.ses.settings["dau"]; v.Text != "40M" {
		t.Fatalf("pasting gave dau %q, want 40M", v.Text)
	}
}

func TestLightBackground(t *testing.T) {
	m := newTestModel(t, 80, 24)
	dark := m.st.accent.GetForeground()
	send(m, tea.BackgroundColorMsg{Color: color.White})
	if m.isDark || m.st.accent.GetForeground() == dark {
		t.Fatal("a light background did not switch to the light styles")
	}
}

func TestResetInputs(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, keys("tab", "enter", "ctrl+u")...)
	send(m, typed("2M")...)
	send(m, keys("enter", "down", "enter", "ctrl+u")...)
	send(m, typed("40/day")...)
	send(m, keys("enter")...)
	if len(m.estimate.ses.settings) != 2 {
		t.Fatalf("%d inputs changed, want 2", len(m.estimate.ses.settings))
	}
	send(m, keys("r")...)
	if _, ok := m.estimate.ses.settings["requests_per_user"]; ok || len(m.estimate.ses.settings) != 1 {
		t.Fatal("r did not reset the highlighted input alone")
	}
	send(m, keys("R")...)
	if len(m.estimate.ses.settings) != 0 {
		t.Fatal("R did not reset every input")
	}
	if err := m.consistent(); err != nil {
		t.Fatal(err)
	}
}

func TestStartOnAnotherScenario(t *testing.T) {
	m, err := New(Options{Scenarios: presets(t), Start: "chat"})
	if err != nil || m.estimate.ses.scenario.Name != "chat" {
		t.Fatalf("New(chat) = %v, %v", m, err)
	}
	if _, err := New(Options{Scenarios: presets(t), Start: "chats"}); err == nil {
		t.Fatal("an unknown scenario opened")
	}
}

// TestScrollStopsAtTheEnd: G in a pane longer than the screen puts its last
// line on the pane's last row, and no further, in every pane that scrolls:
// the help and info overlays, a reference table, the compare table. Before,
// the offset could reach the last line, leaving it alone above empty rows.
func TestScrollStopsAtTheEnd(t *testing.T) {
	tests := []struct {
		name string
		keys []tea.Msg
		last string // the pane's last line
	}{
		{"help", keys("?", "G"), "book or current latency"},
		{"info", keys("i", "G"), "365.25 days"},
		{"latency table", keys("3", "right", "G"), "vol. 1, ch. 2"},
		{"compare table", join(keys("2", "down", "space", "down", "space", "tab"), repeat("j", 40)), "Bars are on a log scale"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestModel(t, 80, 14) // short, so that every one of these scrolls
			send(m, tt.keys...)
			lines := strings.Split(plainView(m), "\n")
			body := lines[1 : len(lines)-2] // under the tab bar, above the status and help lines
			bottom := strings.TrimSpace(body[len(body)-1])
			if !strings.Contains(bottom, tt.last) {
				t.Fatalf("the pane's last row is %q, want the line with %q:\n%s", bottom, tt.last, strings.Join(lines, "\n"))
			}
			// One more step down changes nothing.
			before := plainView(m)
			send(m, keys("j")...)
			if plainView(m) != before {
				t.Errorf("j past the end moved the pane")
			}
		})
	}
}

// TestCompareHeaderStays: scrolling the compare table keeps the row of
// scenario names, so that the columns stay labelled, and a resize that
// makes room shows the whole table again.
func TestCompareHeaderStays(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, join(keys("2", "down", "space", "down", "space", "tab"), repeat("j", 40))...)
	requireContains(t, plainView(m), "web-app", "twitter", "rate-limiter")
	send(m, tea.WindowSizeMsg{Width: 140, Height: 40})
	requireContains(t, plainView(m), "qps", "peak_qps", "storage_total")
}

// TestResultsReachTheEnd: with the work shown, G on the results reaches the
// last result's work and the sections under the results, which at 80×24
// do not fit beside everything else.
func TestResultsReachTheEnd(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, keys("tab", "tab", "w", "G")...)
	requireContains(t, plainView(m), "Availability", "✓ ≥ 99.9% target")
	// The highlighted result is the last one, db_read_qps, and it stays in view.
	requireContains(t, plainView(m), "db_read_qps")
}

// TestTinyInputsShowTheCursor: at 20×10 the inputs pane has one row, and it
// shows the input under the cursor, not the one after it.
func TestTinyInputsShowTheCursor(t *testing.T) {
	m := newTestModel(t, 20, 10)
	send(m, keys("tab")...)
	requireContains(t, plainView(m), "dau")
	send(m, keys("j")...)
	requireContains(t, plainView(m), "requests_")
}

// TestCaretOnlyWhenTheFieldShowsAll: a field whose text is wider than the
// field scrolls, so a caret drawn at the error's column would stand under
// another character: then only the message, with its column, shows. A text
// that fits gets the caret.
func TestCaretOnlyWhenTheFieldShowsAll(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, keys("tab", "enter", "ctrl+u")...)
	// Wider than the value's field, which shows its end; the error is at
	// column 1, which has scrolled out of sight.
	send(m, typed("bar * 1 * 2 * 3 * 4 * 5 * 6")...)
	screen := plainView(m)
	requireContains(t, screen, "col 1: unknown name")
	if strings.Contains(screen, "^") {
		t.Errorf("a caret under a scrolled field:\n%s", screen)
	}
	send(m, keys("ctrl+u")...)
	send(m, typed("bar")...)
	requireContains(t, plainView(m), "^", "col 1: unknown name")
}

// TestChangesKeptAcrossScenarios: opening another scenario and coming back
// finds the inputs as they were left, and says so; R puts them back.
func TestChangesKeptAcrossScenarios(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, join(keys("tab", "enter", "ctrl+u"), typed("40M"), keys("enter"))...) // web-app's dau
	send(m, join(keys("/"), typed("twitter"), keys("enter"))...)
	if m.estimate.ses.scenario.Name != "twitter" || len(m.estimate.ses.settings) != 0 {
		t.Fatalf("twitter opened with %v", m.estimate.ses.settings)
	}
	send(m, join(keys("/"), typed("web-app"), keys("enter"))...)
	if v, ok := m.estimate.ses.settings["dau"]; !ok || v.Base != 40e6 {
		t.Fatalf("web-app's dau came back as %v, %v; want 40M kept", v, ok)
	}
	requireContains(t, plainView(m), "web-app: your changed input kept from before")
	send(m, keys("tab", "R")...)
	if len(m.estimate.ses.settings) != 0 {
		t.Errorf("R left %v", m.estimate.ses.settings)
	}
}

// TestCompareFollowsTheOpenScenario: until the user marks scenarios of
// their own, the Compare tab starts from the one open on the Estimate tab.
func TestCompareFollowsTheOpenScenario(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, join(keys("/"), typed("twitter"), keys("enter", "2"))...)
	if got := m.compare.marked; len(got) != 1 || m.compare.all[got[0]].Name != "twitter" {
		t.Fatalf("Compare marked %v, want twitter, the open scenario", got)
	}
	send(m, keys("down", "space", "1")...) // the user's own marks now
	send(m, join(keys("/"), typed("youtube"), keys("enter", "2"))...)
	if len(m.compare.marked) != 2 {
		t.Errorf("opening youtube changed the user's marks to %v", m.compare.marked)
	}
}

// TestFilterCountsMatches: the list's title says how many scenarios the
// filter leaves of how many.
func TestFilterCountsMatches(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, join(keys("/"), typed("youtube"))...)
	requireContains(t, plainView(m), "Scenarios (1 of 14)")
}

// TestNarrowLatencyTableKeepsTheTimes: at 60 columns the current figures'
// long operation names are cut and the bars shrink or go, but every time
// shows.
func TestNarrowLatencyTableKeepsTheTimes(t *testing.T) {
	for _, w := range []int{60, 40} {
		m := newTestModel(t, w, 40)
		send(m, keys("3", "right", "s")...) // the latency table, current figures
		requireContains(t, plainView(m), "Napkin-math", "ns", "µs", "ms")
		// The first row, cut or not, ends with its time: 0.5 ns.
		for _, line := range strings.Split(plainView(m), "\n") {
			if strings.HasPrefix(line, "Sequential memory R/W") && !strings.HasSuffix(strings.TrimSpace(line), "0.5 ns") {
				t.Errorf("at %d columns the first row does not end with its time: %q", w, line)
			}
		}
	}
}

// On a narrow terminal the reference tables leave out their least needed
// columns, and say so, rather than cutting the exact figures at the right
// edge: at 60 columns the powers of two are 79 cells wide with every column
// and 52 without the full name and the gap, so the 25-digit 2^60 fits.
func TestNarrowTablesLeaveOutColumns(t *testing.T) {
	m := newTestModel(t, 60, 24)
	send(m, keys("3")...)
	screen := plainView(m)
	requireContains(t, screen, "1,152,921,504,606,846,976", "1 quintillion", "Left out for want of room: Full name, Decimal gap")
	if strings.Contains(screen, "Full name") && !strings.Contains(screen, "room: Full name") {
		t.Errorf("the full name column is still drawn at 60 columns:\n%s", screen)
	}
	send(m, keys("left")...) // the availability table
	requireContains(t, plainView(m), "per day", "per month", "per year", "3.65 days", "Left out for want of room: per week (a wider terminal shows")

	m = newTestModel(t, 140, 40)
	send(m, keys("3")...)
	requireContains(t, plainView(m), "Full name", "Decimal gap", "1 kilobyte")
	if strings.Contains(plainView(m), "Left out") {
		t.Error("a 140-column terminal left a column out")
	}
}

// An input whose name is longer than the name column at 80 columns
// (chat's server_connections, 18 letters in a column of 17) takes a line of
// its own with the value under it, rather than reading
// "server_connectio…"; it still edits like any other.
func TestLongInputNameTakesALine(t *testing.T) {
	m := newTestModel(t, 80, 24)
	send(m, keys("/")...)
	send(m, typed("chat")...)
	send(m, keys("enter", "tab")...)
	screen := plainView(m)
	requireContains(t, screen, "server_connections ", "100K")
	if strings.Contains(screen, "server_connectio…") {
		t.Fatalf("the name is cut:\n%s", screen)
	}
	for range 6 {
		send(m, keys("down")...)
	}
	send(m, keys("enter", "ctrl+u")...)
	send(m, typed("200K")...)
	send(m, keys("enter")...)
	// 50M × 20% concurrent = 10M connections over 200K a server: 50 servers.
	requireContains(t, plainView(m), "*server_connections", "200K", "servers                   50")
}
