package calc

import (
	"bufio"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestMustRead is DESIGN.md's acceptance table for the calculator, row by
// row: the text a person reads and, where it matters, the exact base value.
func TestMustRead(t *testing.T) {
	tests := []struct {
		in   string
		text string
		base float64 // in base units; 0 means not checked
	}{
		// 300M × 0.5 × 2 / 86,400 s = 3,472.2222… per second.
		{"300M * 50% * 2 / day to 1/s", "3,472 /s", 300e6 * 0.5 * 2 / 86400},
		// 5M × 0.1 × 300e6 bytes = 1.5e14 bytes a day = 150 TB/day.
		{"5M * 10% * 300 MB / day to TB/day", "150 TB/day", 1.5e14 / 86400},
		// 1e9 × 5e5 bytes = 5e14 bytes a 30-day month = 500 TB/month.
		{"1B * 500 kB / month to TB/month", "500 TB/month", 5e14 / (30 * 86400)},
		// 1.5e14 bytes × 8 bits / 86,400 s = 1.389e10 bit/s = 13.9 Gbps.
		{"150 TB/day to Gbps", "13.9 Gbps", 1.5e14 / 86400},
		// 2^41 ms = 2,199,023,255.552 s; / 31,536,000 s = 69.73 years.
		{"2^41 ms to years", "69.7 years", math.Pow(2, 41) / 1000},
		// log62(365e9) = 6.46…, so 7 characters.
		{"ceil(log(365B, 62))", "7", 7},
		// 2^30 bytes, written out.
		{"1 GiB to bytes", "1,073,741,824 bytes", 1 << 30},
		// 5M × 5 × 3e8 bytes = 7.5e15 bytes = 7.5e6 GB × $0.02 = $150,000.
		{"5M * 5 * 300 MB * $0.02/GB", "$150,000", 150000},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			r, err := Evaluate(tt.in)
			if err != nil {
				t.Fatalf("Evaluate(%q): %v", tt.in, err)
			}
			if got := r.Show(FormatOptions{}).Text; got != tt.text {
				t.Errorf("text = %q, want %q", got, tt.text)
			}
			if tt.base != 0 && !closeTo(r.Base, tt.base) {
				t.Errorf("base = %v, want %v", r.Base, tt.base)
			}
		})
	}
}

// TestMustReadErrors: the errors of DESIGN.md's table, each at its column.
func TestMustReadErrors(t *testing.T) {
	tests := []struct {
		in   string
		col  int
		msg  string
		hint string
	}{
		{"10 MB + 5 ms", 7, "cannot add information (10 MB) and time (5 ms)", ""},
		{"500 B", 5, `"B" alone is not a unit`, `did you mean "500 bytes"?`},
		{"1 / 0", 3, "division by zero", ""},
		{"10^400", 3, "overflow", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := Evaluate(tt.in)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Evaluate(%q) = %v, want a *calc.Error", tt.in, err)
			}
			if e.Column() != tt.col || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("error = col %d: %s; want col %d: …%s…", e.Column(), e.Msg, tt.col, tt.msg)
			}
			if !strings.Contains(e.Hint, tt.hint) {
				t.Errorf("hint = %q, want it to contain %q", e.Hint, tt.hint)
			}
		})
	}
}

func closeTo(got, want float64) bool {
	return math.Abs(got-want) <= 1e-9*math.Max(math.Abs(want), 1e-300)
}

// evalCase is one line of testdata/eval.txt.
type evalCase struct {
	line    int
	in      string
	want    string // the text shown, when no error is expected
	errCol  int    // the column of the expected error, or 0
	errPart string // a part of the expected error message
}

func readEvalCases(t testing.TB) []evalCase {
	f, err := os.Open("testdata/eval.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []evalCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "#") || strings.TrimSpace(line) == "" {
			continue
		}
		in, want, ok := strings.Cut(line, "=>")
		if !ok {
			t.Fatalf("eval.txt:%d: no \"=>\"", n)
		}
		c := evalCase{line: n, in: strings.TrimSpace(in), want: strings.TrimSpace(want)}
		if rest, isErr := strings.CutPrefix(c.want, "error "); isErr {
			col, msg, _ := strings.Cut(rest, ":")
			c.errCol, err = strconv.Atoi(col)
			if err != nil {
				t.Fatalf("eval.txt:%d: bad column %q", n, col)
			}
			c.errPart, c.want = strings.TrimSpace(msg), ""
		}
		cases = append(cases, c)
	}
	return cases
}

// TestEvalCases runs testdata/eval.txt: every unit, prefix, function,
// operator and error class, as a person would type them.
func TestEvalCases(t *testing.T) {
	cases := readEvalCases(t)
	if len(cases) < 60 {
		t.Fatalf("only %d cases in eval.txt", len(cases))
	}
	for _, c := range cases {
		r, err := Evaluate(c.in)
		if c.errCol != 0 {
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("eval.txt:%d: %q = %v, want error at col %d", c.line, c.in, err, c.errCol)
				continue
			}
			if e.Column() != c.errCol || !strings.Contains(e.Error(), c.errPart) {
				t.Errorf("eval.txt:%d: %q: error %q, want col %d: …%s…", c.line, c.in, e.Error(), c.errCol, c.errPart)
			}
			continue
		}
		if err != nil {
			t.Errorf("eval.txt:%d: %q: %v", c.line, c.in, err)
			continue
		}
		if got := r.Show(FormatOptions{}).Text; got != c.want {
			t.Errorf("eval.txt:%d: %q = %q, want %q", c.line, c.in, got, c.want)
		}
	}
}

func TestFormatOptions(t *testing.T) {
	tests := []struct {
		in   string
		opts FormatOptions
		want string
	}{
		{"5 TB", FormatOptions{Binary: true}, "4.55 TiB"},
		{"1 GiB", FormatOptions{Binary: true}, "1 GiB"},
		{"1 GiB", FormatOptions{}, "1.07 GB"},
		{"150 TB/day to Gbps", FormatOptions{Digits: 6}, "13.8889 Gbps"},
		{"2^41 ms to years", FormatOptions{Digits: 1}, "70 years"},
		{"1 / 3", FormatOptions{Digits: 5}, "0.33333"},
		{"-1234567 bytes", FormatOptions{}, "-1.23 MB"},
		{"1e25", FormatOptions{}, "1.00e+25"},
		{"$1234.5678", FormatOptions{}, "$1,235"},
		{"-$3", FormatOptions{}, "-$3"},
	}
	for _, tt := range tests {
		r, err := Evaluate(tt.in)
		if err != nil {
			t.Fatalf("%q: %v", tt.in, err)
		}
		if got := r.Show(tt.opts).Text; got != tt.want {
			t.Errorf("%q with %+v = %q, want %q", tt.in, tt.opts, got, tt.want)
		}
	}
}

// TestShowAvailability checks that an availability keeps its leading nines
// and then the digits asked for, so that a composite just under 1 never
// reads as 100%.
func TestShowAvailability(t *testing.T) {
	tests := []struct {
		a      float64
		digits int
		want   string
	}{
		{0.999, 0, "99.9%"},                             // two nines, then "9": three significant digits in all
		{0.9995, 0, "99.95%"},                           // three nines, then "5"
		{0.995, 0, "99.5%"},                             // 1 − a = 0.005: two nines kept
		{0.99987, 0, "99.987%"},                         // 1 − a = 1.3e-4: three nines, then "87"
		{0.999999, 0, "99.9999%"},                       // six nines and nothing after them
		{0.999999999875, 0, "99.9999999875%"},           // web-app's database tier, 1 − 0.0005³: nine nines, then "875"
		{0.999999999875, 1, "99.99999999%"},             // one digit after the nine nines: the "8" rounds up to a tenth nine, never to 100%
		{1 - 1e-16, 0, "99.99999999999999%"},            // fifteen nines would ask for 18 digits; 16 is all a float64 holds here
		{math.Nextafter(1, 0), 0, "99.99999999999999%"}, // the largest float64 under 1 still does not read as 100%
		{1 - 1e-14, 0, "99.999999999999%"},              // fourteen nines; the noise in the 17th digit is not shown
		{0.5, 0, "50%"},
		{1, 0, "100%"},
		{0, 0, "0%"},
	}
	for _, tt := range tests {
		if got := ShowAvailability(tt.a, FormatOptions{Digits: tt.digits}); got != tt.want {
			t.Errorf("ShowAvailability(%v, digits %d) = %q, want %q", tt.a, tt.digits, got, tt.want)
		}
	}
}

// TestScope compiles a scenario-like formula once and evaluates it with
// different values, as the scenario engine does.
func TestScope(t *testing.T) {
	scope := Scope{
		"dau":        {Slot: 0, Dim: Dimensionless},
		"uploaders":  {Slot: 1, Dim: Dimensionless},
		"video_size": {Slot: 2, Dim: Bytes},
		"users":      {Slot: 3, Dim: Dimensionless}, // shadows the count noun
	}
	f, err := Compile("dau * uploaders * 1/day * video_size", scope)
	if err != nil {
		t.Fatal(err)
	}
	if f.Dim != BytesPerSec {
		t.Fatalf("dim = %v, want byte/s", f.Dim.BaseUnit())
	}
	for _, tt := range []struct {
		vals []float64
		want float64
	}{
		{[]float64{5e6, 0.1, 300e6, 0}, 1.5e14 / 86400}, // 5M × 10% × 300 MB a day
		{[]float64{10e6, 0.1, 300e6, 0}, 3e14 / 86400},  // twice the users, twice the storage
	} {
		got, err := f.Eval(tt.vals)
		if err != nil || !closeTo(got, tt.want) {
			t.Errorf("Eval(%v) = %v, %v; want %v", tt.vals, got, err, tt.want)
		}
	}
	g, err := Compile("users * 2", scope)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := g.Eval([]float64{0, 0, 0, 50e6}); got != 100e6 {
		t.Errorf("users * 2 = %v, want 1e8: a scope name must shadow the count noun", got)
	}
	// A zero divisor at evaluation is an error at the "/".
	h, err := Compile("video_size / dau", scope)
	if err != nil {
		t.Fatal(err)
	}
	_, err = h.Eval([]float64{0, 0, 1, 0})
	var e *Error
	if !errors.As(err, &e) || e.Column() != 12 || e.Msg != "division by zero" {
		t.Errorf("video_size / 0: %v, want col 12: division by zero", err)
	}
	// Unknown names suggest the scope's own.
	_, err = Compile("uploader * 2", scope)
	if err == nil || !strings.Contains(err.Error(), `did you mean "uploaders"`) {
		t.Errorf("uploader: %v, want a suggestion of uploaders", err)
	}
}

func TestRefsAndRender(t *testing.T) {
	scope := Scope{"dau": {0, Dimensionless}, "uploaders": {1, Dimensionless}, "video_size": {2, Bytes}, "users": {3, Dimensionless}}
	e, err := Parse("dau * uploaders * 1/day * video_size / users")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range e.Refs() {
		names = append(names, r.Name)
	}
	if got := strings.Join(names, ","); got != "dau,uploaders,video_size,users" {
		t.Errorf("Refs = %s", got)
	}
	f, err := e.Compile(scope)
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{"dau": "5M", "uploaders": "10%", "video_size": "300 MB", "users": "2"}
	got := f.Render(func(n string) (string, bool) { s, ok := text[n]; return s, ok })
	// video_size is inside a product, so it needs no parentheses; users
	// follows "/" but is one word.
	if want := "5M × 10% × 1/day × 300 MB / 2"; got != want {
		t.Errorf("Render = %q, want %q", got, want)
	}
	g, _ := Compile("dau / video_size", scope)
	if got := g.Render(func(n string) (string, bool) { s, ok := text[n]; return s, ok }); got != "5M / (300 MB)" {
		t.Errorf("Render = %q: a unit after / must be parenthesised", got)
	}
}

func TestLimits(t *testing.T) {
	deep := strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000)
	if _, err := Evaluate(deep); err == nil || !strings.Contains(err.Error(), "too long") {
		t.Errorf("100,000 parentheses: %v, want a too-long error", err)
	}
	nested := strings.Repeat("(", 1000) + "1" + strings.Repeat(")", 1000)
	if _, err := Evaluate(nested); err == nil || !strings.Contains(err.Error(), "nested too deeply") {
		t.Errorf("1,000 parentheses: %v, want a nesting error", err)
	}
	minus := strings.Repeat("-", 2000) + "1"
	if _, err := Evaluate(minus); err == nil || !strings.Contains(err.Error(), "nested too deeply") {
		t.Errorf("2,000 minus signs: %v, want a nesting error", err)
	}
	if _, err := Evaluate("1 +\xff"); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("invalid UTF-8: %v", err)
	}
}

func TestParseUnit(t *testing.T) {
	for _, tt := range []struct {
		in     string
		factor float64
		dim    Dim
	}{
		{"TB/day", 1e12 / 86400, BytesPerSec},
		{"/s", 1, PerSecond},
		{"1/s", 1, PerSecond},
		{"Gbps", 1.25e8, BytesPerSec},
		{"$/month", 1.0 / (30 * 86400), DollarsPerSec},
		{"%", 0.01, Dimensionless},
		{"years", 365 * 86400, Seconds},
	} {
		u, err := ParseUnit(tt.in)
		if err != nil || !closeTo(u.Factor, tt.factor) || u.Dim != tt.dim {
			t.Errorf("ParseUnit(%q) = %+v, %v", tt.in, u, err)
		}
	}
	for _, bad := range []string{"", "foo", "0 s", "MB +", "-1 s"} {
		if _, err := ParseUnit(bad); err == nil {
			t.Errorf("ParseUnit(%q) succeeded", bad)
		}
	}
}

// FuzzEval runs the whole pipeline on any input: it must never panic, never
// return NaN or an infinity, and every error must point inside the input.
func FuzzEval(f *testing.F) {
	for _, c := range readEvalCases(f) {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, src string) {
		r, err := Evaluate(src)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%q: error %v is not a *calc.Error", src, err)
			}
			if e.Pos < 0 || e.Pos > len(src) || e.End > len(src) {
				t.Fatalf("%q: error span %d..%d outside the input (len %d)", src, e.Pos, e.End, len(src))
			}
			_ = e.Caret()
			return
		}
		if math.IsNaN(r.Base) || math.IsInf(r.Base, 0) {
			t.Fatalf("%q = %v", src, r.Base)
		}
		d := r.Show(FormatOptions{})
		if d.Text == "" || strings.Contains(d.Text, "NaN") || strings.Contains(d.Text, "Inf") {
			t.Fatalf("%q shows %q", src, d.Text)
		}
	})
}

// A typical scenario formula, as in the youtube preset.
const benchFormula = "dau * uploaders * 1/day * video_size * replication / (1 - overhead)"

func benchScope() Scope {
	return Scope{
		"dau": {0, Dimensionless}, "uploaders": {1, Dimensionless}, "video_size": {2, Bytes},
		"replication": {3, Dimensionless}, "overhead": {4, Dimensionless},
	}
}

func BenchmarkCompile(b *testing.B) {
	scope := benchScope()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(benchFormula, scope); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEval(b *testing.B) {
	f, err := Compile(benchFormula, benchScope())
	if err != nil {
		b.Fatal(err)
	}
	vals := []float64{5e6, 0.1, 300e6, 3, 0.2}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.Eval(vals); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateAndShow is one line of `estimate eval` batch mode.
func BenchmarkEvaluateAndShow(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		r, err := Evaluate("250000 MB to TB")
		if err != nil {
			b.Fatal(err)
		}
		_ = r.Show(FormatOptions{})
	}
}

// TestExactPercent: a decimal with a percent sign is the float64 nearest the
// decimal it means, so that 99.9% equals 0.999 (99.9 × 0.01 does not). The
// wants are float64 literals: Go would fold "99.9 * 0.01" exactly.
func TestExactPercent(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"99.9%", 0.999},
		{"99.99%", 0.9999},   // 99.99 / 100 would be 0.9998999999999999
		{"99.999%", 0.99999}, // 99.999 / 100 would be 0.9999899999999999
		{"10%", 0.1},
		{"0.5%", 0.005},
		{"-99.9%", -0.999},              // the minus is an operator on the exact value
		{"(99.9)%", 0.9990000000000001}, // not a literal: multiplied as written
		{"1e2%", 1},                     // an exponent: multiplied, and exact here
		{"5M * 10%", 500000},            // 500,000 exactly
		{"99.9% to %", 0.999},           // the conversion keeps the base value
		{"2 * 99.9%", 1.998},            // the literal is exact before the product
		{"99.9%%", 0.00999},             // a second sign applies to the result
	}
	for _, tt := range tests {
		r, err := Evaluate(tt.in)
		if err != nil {
			t.Fatalf("%q: %v", tt.in, err)
		}
		if r.Base != tt.want {
			t.Errorf("%q = %v, want %v", tt.in, r.Base, tt.want)
		}
	}
}

// TestShowOverflowingUnit: a finite value that the unit asked for cannot
// hold (1e308 bytes is 8e308 bits) is shown in the best unit for its size,
// never as +Inf.
func TestShowOverflowingUnit(t *testing.T) {
	bits, err := ParseUnit("bits")
	if err != nil {
		t.Fatal(err)
	}
	d := Show(1e308, bits.Dim, &bits, FormatOptions{})
	if math.IsInf(d.Value, 0) || strings.Contains(d.Text, "Inf") || d.Unit == "bits" {
		t.Fatalf("Show(1e308 bytes in bits) = %+v, want a finite value in another unit", d)
	}
	// 1e308 bytes is 1e290 EB, the largest byte unit: 1.00e+290 EB.
	if d.Text != "1.00e+290 EB" {
		t.Errorf("Show(1e308 bytes in bits) = %q, want %q", d.Text, "1.00e+290 EB")
	}
}
