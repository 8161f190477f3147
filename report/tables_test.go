package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/estimate-dev/estimate/calc"
)

// refWriter is any of the reference-table writers, bound to its arguments.
type refWriter func(w io.Writer, f Format, st Styles) error

// referenceWriters are every reference table as the golden tests render it.
var referenceWriters = []struct {
	name  string
	write refWriter
}{
	{"list", WriteTableList},
	{"powers", WritePowers},
	{"latency_book", func(w io.Writer, f Format, st Styles) error { return WriteLatency(w, f, st, calc.LatencyBook) }},
	{"latency_current", func(w io.Writer, f Format, st Styles) error { return WriteLatency(w, f, st, calc.LatencyCurrent) }},
	{"availability", func(w io.Writer, f Format, st Styles) error {
		return WriteAvailability(w, f, st, NinesWith(0.9995, 0.99995))
	}},
	{"downtime", func(w io.Writer, f Format, st Styles) error {
		return WriteAvailabilityForDowntime(w, f, st, mustDowntimes("5 min/month", "1 h/year", "52.6 min per year", "0 s/day"))
	}},
}

func mustDowntimes(texts ...string) []Downtime {
	var ds []Downtime
	for _, t := range texts {
		d, err := ParseDowntime(t)
		if err != nil {
			panic(err)
		}
		ds = append(ds, d)
	}
	return ds
}

// renderRef writes a table in a format with plain styles.
func renderRef(t *testing.T, write refWriter, f Format) string {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b, f, NewStyles(false)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestGolden renders every reference table in every format; regenerate
// with go test ./report -update.
func TestGolden(t *testing.T) {
	for _, rw := range referenceWriters {
		for _, f := range Formats() {
			t.Run(rw.name+"/"+string(f), func(t *testing.T) {
				golden.RequireEqual(t, renderRef(t, rw.write, f))
			})
		}
	}
}

// TestPlainText checks that plain text has no escape sequences and no
// trailing spaces, and ends with a newline.
func TestPlainText(t *testing.T) {
	for _, rw := range referenceWriters {
		for _, f := range []Format{FormatTable, FormatMarkdown} {
			out := renderRef(t, rw.write, f)
			if strings.Contains(out, "\x1b") {
				t.Errorf("%s -o %s: escape sequence in plain output", rw.name, f)
			}
			for i, line := range strings.Split(out, "\n") {
				if strings.TrimRight(line, " \t") != line {
					t.Errorf("%s -o %s: line %d has trailing space: %q", rw.name, f, i+1, line)
				}
			}
			if !strings.HasSuffix(out, "\n") {
				t.Errorf("%s -o %s: no final newline", rw.name, f)
			}
		}
	}
}

func TestColorStyles(t *testing.T) {
	var b bytes.Buffer
	tbl := Table{Title: "T", Headers: []string{"name", "n"}, Align: []Alignment{AlignLeft, AlignRight}, Rows: [][]string{{"a", "1"}}, Footer: []string{"note"}}
	if err := tbl.WriteText(&b, NewStyles(true)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\x1b[") {
		t.Errorf("coloured styles wrote no escape sequence:\n%q", b.String())
	}
}

func TestColorEnabled(t *testing.T) {
	if ColorEnabled(&bytes.Buffer{}) {
		t.Error("ColorEnabled(buffer) = true")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if ColorEnabled(w) {
		t.Error("ColorEnabled(pipe) = true")
	}
	t.Setenv("NO_COLOR", "1")
	if ColorEnabled(os.Stdout) {
		t.Error("ColorEnabled with NO_COLOR set = true")
	}
}

func TestTableWriteText(t *testing.T) {
	tbl := Table{
		Headers: []string{"Name", "Value", "Note"},
		Align:   []Alignment{AlignLeft, AlignRight},
		Rows:    [][]string{{"µs wide", "1"}, {"b", "1,000", "long note"}, {"c"}},
	}
	var b bytes.Buffer
	if err := tbl.WriteText(&b, NewStyles(false)); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"Name     Value  Note\n" +
		"µs wide      1\n" +
		"b        1,000  long note\n" +
		"c\n"
	if b.String() != want {
		t.Errorf("WriteText:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestTableWithoutHeaders(t *testing.T) {
	var b bytes.Buffer
	tbl := Table{Rows: [][]string{{"a", "b"}, {"ccc", "d"}}, Footer: []string{"x", "", "y"}}
	if err := tbl.WriteText(&b, NewStyles(false)); err != nil {
		t.Fatal(err)
	}
	want := "a    b\nccc  d\n\nx\n\ny\n"
	if b.String() != want {
		t.Errorf("WriteText:\n%q\nwant:\n%q", b.String(), want)
	}
}

func TestTableWriteMarkdown(t *testing.T) {
	tbl := Table{
		Title:   "Pipes",
		Headers: []string{"Expr", "n"},
		Align:   []Alignment{AlignLeft, AlignRight},
		Rows:    [][]string{{"a | b", "1"}, {"two\nlines", "22"}},
		Footer:  []string{"Notes:", "- one", "- two", "end"},
	}
	var b bytes.Buffer
	if err := tbl.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	want := "**Pipes**\n\n" +
		"| Expr      |   n |\n" +
		"| --------- | --: |\n" +
		"| a \\| b    |   1 |\n" +
		"| two lines |  22 |\n" +
		"\nNotes:\n\n- one\n- two\n\nend\n"
	if b.String() != want {
		t.Errorf("WriteMarkdown:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestTableWriteCSV(t *testing.T) {
	tbl := Table{Headers: []string{"a", "b"}, Rows: [][]string{{"1,000", `say "hi"`}}}
	var b bytes.Buffer
	if err := tbl.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	want := "a,b\n\"1,000\",\"say \"\"hi\"\"\"\n"
	if b.String() != want {
		t.Errorf("WriteCSV = %q, want %q", b.String(), want)
	}
}

func TestParseFormat(t *testing.T) {
	ok := map[string]Format{
		"table": FormatTable, "text": FormatTable, "TABLE": FormatTable, " json ": FormatJSON,
		"csv": FormatCSV, "md": FormatMarkdown, "markdown": FormatMarkdown,
	}
	for in, want := range ok {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "xml", "yaml", "tabl"} {
		if _, err := ParseFormat(in); err == nil || !strings.Contains(err.Error(), "table, json, csv or md") {
			t.Errorf("ParseFormat(%q): error %v, want one naming the formats", in, err)
		}
	}
	if _, err := ParseFormat("csv", FormatTable, FormatJSON); err == nil || !strings.Contains(err.Error(), "table or json") {
		t.Errorf("ParseFormat(csv, table, json): error %v, want one naming table or json", err)
	}
}

func TestAvailabilityText(t *testing.T) {
	cases := []struct {
		a    float64
		want string
	}{
		{0.99, "99%"}, {0.999, "99.9%"}, {0.9995, "99.95%"}, {0.99995, "99.995%"}, {0.999999, "99.9999%"},
		{1, "100%"}, {0, "0%"}, {0.5, "50%"}, {0.00001, "0.001%"},
		{1 - 300/calc.AvailabilityMonth, "99.9886%"},
		{1 - 1e-12, "99.9999999999%"},
		// 99.99999999999999 has more decimals than a person is taken to
		// have written, and 'f' formatting of 100 − 1.1e-14 used to print
		// its binary noise, "99.9999999999999858%"; sixteen significant
		// digits are all a float64 this close to 1 holds.
		{0.9999999999999999, "99.99999999999999%"},
	}
	for _, c := range cases {
		if got := AvailabilityText(c.a); got != c.want {
			t.Errorf("AvailabilityText(%v) = %q, want %q", c.a, got, c.want)
		}
	}
	for _, s := range []string{"99.9", "99.95", "99.995", "12.345678", "0.000001"} {
		a, err := calc.ParseAvailability(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := AvailabilityText(a); got != s+"%" {
			t.Errorf("AvailabilityText(ParseAvailability(%q)) = %q", s, got)
		}
	}
}

func TestNinesWith(t *testing.T) {
	got := NinesWith(0.9995, 0.999, 0.5)
	want := []float64{0.5, 0.99, 0.999, 0.9995, 0.9999, 0.99999, 0.999999}
	if len(got) != len(want) {
		t.Fatalf("NinesWith = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("NinesWith = %v, want %v", got, want)
		}
	}
}

func TestParseDowntime(t *testing.T) {
	good := []struct {
		in      string
		seconds float64
		period  string
	}{
		{"5 min/month", 300, "month"},
		{"5min/month", 300, "month"},
		{"1 h / year", 3600, "year"},
		{"52.6 min per year", 52.6 * 60, "year"},
		{"1 s/days", 1, "day"},
		{"10 min/Quarter", 600, "quarter"},
		{"0 s/week", 0, "week"},
		{"1 day/day", 86400, "day"},
	}
	for _, c := range good {
		d, err := ParseDowntime(c.in)
		if err != nil {
			t.Errorf("ParseDowntime(%q): %v", c.in, err)
			continue
		}
		if math.Abs(d.Seconds-c.seconds) > 1e-9 || d.Period.Name != c.period {
			t.Errorf("ParseDowntime(%q) = %v s per %s, want %v s per %s", c.in, d.Seconds, d.Period.Name, c.seconds, c.period)
		}
	}
	bad := []struct{ in, want string }{
		{"5m/month", `"m" is ambiguous`},
		{"5 min", "has no period"},
		{"/month", "no amount"},
		{"5 min/fortnight", "unknown period"},
		{"5 min/mnth", `did you mean "month"`},
		{"5/month", "not a length of time"},
		{"5 MB/month", "information"},
		{"-5 min/month", "negative"},
		{"40 days/month", "longer than a month"},
	}
	for _, c := range bad {
		_, err := ParseDowntime(c.in)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseDowntime(%q): error %v, want one containing %q", c.in, err, c.want)
		}
	}
}

// TestDowntimeUsesTableMonth checks that --downtime's month is the nines
// table's (a twelfth of 365.25 days), not the calculator's 30 days.
func TestDowntimeUsesTableMonth(t *testing.T) {
	var b bytes.Buffer
	if err := WriteAvailabilityForDowntime(&b, FormatJSON, NewStyles(false), mustDowntimes("43.83 min/month")); err != nil {
		t.Fatal(err)
	}
	var doc jsonTable
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	a := doc.Rows[0]["availability"].(map[string]any)
	if got, want := a["base"].(float64), 1-43.83*60/calc.AvailabilityMonth; got != want {
		t.Errorf("availability base = %v, want %v", got, want)
	}
	if a["text"] != "99.9%" {
		t.Errorf("availability text = %v, want 99.9%%", a["text"])
	}
}

// jsonTable is the documented shape of tables -o json.
type jsonTable struct {
	Table string           `json:"table"`
	Rows  []map[string]any `json:"rows"`
}

// TestJSONShape decodes each table's JSON and checks its fields: numbers
// are objects with text and base, the rest are strings or whole numbers.
func TestJSONShape(t *testing.T) {
	cases := []struct {
		write   refWriter
		table   string
		rows    int
		numbers []string
		strs    []string
		ints    []string
	}{
		{WritePowers, "powers", 6, []string{"bytes", "gap"}, []string{"approx", "name", "short"}, []string{"power"}},
		{referenceWriters[2].write, "latency", 13, []string{"latency", "human_scale"}, []string{"operation", "source", "key"}, []string{"year"}},
		{referenceWriters[4].write, "availability", 7, []string{"availability", "per_day", "per_week", "per_month", "per_quarter", "per_year"}, nil, nil},
		{referenceWriters[5].write, "availability", 4, []string{"downtime", "availability", "per_day", "per_year"}, []string{"period"}, nil},
	}
	for _, c := range cases {
		var doc jsonTable
		if err := json.Unmarshal([]byte(renderRef(t, c.write, FormatJSON)), &doc); err != nil {
			t.Fatalf("%s: %v", c.table, err)
		}
		if doc.Table != c.table || len(doc.Rows) != c.rows {
			t.Errorf("table %q with %d rows, want %q with %d", doc.Table, len(doc.Rows), c.table, c.rows)
		}
		for i, row := range doc.Rows {
			for _, k := range c.numbers {
				n, ok := row[k].(map[string]any)
				_, hasText := n["text"].(string)
				_, hasBase := n["base"].(float64)
				if !ok || !hasText || !hasBase || len(n) != 2 {
					t.Errorf("%s row %d: %s = %v, want {text, base}", c.table, i, k, row[k])
				}
			}
			for _, k := range c.strs {
				if _, ok := row[k].(string); !ok {
					t.Errorf("%s row %d: %s = %v, want a string", c.table, i, k, row[k])
				}
			}
			for _, k := range c.ints {
				if f, ok := row[k].(float64); !ok || f != math.Trunc(f) {
					t.Errorf("%s row %d: %s = %v, want a whole number", c.table, i, k, row[k])
				}
			}
		}
	}
}

// TestJSONValues spot-checks values against the book's figures.
func TestJSONValues(t *testing.T) {
	var powers, latency, avail jsonTable
	for _, d := range []struct {
		w   refWriter
		doc *jsonTable
	}{{WritePowers, &powers}, {referenceWriters[2].write, &latency}, {referenceWriters[4].write, &avail}} {
		if err := json.Unmarshal([]byte(renderRef(t, d.w, FormatJSON)), d.doc); err != nil {
			t.Fatal(err)
		}
	}
	check := func(what string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	num := func(row map[string]any, k string) map[string]any { return row[k].(map[string]any) }
	check("powers[0].power", powers.Rows[0]["power"], 10.0)
	check("powers[0].bytes.base", num(powers.Rows[0], "bytes")["base"], 1024.0)
	check("powers[5].bytes.text", num(powers.Rows[5], "bytes")["text"], "1,152,921,504,606,846,976")
	check("latency[0].latency.text", num(latency.Rows[0], "latency")["text"], "0.5 ns")
	check("latency[0].human_scale.text", num(latency.Rows[0], "human_scale")["text"], "0.5 s")
	check("latency[12].latency.base", num(latency.Rows[12], "latency")["base"], 0.15)
	check("latency[12].human_scale.text", num(latency.Rows[12], "human_scale")["text"], "4.76 years")
	check("latency[0].year", latency.Rows[0]["year"], 2010.0)
	check("availability[1].availability.text", num(avail.Rows[1], "availability")["text"], "99.9%")
	check("availability[1].per_year.text", num(avail.Rows[1], "per_year")["text"], "8.77 h")
	check("availability[0].per_day.text", num(avail.Rows[0], "per_day")["text"], "14.4 min")
	check("availability[2].availability.text", num(avail.Rows[2], "availability")["text"], "99.95%")
}

// TestCSV checks that each number is two columns, text and base.
func TestCSV(t *testing.T) {
	out := renderRef(t, referenceWriters[4].write, FormatCSV)
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := "availability,availability_base,per_day,per_day_base,per_week,per_week_base,per_month,per_month_base,per_quarter,per_quarter_base,per_year,per_year_base"
	if got := strings.Join(recs[0], ","); got != wantHeader {
		t.Errorf("header = %s, want %s", got, wantHeader)
	}
	if got := strings.Join(recs[2][:2], ","); got != "99.9%,0.999" {
		t.Errorf("99.9%% row starts %s", got)
	}
	if len(recs) != 8 {
		t.Errorf("%d records, want a header and 7 rows", len(recs))
	}
}

func TestBaseText(t *testing.T) {
	cases := map[float64]string{
		1024: "1024", 1 << 60: "1152921504606846976", 0.5: "0.5", 5e-10: "5e-10", 0: "0", 1e21: "1e+21", -3: "-3",
	}
	for f, want := range cases {
		if got := BaseText(f); got != want {
			t.Errorf("BaseText(%v) = %s, want %s", f, got, want)
		}
	}
}

func TestUnknownLatencyFigures(t *testing.T) {
	err := WriteLatency(io.Discard, FormatTable, NewStyles(false), "curent")
	if err == nil || !strings.Contains(err.Error(), `did you mean "current"`) {
		t.Errorf("WriteLatency(curent): %v", err)
	}
}

func TestWriteAvailabilityRejectsBadFraction(t *testing.T) {
	if err := WriteAvailability(io.Discard, FormatTable, NewStyles(false), []float64{1.5}); err == nil {
		t.Error("WriteAvailability(1.5): no error")
	}
}
