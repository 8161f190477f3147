package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/scenarios"
)

// RunOptions say how WriteRun shows a scenario's result.
type RunOptions struct {
	// Work shows each output's arithmetic: under it in the text table, in
	// a column in Markdown. JSON and CSV carry the work always.
	Work bool
	// Styles colour the text table; the zero value is plain.
	Styles Styles
	// Numbers says how the numbers report formats itself (input values,
	// latency and availability) are shown. Pass the options the result was
	// evaluated with, so that every number in the output agrees.
	Numbers calc.FormatOptions
	// Growth, when set, adds the results at times ahead (run --growth).
	Growth *Growth
}

// The conventions every result is computed with (calc's month and year),
// printed under every table and included in JSON.
const (
	conventionMonth            = calc.ConventionMonth
	conventionYear             = calc.ConventionYear
	conventionAvailabilityYear = calc.ConventionAvailabilityYear
)

// WriteRun writes one scenario's result in the given format: an aligned
// text table, JSON, CSV or Markdown.
func WriteRun(w io.Writer, r *scenarios.Result, f Format, opts RunOptions) error {
	switch f {
	case FormatTable:
		return writeRunText(w, r, opts)
	case FormatJSON:
		return writeJSON(w, newRunWithGrowth(r, opts))
	case FormatCSV:
		return writeRunCSV(w, newRunWithGrowth(r, opts))
	case FormatMarkdown:
		return writeRunMarkdown(w, r, opts)
	}
	return fmt.Errorf("unknown output format %q: use %s", f, orList(formats))
}

// Run is the JSON document of one scenario's result (README § JSON). Its
// fields are written in the order declared here.
type Run struct {
	Scenario     string           `json:"scenario"`
	Title        string           `json:"title"`
	Source       string           `json:"source"`
	Conventions  Conventions      `json:"conventions"`
	Inputs       []RunInput       `json:"inputs"`
	Outputs      []RunOutput      `json:"outputs"`
	Latency      *RunLatency      `json:"latency,omitempty"`
	Availability *RunAvailability `json:"availability,omitempty"`
	Growth       *RunGrowth       `json:"growth,omitempty"`
}

// Conventions are the lengths of a month and a year the numbers assume.
// AvailabilityYear is set when the result has an availability section,
// whose downtime uses the nines table's year.
type Conventions struct {
	Month            string `json:"month"`
	Year             string `json:"year"`
	AvailabilityYear string `json:"availability_year,omitempty"`
}

// Quantity is a number as the JSON contract writes it: Value, Unit and
// Text in its display unit, Base in base units with BaseUnit. Only Text is
// rounded. Its fields stand in the object that embeds it, in this order.
type Quantity struct {
	Value    float64 `json:"value"`
	Unit     string  `json:"unit"`
	Text     string  `json:"text"`
	Base     float64 `json:"base"`
	BaseUnit string  `json:"base_unit"`
}

// NewQuantity is a shown value with its base value and dimension.
func NewQuantity(d calc.Display, base float64, dim calc.Dim) Quantity {
	return Quantity{Value: d.Value, Unit: d.Unit, Text: d.Text, Base: base, BaseUnit: dim.BaseUnit()}
}

// csvRow is the quantity as a row of the CSV of a run.
func (q Quantity) csvRow(section, name string) []string {
	return []string{section, name, fullNumber(q.Value), q.Unit, q.Text, fullNumber(q.Base), q.BaseUnit}
}

// RunInput is an input's value: Expr as given (the file's value or the
// --set text, normalised), the quantity in the unit of the input's default.
type RunInput struct {
	Name string `json:"name"`
	Expr string `json:"expr"`
	Quantity
}

// RunOutput is an output's value: its formula, its value in its display
// unit, in base units, and the arithmetic that gave it.
type RunOutput struct {
	Name string `json:"name"`
	Expr string `json:"expr"`
	Quantity
	Work string `json:"work"`
}

// RunLatency is a request's path priced from the latency table; times are
// in seconds.
type RunLatency struct {
	Figures string           `json:"figures"`
	Target  Number           `json:"target"`
	Total   Number           `json:"total"`
	Meets   bool             `json:"meets"`
	Steps   []RunLatencyStep `json:"steps"`
}

// RunLatencyStep is one step of the path: a latency table row, so many
// times.
type RunLatencyStep struct {
	Op        string  `json:"op"`
	Operation string  `json:"operation"`
	Note      string  `json:"note,omitempty"`
	Times     float64 `json:"times"`
	Each      Number  `json:"each"`
	Total     Number  `json:"total"`
}

// RunAvailability is the composite availability of components in series,
// as fractions (0.999 for 99.9%), and the downtime it allows in seconds,
// with the nines table's 365.25-day year.
type RunAvailability struct {
	Target           Number         `json:"target"`
	Composite        Number         `json:"composite"`
	DowntimePerMonth Number         `json:"downtime_per_month"`
	DowntimePerYear  Number         `json:"downtime_per_year"`
	Meets            bool           `json:"meets"`
	Components       []RunComponent `json:"components"`
}

// RunComponent is one component: its SLA, its replicas in parallel and the
// availability they give together.
type RunComponent struct {
	Name      string  `json:"name"`
	SLA       Number  `json:"sla"`
	Replicas  float64 `json:"replicas"`
	Effective Number  `json:"effective"`
}

// NewRun builds the JSON document of a result. opts formats the numbers
// report shows itself; pass those the result was evaluated with.
func NewRun(r *scenarios.Result, opts calc.FormatOptions) Run {
	s := r.Scenario
	doc := Run{
		Scenario:    s.Name,
		Title:       s.Title,
		Source:      s.Source,
		Conventions: Conventions{Month: conventionMonth, Year: conventionYear},
		Inputs:      make([]RunInput, len(r.Inputs)),
		Outputs:     make([]RunOutput, len(r.Outputs)),
	}
	for i, in := range r.Inputs {
		d := inputDisplay(in, opts)
		doc.Inputs[i] = RunInput{Name: in.Name, Expr: in.Value.Text, Quantity: NewQuantity(d, in.Value.Base, in.Dim)}
	}
	for i, o := range r.Outputs {
		doc.Outputs[i] = RunOutput{Name: o.Name, Expr: o.Expr, Quantity: NewQuantity(o.Display, o.Base, o.Dim), Work: o.Work}
	}
	if r.Latency != nil {
		doc.Latency = newRunLatency(r.Latency, opts)
	}
	if r.Availability != nil {
		doc.Availability = newRunAvailability(r.Availability, opts)
		doc.Conventions.AvailabilityYear = conventionAvailabilityYear
	}
	return doc
}

// newRunWithGrowth is NewRun with the growth of run --growth, if any.
func newRunWithGrowth(r *scenarios.Result, opts RunOptions) Run {
	doc := NewRun(r, opts.Numbers)
	if opts.Growth != nil {
		doc.Growth = newRunGrowth(opts.Growth, opts.Numbers)
	}
	return doc
}

// inputDisplay shows an input's value in the unit of its default ("500 MB"
// for a video size given as 0.5 GB, "20%" for a share), or in the best unit
// for its size when the default is a plain number.
func inputDisplay(in scenarios.InputResult, opts calc.FormatOptions) calc.Display {
	if text := in.Unit(); text != "" {
		if u, err := calc.ParseUnit(text); err == nil && u.Dim == in.Dim {
			return calc.Show(in.Value.Base, in.Dim, &u, opts)
		}
	}
	return calc.Show(in.Value.Base, in.Dim, nil, opts)
}

func newRunLatency(l *scenarios.LatencyResult, opts calc.FormatOptions) *RunLatency {
	out := &RunLatency{Figures: l.Figures, Target: timeNumber(l.Target, opts), Total: timeNumber(l.Total, opts), Meets: l.Meets}
	for _, st := range l.Steps {
		out.Steps = append(out.Steps, RunLatencyStep{Op: st.Op, Operation: st.Operation, Note: st.Note, Times: st.Times,
			Each: timeNumber(st.Each, opts), Total: timeNumber(st.Total, opts)})
	}
	return out
}

func newRunAvailability(a *scenarios.AvailabilityResult, opts calc.FormatOptions) *RunAvailability {
	out := &RunAvailability{
		Target:           percentNumber(a.Target, opts),
		Composite:        percentNumber(a.Composite, opts),
		DowntimePerMonth: timeNumber(a.DowntimeMonth, opts),
		DowntimePerYear:  timeNumber(a.DowntimeYear, opts),
		Meets:            a.Meets,
	}
	for _, c := range a.Components {
		out.Components = append(out.Components, RunComponent{Name: c.Name, SLA: percentNumber(c.SLA, opts),
			Replicas: c.Replicas, Effective: percentNumber(c.Effective, opts)})
	}
	return out
}

// timeNumber shows a time in seconds.
func timeNumber(s float64, opts calc.FormatOptions) Number {
	return Number{Text: calc.Show(s, calc.Seconds, nil, opts).Text, Base: s}
}

// percentNumber shows an availability as a percentage, as calc does
// everywhere: every leading nine and the digits asked for after them.
func percentNumber(a float64, opts calc.FormatOptions) Number {
	return Number{Text: calc.ShowAvailability(a, opts), Base: a}
}

// writeJSON writes v as indented JSON, leaving <, > and & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// runCSVHeader is the header of a result in CSV.
var runCSVHeader = []string{"section", "name", "value", "unit", "text", "base", "base_unit"}

// writeRunCSV writes a row per input and output, then per latency step and
// availability component with their totals. Numbers are written in full,
// as JSON writes them.
func writeRunCSV(w io.Writer, doc Run) error {
	var rows [][]string
	for _, in := range doc.Inputs {
		rows = append(rows, in.csvRow("input", in.Name))
	}
	for _, o := range doc.Outputs {
		rows = append(rows, o.csvRow("output", o.Name))
	}
	if l := doc.Latency; l != nil {
		for _, st := range l.Steps {
			rows = append(rows, timeRow("latency", st.Op, st.Total))
		}
		rows = append(rows, timeRow("latency", "total", l.Total), timeRow("latency", "target", l.Target))
	}
	if a := doc.Availability; a != nil {
		for _, c := range a.Components {
			rows = append(rows, percentRow("availability", c.Name, c.Effective))
		}
		rows = append(rows,
			percentRow("availability", "composite", a.Composite),
			percentRow("availability", "target", a.Target),
			timeRow("availability", "downtime_per_month", a.DowntimePerMonth),
			timeRow("availability", "downtime_per_year", a.DowntimePerYear))
	}
	if doc.Growth != nil {
		rows = append(rows, growthCSVRows(doc.Growth)...)
	}
	return WriteCSV(w, runCSVHeader, rows)
}

// timeRow is a CSV row of a time, whose value is in seconds.
func timeRow(section, name string, n Number) []string {
	return []string{section, name, fullNumber(n.Base), "s", n.Text, fullNumber(n.Base), "s"}
}

// percentRow is a CSV row of an availability, whose value is a
// percentage and whose base is a fraction.
func percentRow(section, name string, n Number) []string {
	return []string{section, name, fullNumber(n.Base / 0.01), "%", n.Text, fullNumber(n.Base), ""}
}

// fullNumber writes x with full precision and no exponent below 1e21, as
// encoding/json does.
func fullNumber(x float64) string {
	b, err := json.Marshal(x)
	if err != nil {
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return string(b)
}

// conventionsLine is the line under every table saying what a month and a
// year are.
func conventionsLine(r *scenarios.Result) string {
	line := "month = " + conventionMonth + " · year = " + conventionYear
	if r.Availability != nil {
		line += " · availability year = " + conventionAvailabilityYear
	}
	return line
}

// inputCells are an input's name and value as given; a value set in place
// of the default says what the default was.
func inputCells(in scenarios.InputResult) []string {
	note := ""
	if in.Changed {
		note = "default " + in.Default.Text
	}
	return []string{in.Name, in.Value.Text, note}
}

// writeRunText writes the text table: the title, the inputs and outputs in
// one aligned table (the work under each output with Work), the latency and
// availability sections, and the conventions.
func writeRunText(w io.Writer, r *scenarios.Result, opts RunOptions) error {
	st := opts.Styles
	s := r.Scenario
	var b strings.Builder
	b.WriteString(st.Title.Render(s.Title) + "\n")
	b.WriteString(st.Muted.Render(headerLine(s)) + "\n")
	t := Table{Align: []Alignment{AlignLeft, AlignRight, AlignLeft}}
	for _, in := range r.Inputs {
		cells := inputCells(in)
		cells[2] = render(st.Muted, cells[2])
		t.Rows = append(t.Rows, cells)
	}
	for _, o := range r.Outputs {
		t.Rows = append(t.Rows, []string{o.Name, o.Display.Text})
	}
	lines, err := textLines(t, st)
	if err != nil {
		return err
	}
	b.WriteString("\n" + st.Header.Render("Inputs") + "\n")
	for _, line := range lines[:len(r.Inputs)] {
		b.WriteString("  " + line + "\n")
	}
	b.WriteString("\n" + st.Header.Render("Outputs") + "\n")
	for i, line := range lines[len(r.Inputs):] {
		b.WriteString("  " + line + "\n")
		if opts.Work {
			b.WriteString("      " + render(st.Muted, r.Outputs[i].Work) + "\n")
		}
	}
	if err := writeLatencyText(&b, r.Latency, opts); err != nil {
		return err
	}
	if err := writeAvailabilityText(&b, r.Availability, opts); err != nil {
		return err
	}
	if err := writeGrowthText(&b, r, opts); err != nil {
		return err
	}
	b.WriteString("\n" + st.Muted.Render(conventionsLine(r)) + "\n")
	_, err = io.WriteString(w, b.String())
	return err
}

// headerLine names the scenario and its source: "web-app · System Design
// Interview, vol. 1, ch. 1".
func headerLine(s *scenarios.Scenario) string {
	if s.Source == "" {
		return s.Name
	}
	return s.Name + " · " + s.Source
}

// textLines renders a table with no title, header or footer and returns its
// lines, one per row, so that a caller can put lines between rows.
func textLines(t Table, st Styles) ([]string, error) {
	var b strings.Builder
	if err := t.WriteText(&b, st); err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n"), nil
}

// writeSection writes a titled table with a header row, a muted line
// under any row that has a note, and the lines after the table, indented.
func writeSection(b *strings.Builder, title string, t Table, notes, after []string, st Styles) error {
	lines, err := textLines(t, st)
	if err != nil {
		return err
	}
	b.WriteString("\n" + st.Header.Render(title) + "\n")
	for i, line := range lines {
		b.WriteString("  " + line + "\n")
		if i > 0 && i <= len(notes) && notes[i-1] != "" {
			b.WriteString("      " + st.Muted.Render(notes[i-1]) + "\n")
		}
	}
	for _, line := range after {
		b.WriteString("  " + line + "\n")
	}
	return nil
}

func writeLatencyText(b *strings.Builder, l *scenarios.LatencyResult, opts RunOptions) error {
	if l == nil {
		return nil
	}
	doc := newRunLatency(l, opts.Numbers)
	t := Table{Headers: latencyHeaders, Align: latencyAlign, Rows: latencyRows(doc)}
	notes := make([]string, len(doc.Steps))
	for i, st := range doc.Steps {
		notes[i] = st.Note
	}
	return writeSection(b, "Latency ("+doc.Figures+" figures)", t, notes, []string{latencyVerdict(doc)}, opts.Styles)
}

func writeAvailabilityText(b *strings.Builder, a *scenarios.AvailabilityResult, opts RunOptions) error {
	if a == nil {
		return nil
	}
	doc := newRunAvailability(a, opts.Numbers)
	t := Table{Headers: componentHeaders, Align: componentAlign, Rows: componentRows(doc)}
	return writeSection(b, "Availability", t, nil, availabilityVerdict(doc), opts.Styles)
}

// The columns of the latency and availability sections, in text and
// Markdown.
var (
	latencyHeaders   = []string{"Step", "Times", "Each", "Total"}
	latencyAlign     = []Alignment{AlignLeft, AlignRight, AlignRight, AlignRight}
	componentHeaders = []string{"Component", "SLA", "Replicas", "Together"}
	componentAlign   = []Alignment{AlignLeft, AlignRight, AlignRight, AlignRight}
)

// latencyRows are the steps of a request's path; Markdown adds each
// step's note in a column of its own.
func latencyRows(l *RunLatency) [][]string {
	rows := make([][]string, len(l.Steps))
	for i, st := range l.Steps {
		rows[i] = []string{st.Operation, "× " + countText(st.Times), st.Each.Text, st.Total.Text}
	}
	return rows
}

// latencyMarkdown is the latency table with each step's note.
func latencyMarkdown(l *RunLatency) Table {
	t := Table{Headers: slices.Concat(latencyHeaders, []string{"Note"}),
		Align: latencyAlign, Rows: latencyRows(l), Footer: []string{latencyVerdict(l)}}
	for i, st := range l.Steps {
		t.Rows[i] = append(t.Rows[i], st.Note)
	}
	return t
}

// latencyVerdict compares the path's total with its target.
func latencyVerdict(l *RunLatency) string {
	verdict := "meets it"
	if !l.Meets {
		verdict = "misses it"
	}
	return fmt.Sprintf("Total %s against a target of %s: %s.", l.Total.Text, l.Target.Text, verdict)
}

// componentRows are the components in series, each with its replicas.
func componentRows(a *RunAvailability) [][]string {
	rows := make([][]string, len(a.Components))
	for i, c := range a.Components {
		rows[i] = []string{c.Name, c.SLA.Text, countText(c.Replicas), c.Effective.Text}
	}
	return rows
}

// availabilityVerdict compares the composite availability with its target
// and says how much downtime it allows.
func availabilityVerdict(a *RunAvailability) []string {
	verdict := "meets it"
	if !a.Meets {
		verdict = "misses it"
	}
	return []string{
		fmt.Sprintf("Composite %s against a target of %s: %s.", a.Composite.Text, a.Target.Text, verdict),
		fmt.Sprintf("Downtime allowed: %s a month, %s a year.", a.DowntimePerMonth.Text, a.DowntimePerYear.Text),
	}
}

// countText writes a count as a plain number: 3, 2.5, 20. Six significant
// digits keep any count a design has exact, and a formula's count that
// grows huge reads 4.63e+293 rather than with all seventeen digits.
func countText(x float64) string {
	return calc.Show(x, calc.Dimensionless, nil, calc.FormatOptions{Digits: 6}).Text
}

// writeRunMarkdown writes the result as a Markdown section ready to paste
// into a design document: the title, source and summary, an inputs table,
// an outputs table (with the work in a column with Work), the latency and
// availability sections, and the conventions.
func writeRunMarkdown(w io.Writer, r *scenarios.Result, opts RunOptions) error {
	s := r.Scenario
	var b strings.Builder
	b.WriteString("# " + s.Title + "\n\n")
	b.WriteString("`" + s.Name + "`")
	if s.Source != "" {
		b.WriteString(" · " + s.Source)
	}
	b.WriteString("\n")
	if s.Summary != "" {
		b.WriteString("\n" + s.Summary + "\n")
	}
	sections := []mdSection{{"Inputs", inputsMarkdown(r)}, {"Outputs", outputsMarkdown(r, opts.Work)}}
	if r.Latency != nil {
		doc := newRunLatency(r.Latency, opts.Numbers)
		sections = append(sections, mdSection{"Latency (" + doc.Figures + " figures)", latencyMarkdown(doc)})
	}
	if r.Availability != nil {
		doc := newRunAvailability(r.Availability, opts.Numbers)
		t := Table{Headers: componentHeaders, Align: componentAlign, Rows: componentRows(doc), Footer: availabilityVerdict(doc)}
		sections = append(sections, mdSection{"Availability", t})
	}
	if g := opts.Growth; g != nil {
		sections = append(sections, mdSection{growthTitle(g), growthTable(r, g, opts.Numbers)})
	}
	for _, sec := range sections {
		b.WriteString("\n## " + sec.title + "\n\n")
		if err := sec.table.WriteMarkdown(&b); err != nil {
			return err
		}
	}
	b.WriteString("\n_Conventions: " + conventionsLine(r) + "._\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// mdSection is a titled table of the Markdown output.
type mdSection struct {
	title string
	table Table
}

func inputsMarkdown(r *scenarios.Result) Table {
	t := Table{Headers: []string{"Input", "Value", "Meaning"}, Align: []Alignment{AlignLeft, AlignRight, AlignLeft}}
	for _, in := range r.Inputs {
		help := in.Help
		if in.Changed {
			help = strings.TrimSpace(help + " (default " + in.Default.Text + ")")
		}
		t.Rows = append(t.Rows, []string{"`" + in.Name + "`", in.Value.Text, help})
	}
	return t
}

func outputsMarkdown(r *scenarios.Result, work bool) Table {
	t := Table{Headers: []string{"Output", "Value", "Meaning"}, Align: []Alignment{AlignLeft, AlignRight, AlignLeft}}
	if work {
		t.Headers = append(t.Headers, "Work")
	}
	for _, o := range r.Outputs {
		row := []string{"`" + o.Name + "`", o.Display.Text, o.Help}
		if work {
			row = append(row, "`"+o.Work+"`")
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// ListItem is one scenario as estimate list shows it.
type ListItem struct {
	Name, Title, Source, Summary string
	// Origin is where it comes from: "preset", "user" (the user's
	// scenario directory) or "file" (--file).
	Origin string
	// Path is the file it was read from; for a preset, presets/NAME.yaml.
	Path string
	// Overrides is set when a user's file takes the place of a preset.
	Overrides bool
}

// listJSON is one scenario in the JSON of estimate list.
type listJSON struct {
	Name      string `json:"name"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Summary   string `json:"summary"`
	Origin    string `json:"origin"`
	Overrides bool   `json:"overrides,omitempty"`
}

// WriteList writes the scenarios estimate knows, in the order given:
// {"scenarios": [{"name", "title", "source", "summary", "origin",
// "overrides"}]} in JSON, a table of name, title, source and origin
// otherwise, saying which user files override a preset.
func WriteList(w io.Writer, items []ListItem, f Format, st Styles) error {
	if f == FormatJSON {
		doc := struct {
			Scenarios []listJSON `json:"scenarios"`
		}{Scenarios: make([]listJSON, len(items))}
		for i, it := range items {
			doc.Scenarios[i] = listJSON{it.Name, it.Title, it.Source, it.Summary, it.Origin, it.Overrides}
		}
		return writeJSON(w, doc)
	}
	t := Table{Headers: []string{"Name", "Title", "Source", "From"}, Footer: []string{"Run one with: estimate run NAME"}}
	for _, it := range items {
		t.Rows = append(t.Rows, []string{it.Name, it.Title, it.Source, listOrigin(it)})
	}
	switch f {
	case FormatTable:
		return t.WriteText(w, st)
	case FormatMarkdown:
		return t.WriteMarkdown(w)
	case FormatCSV:
		return t.WriteCSV(w)
	}
	return fmt.Errorf("unknown output format %q: use %s", f, orList(formats))
}

// listOrigin says where a scenario comes from, and whether it overrides a
// preset of the same name.
func listOrigin(it ListItem) string {
	switch {
	case it.Origin == "preset":
		return "preset"
	case it.Overrides:
		return "overrides preset: " + it.Path
	}
	return it.Origin + ": " + it.Path
}
