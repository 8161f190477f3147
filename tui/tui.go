package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

// Options say what the session shows and where it writes.
type Options struct {
	// Scenarios are the scenarios to offer, in the order listed.
	Scenarios []*scenarios.Scenario
	// LoadError is a problem met loading some scenarios; the session opens
	// with the others and shows it.
	LoadError error
	// Start names the scenario to open; "" opens web-app, or the first.
	Start string
	// Dir is where ctrl+s and e offer to write; "" is the current directory.
	Dir string
	// Format says how numbers are shown.
	Format calc.FormatOptions
	// NoColor draws without colour, as NO_COLOR asks.
	NoColor bool
	// Export writes a result as Markdown for the e key. The command line
	// passes report's writer, so that an export reads like
	// `estimate run -o md --work`; the session itself renders no reports.
	Export func(r *scenarios.Result, format calc.FormatOptions) ([]byte, error)
}

// DefaultScenario is the scenario the session opens with.
const DefaultScenario = "web-app"

// tabID is one of the session's tabs.
type tabID int

const (
	tabEstimate tabID = iota
	tabCompare
	tabTables
	tabCalc
	tabCount
)

var tabNames = [tabCount]string{"Estimate", "Compare", "Tables", "Calc"}

// Fallback size until the terminal reports its own.
const (
	defaultWidth  = 80
	defaultHeight = 24
)

// Model is the session: the root model that owns all state and the focus,
// and hands keys and drawing to the tab on screen. Update does no I/O;
// files are written by commands.
type Model struct {
	opts          Options
	keys          keyMap
	st            styles
	isDark        bool
	help          help.Model
	width, height int

	tab      tabID
	estimate estimateTab
	compare  compareTab
	tables   tablesTab
	calc     calcTab
	overlay  overlay
	prompt   prompt
	notice   notice
	quitting bool
}

// notice is the status line's message: what just happened, or what went
// wrong. A key press clears it.
type notice struct {
	text  string
	isErr bool
}

func (n *notice) say(text string) { *n = notice{text: text} }
func (n *notice) fail(err error)  { *n = notice{text: err.Error(), isErr: true} }

// New makes the session's model, open on opts.Start.
func New(opts Options) (*Model, error) {
	if len(opts.Scenarios) == 0 {
		return nil, errors.New("no scenario to show")
	}
	if opts.Dir == "" {
		opts.Dir = "."
	}
	m := &Model{opts: opts, keys: newKeyMap(), isDark: true, help: help.New()}
	m.setStyles(true)
	st := &m.st
	m.estimate = newEstimateTab(opts.Scenarios, opts.Format, st)
	m.compare = newCompareTab(opts.Scenarios, opts.Format)
	m.tables = newTablesTab(opts.Format, st)
	m.calc = newCalcTab(opts.Format, st)
	start, err := startScenario(opts)
	if err != nil {
		return nil, err
	}
	if _, err := m.estimate.open(start); err != nil {
		return nil, err
	}
	if opts.LoadError != nil {
		m.notice.fail(fmt.Errorf("some scenarios did not load: %w", opts.LoadError))
	}
	m.resize(defaultWidth, defaultHeight)
	return m, nil
}

// startScenario finds the scenario to open.
func startScenario(opts Options) (*scenarios.Scenario, error) {
	name := opts.Start
	if name == "" {
		name = DefaultScenario
	}
	names := make([]string, len(opts.Scenarios))
	for i, s := range opts.Scenarios {
		if s.Name == name {
			return s, nil
		}
		names[i] = s.Name
	}
	if opts.Start == "" {
		return opts.Scenarios[0], nil
	}
	return nil, &scenarios.UnknownScenarioError{Name: name, Known: names}
}

// Run runs the session on the terminal until the user quits. It draws on
// stderr so that stdout stays clean.
func Run(ctx context.Context, opts Options, in io.Reader, out io.Writer) error {
	m, err := New(opts)
	if err != nil {
		return err
	}
	if out == nil {
		out = os.Stderr
	}
	progOpts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithOutput(out)}
	if in != nil {
		progOpts = append(progOpts, tea.WithInput(in))
	}
	_, err = tea.NewProgram(m, progOpts...).Run()
	return err
}

// setStyles builds the styles for the background and hands them to the
// text fields.
func (m *Model) setStyles(isDark bool) {
	m.isDark = isDark
	m.st = newStyles(isDark, m.opts.NoColor)
	m.help.Styles = m.st.help
	for _, f := range []*field{&m.estimate.edit, &m.estimate.list.filter, &m.tables.field, &m.calc.field, &m.prompt.field} {
		f.setStyles(&m.st)
	}
}

// Init asks the terminal for its background colour, to pick light or dark
// styles.
func (m *Model) Init() tea.Cmd { return tea.RequestBackgroundColor }

// Update handles a message: a key, a resize, the background colour, or a
// file written.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		m.setStyles(msg.IsDark())
	case fileWrittenMsg:
		text := fmt.Sprintf("wrote the %s to %s", msg.what, msg.path)
		if msg.what == "scenario" { // say how to use it, which is not obvious
			text += "; estimate run --file " + shellWord(msg.path) + " reads it"
		}
		m.notice.say(text)
	case fileExistsMsg:
		m.prompt.confirm(msg)
	case fileErrorMsg:
		m.notice.fail(fmt.Errorf("could not write %s: %w", msg.path, msg.err))
	default:
		return m, m.forward(msg)
	}
	return m, nil
}

// shellWord quotes a path for a shell command line when it needs it.
func shellWord(path string) string {
	if strings.ContainsAny(path, " \t'\"\\$`!*?&;|<>()[]{}#~") {
		return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
	}
	return path
}

// resize follows the terminal's size.
func (m *Model) resize(w, h int) {
	m.width, m.height = max(w, 1), max(h, 1)
	m.help.SetWidth(m.width - 1)
	m.estimate.setScreen(m.width, m.bodyHeight())
	m.tables.field.setWidth(m.width - len(availabilityLabel))
	m.calc.field.setWidth(m.width - 2)
	m.prompt.setWidth(m.width)
}

// bodyHeight is the height left to a tab under the tab bar and above the
// status and help lines.
func (m *Model) bodyHeight() int { return max(m.height-3, 0) }

// pageSize is how far page up and page down move.
func (m *Model) pageSize() int { return max(m.bodyHeight()-2, 1) }

// editing reports whether keys go to a text field.
func (m *Model) editing() bool {
	return m.prompt.active() || tabEditing[m.tab](m)
}

// tabEditing says, per tab, whether a field of it is being edited.
var tabEditing = [tabCount]func(m *Model) bool{
	tabEstimate: func(m *Model) bool { return m.estimate.editing() },
	tabCompare:  func(*Model) bool { return false },
	tabTables:   func(m *Model) bool { return m.tables.editing() },
	tabCalc:     func(m *Model) bool { return m.calc.editing() },
}

// handleKey routes a key: ctrl+c always quits; a question being asked, an
// overlay or a field being edited takes the key first; then the keys that
// work anywhere; then the tab on screen.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	m.notice = notice{}
	switch {
	case key.Matches(msg, m.keys.ForceQuit):
		return m.quit(msg)
	case m.prompt.active():
		return m.prompt.handleKey(msg, &m.keys, m.estimate.ses.result, m.opts, &m.notice)
	case m.overlay.kind != overlayNone:
		if key.Matches(msg, m.keys.Quit) {
			return m.quit(msg)
		}
		m.overlay.handleKey(msg, &m.keys, len(m.overlayLines()), m.bodyHeight())
		return nil
	case m.editing():
		return tabKeys[m.tab](m, msg)
	}
	for _, a := range globalActions {
		if key.Matches(msg, a.binding(m.keys)) {
			return a.run(m, msg)
		}
	}
	return tabKeys[m.tab](m, msg)
}

// tabKeys hand a key to the tab on screen.
var tabKeys = [tabCount]func(m *Model, msg tea.KeyPressMsg) tea.Cmd{
	tabEstimate: func(m *Model, msg tea.KeyPressMsg) tea.Cmd {
		return m.estimate.handleKey(msg, &m.keys, m.pageSize(), &m.notice)
	},
	tabCompare: func(m *Model, msg tea.KeyPressMsg) tea.Cmd {
		m.compare.handleKey(msg, &m.keys, m.width, m.bodyHeight(), m.estimate.ses.result, &m.notice)
		return nil
	},
	tabTables: func(m *Model, msg tea.KeyPressMsg) tea.Cmd {
		return m.tables.handleKey(msg, &m.keys, m.width, m.bodyHeight()-tablesHeadRows)
	},
	tabCalc: func(m *Model, msg tea.KeyPressMsg) tea.Cmd {
		return m.calc.handleKey(msg, &m.keys)
	},
}

// globalActions are the keys that work on every tab when no field is
// being edited.
var globalActions = []struct {
	binding func(keyMap) key.Binding
	run     func(m *Model, msg tea.KeyPressMsg) tea.Cmd
}{
	{func(k keyMap) key.Binding { return k.Quit }, (*Model).quit},
	{func(k keyMap) key.Binding { return k.Help }, (*Model).showHelp},
	{func(k keyMap) key.Binding { return k.Info }, (*Model).showInfo},
	{func(k keyMap) key.Binding { return k.Work }, (*Model).toggleWork},
	{func(k keyMap) key.Binding { return k.Save }, (*Model).askSave},
	{func(k keyMap) key.Binding { return k.Export }, (*Model).askExport},
	{func(k keyMap) key.Binding { return k.NextTab }, (*Model).nextTab},
	{func(k keyMap) key.Binding { return k.PrevTab }, (*Model).prevTab},
	{func(k keyMap) key.Binding { return k.GoToTab }, (*Model).goToTab},
}

func (m *Model) quit(tea.KeyPressMsg) tea.Cmd {
	m.quitting = true
	return tea.Quit
}

func (m *Model) showHelp(tea.KeyPressMsg) tea.Cmd {
	m.overlay = overlay{kind: overlayHelp}
	return nil
}

func (m *Model) showInfo(tea.KeyPressMsg) tea.Cmd {
	m.overlay = overlay{kind: overlayInfo}
	return nil
}

func (m *Model) toggleWork(tea.KeyPressMsg) tea.Cmd {
	m.estimate.showWork = !m.estimate.showWork
	if m.tab != tabEstimate {
		m.notice.say("the work shows under each result on the Estimate tab")
	}
	return nil
}

func (m *Model) askSave(tea.KeyPressMsg) tea.Cmd {
	m.prompt.ask("scenario", m.estimate.ses.scenario.Name, m.opts.Dir, &m.st)
	m.prompt.setWidth(m.width)
	return nil
}

func (m *Model) askExport(tea.KeyPressMsg) tea.Cmd {
	m.prompt.ask("results", m.estimate.ses.scenario.Name, m.opts.Dir, &m.st)
	m.prompt.setWidth(m.width)
	return nil
}

func (m *Model) nextTab(tea.KeyPressMsg) tea.Cmd { m.switchTab((m.tab + 1) % tabCount); return nil }
func (m *Model) prevTab(tea.KeyPressMsg) tea.Cmd {
	m.switchTab((m.tab + tabCount - 1) % tabCount)
	return nil
}

func (m *Model) goToTab(msg tea.KeyPressMsg) tea.Cmd {
	m.switchTab(tabID(msg.Code - '1'))
	return nil
}

// switchTab shows another tab. The Calc tab is for typing, so its field
// takes the keys at once.
func (m *Model) switchTab(t tabID) {
	if t < 0 || t >= tabCount {
		return
	}
	m.tab = t
	switch t {
	case tabCalc:
		m.calc.focus()
	case tabCompare:
		m.compare.follow(m.estimate.ses.scenario)
	}
}

// forward passes a message that is not a key (a paste) to the field being
// edited.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	switch {
	case m.prompt.active():
		_, cmd := m.prompt.field.update(msg, key.Binding{})
		return cmd
	case m.tab == tabEstimate:
		return m.estimate.forward(msg)
	case m.tab == tabCalc:
		return m.calc.forward(msg)
	}
	return nil
}

// overlayLines draws the overlay's content at the current width.
func (m *Model) overlayLines() []string {
	switch m.overlay.kind {
	case overlayHelp:
		return helpLines(m.keys, m.width, m.bodyHeight(), &m.st)
	case overlayInfo:
		return infoLines(m.estimate.ses.scenario, m.width, &m.st)
	}
	return nil
}

// View draws the session in the alternate screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "estimate · " + m.estimate.ses.scenario.Name
	return v
}

// render draws the screen: the tab bar, the tab (or an overlay), the
// status line and the help line, exactly width × height.
func (m *Model) render() string {
	if m.quitting {
		return ""
	}
	w, h := m.width, m.height
	lines := make([]string, 0, h)
	lines = append(lines, fit(m.tabBar(), w))
	lines = append(lines, m.body(w, m.bodyHeight())...)
	lines = append(lines, fit(m.statusLine(), w), fit(m.help.ShortHelpView(m.shortHelp()), w))
	return strings.Join(lines[:min(len(lines), h)], "\n")
}

// body draws the tab on screen, or the overlay over it.
func (m *Model) body(w, h int) []string {
	if m.overlay.kind != overlayNone {
		lines := m.overlayLines()
		return window(scrolled(lines, m.overlay.scroll, h), w, h, -1)
	}
	return tabViews[m.tab](m, w, h)
}

// tabViews draw each tab.
var tabViews = [tabCount]func(m *Model, w, h int) []string{
	tabEstimate: func(m *Model, w, h int) []string { return m.estimate.view(w, h, &m.st) },
	tabCompare: func(m *Model, w, h int) []string {
		return m.compare.view(w, h, m.estimate.ses.result, &m.st)
	},
	tabTables: func(m *Model, w, h int) []string { return m.tables.view(w, h, &m.st) },
	tabCalc:   func(m *Model, w, h int) []string { return m.calc.view(w, h, &m.st) },
}

// tabBar names the tabs, the one on screen underlined, and the scenario
// open on the right.
func (m *Model) tabBar() string {
	var b strings.Builder
	b.WriteString(m.st.brand.Render("estimate") + " ")
	for i, name := range tabNames {
		label := fmt.Sprintf(" %d %s ", i+1, name)
		if tabID(i) == m.tab {
			b.WriteString(m.st.activeTab.Render(label))
		} else {
			b.WriteString(m.st.tab.Render(label))
		}
	}
	left := b.String()
	right := m.estimate.ses.scenario.Title
	if room := m.width - ansi.StringWidth(left) - 2; room > 8 {
		return left + strings.Repeat(" ", max(room-ansi.StringWidth(right), 0)+2) + m.st.muted.Render(fit(right, min(room, ansi.StringWidth(right))))
	}
	return left
}

// statusLine shows the question being asked, the last notice, or the
// scenario's source and the calendar the numbers use.
func (m *Model) statusLine() string {
	switch {
	case m.prompt.active():
		return m.prompt.view(&m.st)
	case m.notice.isErr:
		return m.st.statusError.Render(m.notice.text)
	case m.notice.text != "":
		return m.st.status.Render(m.notice.text)
	}
	s := m.estimate.ses.scenario
	return m.st.status.Render(s.Source + " · a month is 30 days, a year 365")
}

// shortHelp is the help line: the keys that matter where the user is.
func (m *Model) shortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.prompt.kind == promptOverwrite:
		return []key.Binding{k.Yes, k.No}
	case m.prompt.active():
		return []key.Binding{k.Commit, k.Cancel, k.Clear}
	case m.overlay.kind != overlayNone:
		return []key.Binding{k.Up, k.Down, relabel(k.Cancel, "close"), k.Quit}
	case m.estimate.list.filtering && m.tab == tabEstimate:
		return []key.Binding{k.Pick, k.FieldUp, k.FieldDown, k.Cancel, k.Clear}
	case m.tab == tabCalc && m.calc.editing():
		return []key.Binding{k.Commit, k.FieldUp, k.FieldDown, k.Clear, relabel(k.Cancel, "leave the field")}
	case m.editing():
		return []key.Binding{k.Commit, k.Cancel, k.Clear, k.ForceQuit}
	}
	return shortHelpFor[m.tab](m)
}

// shortHelpFor is the help line of each tab when nothing is being edited.
var shortHelpFor = [tabCount]func(m *Model) []key.Binding{
	tabEstimate: func(m *Model) []key.Binding {
		k := m.keys
		pane := [paneCount][]key.Binding{
			paneList:    {k.Pick, k.Filter},
			paneInputs:  {k.Edit, k.Reset},
			paneResults: {k.Up, k.Down},
		}[m.estimate.focus]
		return append(append([]key.Binding{k.FocusNext}, pane...), k.Work, k.Info, k.Help, k.Quit, k.Save, k.Export)
	},
	tabCompare: func(m *Model) []key.Binding {
		k := m.keys
		if m.compare.table {
			return []key.Binding{k.FocusNext, k.Up, k.Down, k.Help, k.Quit}
		}
		return []key.Binding{k.Mark, k.FocusNext, k.Unmark, k.Help, k.Quit}
	},
	tabTables: func(m *Model) []key.Binding {
		k := m.keys
		own := map[int]key.Binding{latencyTable: k.LatencySet, availabilityTable: k.Edit}
		if b, ok := own[m.tables.which]; ok {
			return []key.Binding{k.Left, b, k.Help, k.Quit}
		}
		return []key.Binding{k.Left, k.Help, k.Quit}
	},
	tabCalc: func(m *Model) []key.Binding {
		k := m.keys
		return []key.Binding{k.Edit, k.GoToTab, k.Help, k.Quit}
	},
}
