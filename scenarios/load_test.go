package scenarios

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/estimate-dev/estimate/calc"
)

// TestBrokenFiles loads each file of testdata/broken, one per class of
// problem, and compares every problem reported (file:line:col, message and
// hint) with its golden file. Regenerate with: go test ./scenarios -update
func TestBrokenFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/broken/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no broken files: %v", err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			_, err := LoadFile(path)
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("LoadFile(%s) = %v, want a *LoadError", path, err)
			}
			for _, p := range le.Problems {
				if p.Line < 1 || p.Col < 1 {
					t.Errorf("problem without a position: %s", p)
				}
			}
			golden.RequireEqual(t, []byte(le.Error()+"\n"))
		})
	}
}

// TestManyProblemsAllReported: a file's problems are reported together, not
// only the first.
func TestManyProblemsAllReported(t *testing.T) {
	_, err := LoadFile("testdata/broken/many-problems.yaml")
	var le *LoadError
	if !errors.As(err, &le) || len(le.Problems) < 5 {
		t.Fatalf("got %v, want at least 5 problems", err)
	}
}

func TestTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	data := append([]byte("name: big\nsummary: "), bytes.Repeat([]byte("x"), MaxFileSize)...)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// 19 bytes of header and 1 MiB of summary: 1,048,595 bytes, refused
	// from its size before it is read.
	_, err := LoadFile(path)
	if err == nil || !strings.Contains(err.Error(), "file is 1,048,595 bytes (1 MiB); a scenario file may be at most 1,048,576 bytes (1 MiB)") {
		t.Fatalf("err = %v, want the size limit", err)
	}
}

// TestInputParse: what --set and the TUI accept for an input.
func TestInputParse(t *testing.T) {
	cat, _ := Open(Options{UserDir: "-"})
	s, err := cat.Load("web-app")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		input, text string
		wantText    string
		wantBase    float64
		wantErr     string
	}{
		{"request_size", "2", "2 KB", 2000, ""},          // a bare number takes the default's unit (1 KB)
		{"request_size", "0.5 MB", "0.5 MB", 500000, ""}, // any unit of the same dimension
		{"cache_share", "40", "40%", 0.4, ""},            // the default is 20%: 40 means 40%
		{"cache_share", "40%", "40%", 0.4, ""},
		{"read_write", "20:1", "20:1", 20, ""},
		{"read_write", "20", "20:1", 20, ""}, // bare: the ratio's template
		{"dau", "2M", "2M", 2e6, ""},
		{"retention", "10", "10 years", 10 * 365 * 86400, ""},
		{"requests_per_user", "30", "30/day", 30.0 / 86400, ""},
		{"server_qps", "2000", "2000 qps", 2000, ""},
		{"request_size", "5 ms", "", 0, "request_size is information, like 1 KB; \"5 ms\" is time"},
		{"cache_share", "120%", "", 0, "cache_share must be at most 100%, not 120%"},
		{"cache_hit", "-1%", "", 0, "cache_hit must be at least 0%"},
		{"request_size", "-1", "", 0, "request_size must be at least 0 KB, not -1 KB"}, // bare: takes KB, then the bound
		{"dau", "10 MB +", "", 0, "expression ends too early"},
	}
	for _, tt := range tests {
		in, _ := s.Input(tt.input)
		v, err := in.Parse(tt.text)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s=%s: err %v, want %q", tt.input, tt.text, err, tt.wantErr)
			}
			continue
		}
		if err != nil || v.Text != tt.wantText || !closeTo(v.Base, tt.wantBase) {
			t.Errorf("%s=%s = %+v, %v; want %q (%v)", tt.input, tt.text, v, err, tt.wantText, tt.wantBase)
		}
	}
	if _, err := s.Set([]string{"daus=2M"}); err == nil || !strings.Contains(err.Error(), `did you mean "dau"`) {
		t.Errorf("unknown input: %v", err)
	}
}

func closeTo(a, b float64) bool {
	d := a - b
	if d < 0 {
		d = -d
	}
	return d <= 1e-9*max(abs(b), 1e-300)
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestWork: each output carries its arithmetic.
func TestWork(t *testing.T) {
	cat, _ := Open(Options{UserDir: "-"})
	s, _ := cat.Load("youtube")
	r, err := s.Evaluate(nil, calc.FormatOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o, _ := r.Output("storage_per_day")
	// 5M × 10% uploads a day × 300 MB = 150 TB a day.
	if !strings.HasSuffix(o.Work, "= 150 TB/day") || !strings.Contains(o.Work, "300 MB") {
		t.Errorf("work = %q", o.Work)
	}
}

// TestCatalogOverrides: a user file with a preset's name takes its place,
// and the catalog says so; a user file must be named after its scenario.
func TestCatalogOverrides(t *testing.T) {
	dir := t.TempDir()
	own := "name: youtube\ninputs:\n  - name: dau\n    value: 1M\noutputs:\n  - name: qps\n    expr: dau * 1/day\n"
	if err := os.WriteFile(filepath.Join(dir, "youtube.yaml"), []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "misnamed.yaml"), []byte(strings.Replace(own, "youtube", "other", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := Open(Options{UserDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := cat.Entry("youtube")
	if e.Origin != FromUserDir || !e.Overrides {
		t.Errorf("youtube entry = %+v, want a user file overriding the preset", e)
	}
	s, err := cat.Load("youtube")
	if err != nil || len(s.Inputs) != 1 {
		t.Errorf("Load(youtube) = %v, %v; want the user's one-input scenario", s, err)
	}
	if _, err := cat.Load("misnamed"); err == nil || !strings.Contains(err.Error(), "named misnamed.yaml") {
		t.Errorf("misnamed: %v", err)
	}
	if _, err := cat.Load("youtub"); err == nil || !strings.Contains(err.Error(), `did you mean "youtube"`) {
		t.Errorf("unknown: %v", err)
	}
}

// FuzzLoad: any bytes as a scenario file give an error or a valid scenario
// that evaluates, never a panic.
func FuzzLoad(f *testing.F) {
	for _, dir := range []string{"presets/*.yaml", "testdata/broken/*.yaml"} {
		files, _ := filepath.Glob(dir)
		for _, p := range files {
			data, err := os.ReadFile(p)
			if err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Load("fuzz.yaml", data)
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) || len(le.Problems) == 0 {
				t.Fatalf("error %v is not a LoadError with problems", err)
			}
			return
		}
		_, _ = s.Evaluate(nil, calc.FormatOptions{}) // may fail (1/0 at run time), must not panic
	})
}

// TestEvalErrorPositions: a formula with no value for the inputs given is
// reported at its place in a user's file (file:line:col of the expression),
// and by the scenario's name for a preset, whose file the user cannot open.
func TestEvalErrorPositions(t *testing.T) {
	const file = `name: t
inputs:
  - name: n
    value: 1
outputs:
  - name: y
    expr: 1 / (n - 1)
latency:
  target: 1 s
  steps:
    - op: disk_seek
      times: n - 2
availability:
  target: 99%
  components:
    - name: api
      sla: 99%
      replicas: n - 1
`
	s, err := Load("t.yaml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		set  string // n's value
		want string // the start of the error: where, then what
	}{
		// n = 1: y divides by n − 1 = 0; the expression starts at line 7, col 11.
		{"output", "1", "t.yaml:7:11: y = 1 / (n - 1): col 3: division by zero"},
		// n = 3: y = 1/2, but the disk seek is taken n − 2 = 1 time, and the
		// api has n − 1 = 2 replicas: no error.
		{"fine", "3", ""},
		// n = 1.5: the disk seek is taken −0.5 times (line 12, col 14).
		{"negative times", "1.5", "t.yaml:12:14: times of disk_seek = n - 2: a step is taken 0 or more times, not -0.5"},
		// n = 2.5: y and the times are fine, but the api has 1.5 replicas
		// (line 18, col 17).
		{"fractional replicas", "2.5", "t.yaml:18:17: replicas of api = n - 1: parallel needs a whole number of replicas, 1 or more, not 1.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			settings, err := s.Set([]string{"n=" + tt.set})
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.Evaluate(settings, calc.FormatOptions{})
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("n = %s: %v, want no error", tt.set, err)
			case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
				t.Fatalf("n = %s: %v, want an error beginning %q", tt.set, err, tt.want)
			}
		})
	}

	cat, _ := Open(Options{UserDir: "-"})
	web, _ := cat.Load("web-app")
	settings, err := web.Set([]string{"server_qps=0"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = web.Evaluate(settings, calc.FormatOptions{})
	var ee *EvalError
	if !errors.As(err, &ee) || ee.File != "" || !strings.HasPrefix(err.Error(), "web-app: servers = ") {
		t.Fatalf("web-app with server_qps=0: %v, want an error naming the scenario, not the embedded file", err)
	}
}

// TestByteOrderMark: a file that starts with a UTF-8 byte-order mark, as
// some Windows editors write, loads as if it had none.
func TestByteOrderMark(t *testing.T) {
	const file = "\ufeffname: bom\ninputs:\n  - name: x\n    value: 1\noutputs:\n  - name: y\n    expr: x * 2\n"
	s, err := Load("bom.yaml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "bom" {
		t.Errorf("name = %q, want bom", s.Name)
	}
}

// TestAmbiguousSpellingAsName: "mb" is no unit (megabytes or megabits?), so
// it may name an output, and a formula above its declaration may use it:
// outputs are ordered by what they use, not by where they stand.
func TestAmbiguousSpellingAsName(t *testing.T) {
	const file = "name: order\ninputs:\n  - name: x\n    value: 2\noutputs:\n  - name: y\n    expr: mb * 2\n  - name: mb\n    expr: x * 3\n"
	s, err := Load("order.yaml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Evaluate(nil, calc.FormatOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// mb = 2 × 3 = 6; y = 6 × 2 = 12.
	if o, _ := r.Output("y"); o.Base != 12 {
		t.Errorf("y = %v, want 12", o.Base)
	}
}
