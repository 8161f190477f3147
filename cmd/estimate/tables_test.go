package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/estimate-dev/estimate/calc"
)

func TestTablesExitStatus(t *testing.T) {
	cases := []struct {
		args   []string
		code   int
		stdout string // a part of stdout, when the command succeeds
		stderr string // a part of stderr, when it fails
	}{
		{[]string{"tables"}, 0, "availability", ""},
		{[]string{"tables", "powers"}, 0, "1,152,921,504,606,846,976", ""},
		{[]string{"tables", "latency"}, 0, "4.76 years", ""},
		{[]string{"tables", "latency", "--figures", "current"}, 0, "napkin-math", ""},
		{[]string{"tables", "availability"}, 0, "8.77 h", ""},
		{[]string{"tables", "availability", "99.95", "99.995%"}, 0, "99.995%", ""},
		{[]string{"tables", "availability", "--downtime", "5 min/month"}, 0, "99.9886%", ""},
		{[]string{"tables", "-o", "md", "powers"}, 0, "| ----: |", ""},
		{[]string{"tables", "powers", "-o", "text"}, 0, "Power", ""},
		{[]string{"tables", "--help"}, 0, "availability", ""},

		// Bad values: exit status 1, the value named.
		{[]string{"tables", "availability", "100.5"}, 1, "", "100.5% is above 100%"},
		{[]string{"tables", "availability", "-1"}, 1, "", "-1% is below 0%"},
		{[]string{"tables", "availability", "99.9", "-0.5"}, 1, "", "-0.5% is below 0%"},
		{[]string{"tables", "availability", "abc"}, 1, "", `"abc" is not a percentage`},
		{[]string{"tables", "availability", "--", "-1"}, 1, "", "below 0%"},
		{[]string{"tables", "availability", "--downtime", "5m/month"}, 1, "", `"m" is ambiguous`},
		{[]string{"tables", "availability", "--downtime", "5 min"}, 1, "", "has no period"},
		{[]string{"tables", "availability", "--downtime", "40 days/month"}, 1, "", "longer than a month"},

		// Bad command lines: exit status 2.
		{[]string{"tables", "powrs"}, 2, "", `did you mean "powers"`},
		{[]string{"tables", "latncy"}, 2, "", `did you mean "latency"`},
		{[]string{"tables", "nines"}, 2, "", "use powers, latency or availability"},
		{[]string{"tables", "powers", "-o", "xml"}, 2, "", "table, json, csv or md"},
		{[]string{"tables", "latency", "--figures", "curent"}, 2, "", `did you mean "current"`},
		{[]string{"tables", "latency", "extra"}, 2, "", ""},
		{[]string{"tables", "availability", "99.9", "--downtime", "1 h/year"}, 2, "", "not both"},
		{[]string{"tables", "availability", "-x"}, 2, "", "unknown shorthand flag"},
		{[]string{"tables", "powers", "--downtime", "1 h/year"}, 2, "", "unknown flag"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			code, out, errOut := runCLI(t, c.args...)
			if code != c.code {
				t.Fatalf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", code, c.code, out, errOut)
			}
			if !strings.Contains(out, c.stdout) {
				t.Errorf("stdout lacks %q:\n%s", c.stdout, out)
			}
			if !strings.Contains(errOut, c.stderr) {
				t.Errorf("stderr lacks %q:\n%s", c.stderr, errOut)
			}
			if c.code != 0 && out != "" {
				t.Errorf("a failure wrote to stdout:\n%s", out)
			}
		})
	}
}

// TestTablesPlainWhenNotATerminal checks that output to a pipe or file
// carries no escape sequences, in every table and format.
func TestTablesPlainWhenNotATerminal(t *testing.T) {
	for _, table := range []string{"powers", "latency", "availability"} {
		for _, format := range []string{"table", "json", "csv", "md"} {
			code, out, _ := runCLI(t, "tables", table, "-o", format)
			if code != 0 {
				t.Fatalf("tables %s -o %s: exit status %d", table, format, code)
			}
			if strings.Contains(out, "\x1b") {
				t.Errorf("tables %s -o %s: escape sequence in output", table, format)
			}
		}
	}
}

// tablesJSON is the documented shape of tables -o json.
type tablesJSON struct {
	Table string `json:"table"`
	Rows  []map[string]json.RawMessage
}

// tablesNumber is a number in JSON: text and base.
type tablesNumber struct {
	Text string   `json:"text"`
	Base *float64 `json:"base"`
}

func decodeTables(t *testing.T, args ...string) tablesJSON {
	t.Helper()
	code, out, errOut := runCLI(t, append(args, "-o", "json")...)
	if code != 0 {
		t.Fatalf("%v: exit status %d: %s", args, code, errOut)
	}
	var doc tablesJSON
	dec := json.NewDecoder(strings.NewReader(out))
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	return doc
}

func tablesNum(t *testing.T, row map[string]json.RawMessage, key string) tablesNumber {
	t.Helper()
	var n tablesNumber
	if err := json.Unmarshal(row[key], &n); err != nil || n.Text == "" || n.Base == nil {
		t.Fatalf("%s = %s: want {\"text\", \"base\"} (%v)", key, row[key], err)
	}
	return n
}

func TestTablesJSON(t *testing.T) {
	t.Run("availability", func(t *testing.T) {
		doc := decodeTables(t, "tables", "availability", "99.95")
		if doc.Table != "availability" || len(doc.Rows) != 6 {
			t.Fatalf("table %q with %d rows, want availability with 6", doc.Table, len(doc.Rows))
		}
		row := doc.Rows[2]
		if a := tablesNum(t, row, "availability"); a.Text != "99.95%" || *a.Base != 0.9995 {
			t.Errorf("availability = %+v", a)
		}
		for _, k := range []string{"per_day", "per_week", "per_month", "per_quarter", "per_year"} {
			tablesNum(t, row, k)
		}
		a := 0.9995 // a variable, so that 1 − a is float64 arithmetic, not exact
		if y := tablesNum(t, row, "per_year"); y.Text != "4.38 h" || *y.Base != (1-a)*calc.AvailabilityYear {
			t.Errorf("per_year = %+v", y)
		}
	})
	t.Run("latency", func(t *testing.T) {
		doc := decodeTables(t, "tables", "latency")
		if doc.Table != "latency" || len(doc.Rows) != 13 {
			t.Fatalf("table %q with %d rows, want latency with 13", doc.Table, len(doc.Rows))
		}
		row := doc.Rows[0]
		var op, source string
		var year int
		for k, v := range map[string]any{"operation": &op, "source": &source, "year": &year} {
			if err := json.Unmarshal(row[k], v); err != nil {
				t.Errorf("%s = %s: %v", k, row[k], err)
			}
		}
		if op != "L1 cache reference" || year != 2010 || !strings.Contains(source, "Jeff Dean") {
			t.Errorf("first row: %q, %q, %d", op, source, year)
		}
		if l := tablesNum(t, row, "latency"); *l.Base != 0.5e-9 || l.Text != "0.5 ns" {
			t.Errorf("latency = %+v", l)
		}
	})
	t.Run("powers", func(t *testing.T) {
		doc := decodeTables(t, "tables", "powers")
		if doc.Table != "powers" || len(doc.Rows) != 6 {
			t.Fatalf("table %q with %d rows, want powers with 6", doc.Table, len(doc.Rows))
		}
		var power int
		if err := json.Unmarshal(doc.Rows[0]["power"], &power); err != nil || power != 10 {
			t.Errorf("power = %s", doc.Rows[0]["power"])
		}
		for _, k := range []string{"approx", "name", "short"} {
			var s string
			if err := json.Unmarshal(doc.Rows[0][k], &s); err != nil || s == "" {
				t.Errorf("%s = %s", k, doc.Rows[0][k])
			}
		}
		if b := tablesNum(t, doc.Rows[0], "bytes"); *b.Base != 1024 {
			t.Errorf("bytes = %+v", b)
		}
	})
	t.Run("downtime", func(t *testing.T) {
		doc := decodeTables(t, "tables", "availability", "--downtime", "5 min/month", "--downtime", "1 h/year")
		if len(doc.Rows) != 2 {
			t.Fatalf("%d rows, want 2", len(doc.Rows))
		}
		a := tablesNum(t, doc.Rows[0], "availability")
		if want := 1 - 300/calc.AvailabilityMonth; *a.Base != want || a.Text != "99.9886%" {
			t.Errorf("availability = %+v, want base %v (the table's month, not 30 days)", a, want)
		}
		if d := tablesNum(t, doc.Rows[1], "downtime"); *d.Base != 3600 {
			t.Errorf("downtime = %+v", d)
		}
	})
}

func TestTablesCompletion(t *testing.T) {
	checkCompletions(t, []completionCase{
		{[]string{"tables", ""}, []string{"powers", "latency", "availability"}},
		{[]string{"tables", "powers", "-o", ""}, []string{"table", "json", "csv", "md"}},
		{[]string{"tables", "latency", "--figures", ""}, []string{"book", "current"}},
	})
}
