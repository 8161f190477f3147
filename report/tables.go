package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/estimate-dev/estimate/calc"
)

// Format is an output format of the one-shot commands (-o).
type Format string

// The output formats.
const (
	FormatTable    Format = "table"
	FormatJSON     Format = "json"
	FormatCSV      Format = "csv"
	FormatMarkdown Format = "md"
)

// formats lists every format, in the order help text names them.
var formats = []Format{FormatTable, FormatJSON, FormatCSV, FormatMarkdown}

// formatAliases are further spellings ParseFormat accepts.
var formatAliases = map[string]Format{"text": FormatTable, "markdown": FormatMarkdown}

// Formats returns every output format, for help text and completion.
func Formats() []Format {
	return append([]Format(nil), formats...)
}

// ParseFormat reads an output format: "table" (or "text"), "json", "csv" or
// "md" (or "markdown"), in any case. With allowed formats given, any other
// is an error; with none, all are allowed. The error names the formats that
// are.
func ParseFormat(s string, allowed ...Format) (Format, error) {
	if len(allowed) == 0 {
		allowed = formats
	}
	name := strings.ToLower(strings.TrimSpace(s))
	f := Format(name)
	if alias, ok := formatAliases[name]; ok {
		f = alias
	}
	for _, a := range allowed {
		if f == a {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown output format %q: use %s", s, orList(allowed))
}

// orList writes formats as "table, json, csv or md".
func orList(fs []Format) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = string(f)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// Number is how JSON writes a number: its text for people and its value in
// base units (seconds, bytes, a fraction for a percentage) for scripts. Base
// is never rounded; only Text is.
type Number struct {
	Text string  `json:"text"`
	Base float64 `json:"base"`
}

// MarshalJSON writes {"text": …, "base": …} with the base as BaseText
// writes it.
func (n Number) MarshalJSON() ([]byte, error) {
	text, err := marshal(n.Text)
	if err != nil {
		return nil, err
	}
	if math.IsNaN(n.Base) || math.IsInf(n.Base, 0) {
		return nil, fmt.Errorf("base value %v of %q is not a finite number", n.Base, n.Text)
	}
	return []byte(`{"text":` + string(text) + `,"base":` + BaseText(n.Base) + `}`), nil
}

// BaseText writes a base value for JSON and CSV at full precision: a whole
// number below 1e21 in all its digits (2^60 is 1152921504606846976, not
// 1152921504606847000), any other number in the shortest form that reads
// back as the same float64, as encoding/json writes it.
func BaseText(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		return strconv.FormatFloat(f, 'f', 0, 64)
	}
	b, err := json.Marshal(f)
	if err != nil { // only NaN and ±Inf, which callers never pass
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return string(b)
}

// member is one key and value of an object whose keys keep their order.
type member struct {
	key   string
	value any
}

// object is a JSON object whose keys are written in the order given, so that
// documents read in the order the README documents them.
type object []member

// MarshalJSON writes the members in order.
func (o object) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.key)
		if err != nil {
			return nil, err
		}
		v, err := marshal(m.value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.key, err)
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// marshal encodes v as JSON without escaping <, > and &, which appear in
// citations and operation names.
func marshal(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

// labelled is a value that text and Markdown show one way and JSON and CSV
// another: the power 10 shown as "2^10", a row's source shown as a
// footnote mark "[1]".
type labelled struct {
	text string
	data any
}

// field is one column of a reference table, in every format.
type field struct {
	// key names the field in JSON and heads its CSV column.
	key string
	// header heads the column in text and Markdown; "" leaves the field
	// out of them (it is for scripts).
	header string
	// align is the column's alignment in text and Markdown.
	align Alignment
	// number says the values are Numbers: CSV writes them as two columns,
	// KEY (the text) and KEY_base (the base value).
	number bool
}

// refTable is a reference table ready to be written in every format. Each
// row holds one value per field: a string, an int, a Number or a labelled.
type refTable struct {
	name   string
	meta   object // top-level JSON members between "table" and "rows"
	fields []field
	rows   [][]any
	title  string
	footer []string
}

// write writes the table in the given format; st styles the text format.
func (r refTable) write(w io.Writer, f Format, st Styles) error {
	switch f {
	case FormatTable:
		return r.text().WriteText(w, st)
	case FormatMarkdown:
		return r.text().WriteMarkdown(w)
	case FormatJSON:
		return r.writeJSON(w)
	case FormatCSV:
		return r.writeCSV(w)
	}
	return fmt.Errorf("unknown output format %q: use %s", f, orList(formats))
}

// text is the table as people read it: the fields with a header, each value
// as text.
func (r refTable) text() Table {
	t := Table{Title: r.title, Footer: r.footer}
	var shown []int
	for i, f := range r.fields {
		if f.header != "" {
			shown = append(shown, i)
			t.Headers = append(t.Headers, f.header)
			t.Align = append(t.Align, f.align)
		}
	}
	for _, row := range r.rows {
		cells := make([]string, len(shown))
		for j, i := range shown {
			cells[j] = textOf(row[i])
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// textOf is how text and Markdown show a value.
func textOf(v any) string {
	switch v := v.(type) {
	case labelled:
		return v.text
	case Number:
		return v.Text
	}
	return fmt.Sprint(v)
}

// dataOf is how JSON and CSV carry a value.
func dataOf(v any) any {
	if l, ok := v.(labelled); ok {
		return l.data
	}
	return v
}

// writeJSON writes {"table": NAME, …meta, "rows": [ … ]}, indented.
func (r refTable) writeJSON(w io.Writer) error {
	rows := make([]object, len(r.rows))
	for i, row := range r.rows {
		obj := make(object, len(r.fields))
		for j, f := range r.fields {
			obj[j] = member{f.key, dataOf(row[j])}
		}
		rows[i] = obj
	}
	doc := append(object{{"table", r.name}}, r.meta...)
	doc = append(doc, member{"rows", rows})
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// writeCSV writes a header of field keys and one line per row. A Number
// takes two columns: KEY, its text, and KEY_base, its base value written as
// JSON writes it (full precision, no exponent below 1e21).
func (r refTable) writeCSV(w io.Writer) error {
	var header []string
	for _, f := range r.fields {
		header = append(header, f.key)
		if f.number {
			header = append(header, f.key+"_base")
		}
	}
	rows := make([][]string, len(r.rows))
	for i, row := range r.rows {
		for j, f := range r.fields {
			v := dataOf(row[j])
			n, isNumber := v.(Number)
			if !f.number || !isNumber {
				rows[i] = append(rows[i], fmt.Sprint(v))
				continue
			}
			rows[i] = append(rows[i], n.Text, BaseText(n.Base))
		}
	}
	return WriteCSV(w, header, rows)
}

// TableInfo names a reference table and says what it holds.
type TableInfo struct {
	Name    string
	Summary string
}

// referenceTables are the tables of chapter 2, in the order they are listed.
var referenceTables = []TableInfo{
	{"powers", "Powers of two from 2^10 to 2^60: names, exact bytes, and the gap to decimal units"},
	{"latency", "Latency numbers every programmer should know, scaled to human time"},
	{"availability", "Downtime per day, week, month, quarter and year for each number of nines"},
}

// ReferenceTables returns the reference tables' names and summaries.
func ReferenceTables() []TableInfo {
	return append([]TableInfo(nil), referenceTables...)
}

// WriteTableList writes the list of reference tables.
func WriteTableList(w io.Writer, f Format, st Styles) error {
	r := refTable{
		name:   "tables",
		fields: []field{{key: "name", header: "Table"}, {key: "summary", header: "What it holds"}},
		title:  "Reference tables (System Design Interview, vol. 1, ch. 2)",
		footer: []string{"Print one with: estimate tables NAME"},
	}
	for _, t := range referenceTables {
		r.rows = append(r.rows, []any{t.Name, t.Summary})
	}
	return r.write(w, f, st)
}

// digits is how many significant digits the tables show.
var digits = calc.FormatOptions{Digits: calc.DefaultDigits}

// seconds formats a time for people and for scripts. No time at all reads
// "0 s", not "0 ns".
func seconds(s float64) Number {
	if s == 0 {
		return Number{Text: "0 s"}
	}
	return Number{Text: calc.Show(s, calc.Seconds, nil, digits).Text, Base: s}
}

// percentUnit shows a fraction as a percentage.
var percentUnit = calc.Unit{Text: "%", Factor: 0.01}

// WritePowers writes the powers-of-two table, 2^10 to 2^60.
func WritePowers(w io.Writer, f Format, st Styles) error {
	r := refTable{
		name: "powers",
		fields: []field{
			{key: "power", header: "Power", align: AlignRight},
			{key: "approx", header: "Approximate value"},
			{key: "name", header: "Full name"},
			{key: "short", header: "Short name"},
			{key: "bytes", header: "Bytes", align: AlignRight, number: true},
			{key: "gap", header: "Decimal vs binary gap", align: AlignRight, number: true},
		},
		title: "Powers of two",
		footer: []string{
			"Gap: how far the decimal unit (10^3 bytes, 10^6 bytes, …) falls short of the power of two.",
			"The calculator reads KB, MB, GB as decimal units; write KiB, MiB, GiB for powers of two.",
		},
	}
	for _, p := range calc.PowersOfTwo() {
		r.rows = append(r.rows, []any{
			labelled{"2^" + strconv.Itoa(p.Power), p.Power},
			p.Approx, p.Name, p.Short,
			Number{Text: calc.GroupDigits(int64(p.Bytes)), Base: float64(p.Bytes)}, // 2^60 fits in an int64
			Number{Text: calc.Show(p.Gap, calc.Dimensionless, &percentUnit, digits).Text, Base: p.Gap},
		})
	}
	return r.write(w, f, st)
}

// HumanScale is the factor of the latency table's human-scale column: a
// nanosecond becomes a second.
const HumanScale = 1e9

// LatencyFigures returns the named latency set ("book" or "current"; empty
// means the book's), or an error naming the sets there are.
func LatencyFigures(name string) (calc.LatencySet, error) {
	if name == "" {
		name = calc.LatencyBook
	}
	var names []string
	for _, s := range calc.LatencySets() {
		if s.Name == name {
			return s, nil
		}
		names = append(names, s.Name)
	}
	if s := calc.Suggest(name, names); len(s) > 0 {
		return calc.LatencySet{}, fmt.Errorf("unknown latency figures %q: did you mean %q?", name, s[0])
	}
	return calc.LatencySet{}, fmt.Errorf("unknown latency figures %q: use %s", name, strings.Join(names, " or "))
}

// WriteLatency writes the named set of latency numbers ("book" or "current")
// with a column scaled to human time (×1 billion), the source's lessons and
// its citation. Text and Markdown mark each row's source with a footnote.
func WriteLatency(w io.Writer, f Format, st Styles, set string) error {
	s, err := LatencyFigures(set)
	if err != nil {
		return err
	}
	r := refTable{
		name: "latency",
		meta: object{{"figures", s.Name}, {"title", s.Title}, {"source", s.Source}, {"lessons", s.Lessons}},
		fields: []field{
			{key: "operation", header: "Operation"},
			{key: "latency", header: "Latency", align: AlignRight, number: true},
			{key: "human_scale", header: "Human scale", align: AlignRight, number: true},
			{key: "source", header: "Source"},
			{key: "year", header: "Year", align: AlignRight},
			{key: "key"},
		},
		title: s.Title,
	}
	var notes footnotes
	for _, row := range s.Rows {
		r.rows = append(r.rows, []any{
			row.Operation,
			seconds(row.Seconds),
			humanScale(row.Seconds),
			labelled{notes.mark(row.Source), row.Source},
			row.Year,
			row.Key,
		})
	}
	r.footer = latencyFooter(s, notes)
	return r.write(w, f, st)
}

// secondUnit shows a time in seconds.
var secondUnit = calc.Unit{Text: "s", Factor: 1, Dim: calc.Seconds}

// humanScale is a latency × 1 billion. Under a second it stays in seconds
// ("0.5 s", as the human-scale tables print it), since a person counts
// a heartbeat, not 500 ms.
func humanScale(latency float64) Number {
	s := latency * HumanScale
	if s >= 1 {
		return seconds(s)
	}
	return Number{Text: calc.Show(s, calc.Seconds, &secondUnit, digits).Text, Base: s}
}

// latencyFooter explains the human scale, then gives the lessons, the
// footnotes and the citation.
func latencyFooter(s calc.LatencySet, notes footnotes) []string {
	lines := []string{"Human scale: each latency × 1 billion, so that 1 ns reads as 1 s (a year is 365 days).", "", "Lessons:"}
	for _, l := range s.Lessons {
		lines = append(lines, "- "+l)
	}
	lines = append(lines, "")
	lines = append(lines, notes.lines()...)
	return append(lines, "Source: "+s.Source)
}

// footnotes numbers distinct texts in the order they first appear.
type footnotes struct{ texts []string }

// mark returns the footnote mark of text, "[1]", adding it if new.
func (n *footnotes) mark(text string) string {
	i := slices.Index(n.texts, text)
	if i < 0 {
		n.texts = append(n.texts, text)
		i = len(n.texts) - 1
	}
	return "[" + strconv.Itoa(i+1) + "]"
}

// lines writes the footnotes, one a line: "[1] text".
func (n footnotes) lines() []string {
	out := make([]string, len(n.texts))
	for i, t := range n.texts {
		out[i] = "[" + strconv.Itoa(i+1) + "] " + t
	}
	return out
}

// availabilityFields are the columns of the availability table: the
// availability, then the downtime it allows in each period.
func availabilityFields() []field {
	fs := []field{{key: "availability", header: "Availability", number: true}}
	for _, p := range calc.AvailabilityPeriods() {
		fs = append(fs, field{key: "per_" + p.Name, header: "per " + p.Name, align: AlignRight, number: true})
	}
	return fs
}

// availabilityCells are an availability's cells: itself, then its downtime
// in each period.
func availabilityCells(a float64) ([]any, error) {
	cells := []any{Number{Text: AvailabilityText(a), Base: a}}
	for _, p := range calc.AvailabilityPeriods() {
		d, err := calc.Downtime(a, p.Seconds)
		if err != nil {
			return nil, err
		}
		cells = append(cells, seconds(d))
	}
	return cells, nil
}

// days writes a length of time in days, exactly: "30.4375 days".
func days(s float64) string {
	return strconv.FormatFloat(s/calc.AvailabilityDay, 'f', -1, 64) + " days"
}

// availabilityMeta says, in JSON, which calendar the table uses.
func availabilityMeta() object {
	return object{{"conventions", object{
		{"month", days(calc.AvailabilityMonth)},
		{"quarter", days(calc.AvailabilityQuarter)},
		{"year", days(calc.AvailabilityYear)},
	}}}
}

// availabilityCalendar is the footer that gives the table's calendar.
func availabilityCalendar() []string {
	return []string{
		"year = 365.25 days, as in the book's table.",
		"month = " + days(calc.AvailabilityMonth) + " (a twelfth of the year), quarter = " + days(calc.AvailabilityQuarter) + " (a fourth).",
	}
}

// NinesWith returns the book's availabilities (99% … 99.9999%) with the
// extra ones added, in increasing order and without duplicates.
func NinesWith(extra ...float64) []float64 {
	all := append(calc.StandardNines(), extra...)
	slices.Sort(all)
	return slices.Compact(all)
}

// WriteAvailability writes the downtime each availability (a fraction, such
// as 0.999) allows per day, week, month, quarter and year, in the order
// given; with none it writes the book's nines.
func WriteAvailability(w io.Writer, f Format, st Styles, availabilities []float64) error {
	if len(availabilities) == 0 {
		availabilities = calc.StandardNines()
	}
	r := refTable{
		name:   "availability",
		meta:   availabilityMeta(),
		fields: availabilityFields(),
		title:  "Availability and the downtime it allows",
		footer: availabilityCalendar(),
	}
	for _, a := range availabilities {
		cells, err := availabilityCells(a)
		if err != nil {
			return err
		}
		r.rows = append(r.rows, cells)
	}
	return r.write(w, f, st)
}

// AvailabilityText writes an availability (a fraction) as a percentage.
// A figure a person wrote, up to six decimals of a percent, is shown
// exactly ("99.95%", "99.9999%"); a computed one ("1 h/year" gives
// 0.99988592…) is shown as results show availabilities, its leading nines
// and then three significant digits ("99.9886%"), which never rounds it up
// to 100%.
func AvailabilityText(a float64) string {
	if s, ok := exactPercent(a); ok {
		return s + "%"
	}
	return calc.ShowAvailability(a, calc.FormatOptions{})
}

// maxPercentDecimals bounds the decimals exactPercent writes.
const maxPercentDecimals = 6

// exactPercent writes a×100 from the shortest decimal that reads back as a,
// moving the decimal point rather than multiplying (0.999 × 100 is not
// exactly 99.9 in binary). It reports false past maxPercentDecimals.
func exactPercent(a float64) (string, bool) {
	if a == 0 {
		return "0", true
	}
	mant, exp, _ := strings.Cut(strconv.FormatFloat(a, 'e', -1, 64), "e")
	digs := strings.Replace(mant, ".", "", 1)
	e, err := strconv.Atoi(exp)
	if err != nil || a < 0 {
		return "", false
	}
	point := 1 + e + 2 // digits before the point, once scaled to a percentage
	if len(digs)-point > maxPercentDecimals {
		return "", false
	}
	switch {
	case point <= 0:
		return "0." + strings.Repeat("0", -point) + digs, true
	case point >= len(digs):
		return digs + strings.Repeat("0", point-len(digs)), true
	}
	return digs[:point] + "." + digs[point:], true
}

// Downtime is an amount of downtime over one of the availability table's
// periods: "5 min per month".
type Downtime struct {
	// Seconds is how long the service may be down in each period.
	Seconds float64
	// Period is the period, as in the availability table: a month there is
	// a twelfth of 365.25 days, not the calculator's 30 days.
	Period calc.Period
}

// String writes the downtime as "5 min per month".
func (d Downtime) String() string {
	return seconds(d.Seconds).Text + " per " + d.Period.Name
}

// ParseDowntime reads a downtime over a period, such as "5 min/month",
// "1 h/year" or "52.6 min per year". The amount is a calc expression of
// time (so "5m" is refused as ambiguous, as calc refuses it: write "5 min");
// the period is day, week, month, quarter or year (or their plurals), with
// the lengths of the availability table. The error says what is wrong.
func ParseDowntime(s string) (Downtime, error) {
	amount, period, ok := cutPeriod(s)
	if !ok {
		return Downtime{}, fmt.Errorf("downtime %q has no period: write it as an amount per day, week, month, quarter or year, such as 5 min/month", s)
	}
	p, err := lookupPeriod(period)
	if err != nil {
		return Downtime{}, fmt.Errorf("downtime %q: %w", s, err)
	}
	secs, err := timeAmount(amount)
	if err != nil {
		return Downtime{}, fmt.Errorf("downtime %q: %w", s, err)
	}
	if secs > p.Seconds {
		return Downtime{}, fmt.Errorf("downtime %q is longer than a %s (%s)", s, p.Name, seconds(p.Seconds).Text)
	}
	return Downtime{Seconds: secs, Period: p}, nil
}

// cutPeriod splits "5 min/month" or "5 min per month" into the amount and
// the period's name.
func cutPeriod(s string) (amount, period string, ok bool) {
	if i := strings.LastIndex(strings.ToLower(s), " per "); i >= 0 {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(" per "):]), true
	}
	if i := strings.LastIndex(s, "/"); i >= 0 {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:]), true
	}
	return "", "", false
}

// lookupPeriod finds an availability period by name, singular or plural.
func lookupPeriod(name string) (calc.Period, error) {
	name = strings.ToLower(name)
	var names []string
	for _, p := range calc.AvailabilityPeriods() {
		if name == p.Name || name == p.Name+"s" {
			return p, nil
		}
		names = append(names, p.Name)
	}
	msg := fmt.Sprintf("unknown period %q: use day, week, month, quarter or year", name)
	if s := calc.Suggest(name, names); len(s) > 0 {
		msg += fmt.Sprintf(" (did you mean %q?)", s[0])
	}
	return calc.Period{}, errors.New(msg)
}

// timeAmount evaluates the amount of a downtime: a calc expression of time,
// zero or more.
func timeAmount(src string) (float64, error) {
	if src == "" {
		return 0, errors.New("no amount of time before the period, such as 5 min")
	}
	r, err := calc.Evaluate(src)
	var ce *calc.Error
	if errors.As(err, &ce) {
		if ce.Hint != "" {
			return 0, fmt.Errorf("%s: %s", ce.Msg, ce.Hint)
		}
		return 0, errors.New(ce.Msg)
	}
	switch {
	case err != nil:
		return 0, err
	case r.Dim != calc.Seconds:
		return 0, fmt.Errorf("%q is %s, not a length of time such as 5 min", src, r.Dim.Words())
	case r.Base < 0:
		return 0, fmt.Errorf("%q is negative", src)
	}
	return r.Base, nil
}

// WriteAvailabilityForDowntime writes the reverse of the availability
// table: for each downtime, the availability it implies over its period
// (1 − downtime/period, with the table's month of 30.4375 days), and the
// downtime that availability allows in every period.
func WriteAvailabilityForDowntime(w io.Writer, f Format, st Styles, downtimes []Downtime) error {
	r := refTable{
		name: "availability",
		meta: availabilityMeta(),
		fields: append([]field{
			{key: "downtime", header: "Downtime", number: true},
			{key: "period"},
		}, availabilityFields()...),
		title: "Availability implied by a downtime",
		footer: append(availabilityCalendar(),
			"availability = 1 − downtime ÷ period, with the periods above.",
			"This month is the nines table's, not the calculator's 30 days, so the two tables agree."),
	}
	for _, d := range downtimes {
		a, err := calc.AvailabilityForDowntime(d.Seconds, d.Period.Seconds)
		if err != nil {
			return err
		}
		cells, err := availabilityCells(a)
		if err != nil {
			return err
		}
		r.rows = append(r.rows, append([]any{labelled{d.String(), seconds(d.Seconds)}, d.Period.Name}, cells...))
	}
	return r.write(w, f, st)
}
