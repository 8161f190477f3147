package scenarios

import (
	"math"
	"strings"
	"testing"

	"github.com/estimate-dev/estimate/calc"
)

func loadPreset(t testing.TB, name string) *Scenario {
	t.Helper()
	cat, err := Open(Options{UserDir: "-"})
	if err != nil {
		t.Fatal(err)
	}
	s, err := cat.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSweepEnds: a sweep's end points equal an evaluation with the same
// value set by hand, linear and log alike.
func TestSweepEnds(t *testing.T) {
	s := loadPreset(t, "web-app")
	for _, log := range []bool{false, true} {
		sw, err := s.ParseSweep("dau=1M..50M", 7, log)
		if err != nil {
			t.Fatal(err)
		}
		var first, last []float64
		err = sw.Run(s, nil, func(i int, vals []float64) {
			if i == 0 {
				first = append([]float64(nil), vals...)
			}
			last = append(last[:0], vals...)
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, end := range []struct {
			set  string
			vals []float64
		}{{"dau=1M", first}, {"dau=50M", last}} {
			settings, _ := s.Set([]string{end.set})
			r, err := s.Evaluate(settings, calc.FormatOptions{})
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range r.Outputs {
				if end.vals[o.Slot()] != o.Base {
					t.Errorf("log=%v %s: sweep %s = %v, run %v", log, end.set, o.Name, end.vals[o.Slot()], o.Base)
				}
			}
		}
	}
	// The middle of a log sweep from 1M to 100M in 3 steps is 10M: √(1M × 100M).
	sw, _ := s.ParseSweep("dau=1M..100M", 3, true)
	if got := sw.At(1); !closeTo(got, 10e6) {
		t.Errorf("log midpoint = %v, want 1e7", got)
	}
}

// TestSweepWideRanges: ends whose ratio or difference overflows still give
// finite points: the geometric midpoint of 1e-300 and 1e300 is 1, the
// arithmetic one of -1e308 and 1e308 is 0.
func TestSweepWideRanges(t *testing.T) {
	s := loadPreset(t, "web-app")
	tests := []struct {
		spec string
		log  bool
		mid  float64
	}{
		{"dau=1e-300..1e300", true, 1},
		// 1e-320 is subnormal, stored as 9.99988671826831e-321: the
		// midpoint is its square root, 9.99994e-161, not quite 1e-160.
		{"dau=1e-320..1", true, math.Sqrt(1e-320)},
	}
	for _, tt := range tests {
		sw, err := s.ParseSweep(tt.spec, 3, tt.log)
		if err != nil {
			t.Fatalf("%s: %v", tt.spec, err)
		}
		if got := sw.At(1); !closeTo(got, tt.mid) {
			t.Errorf("%s: midpoint %v, want %v", tt.spec, got, tt.mid)
		}
	}
	sw := &Sweep{From: Value{Base: -1e308}, To: Value{Base: 1e308}, Steps: 3}
	if got := sw.At(1); got != 0 {
		t.Errorf("-1e308..1e308: midpoint %v, want 0", got)
	}
}

func TestSweepErrors(t *testing.T) {
	s := loadPreset(t, "web-app")
	tests := []struct {
		spec  string
		steps int
		log   bool
		want  string
	}{
		{"dau=10M..1M", 5, false, "reversed"},
		{"dau=1M..1M", 5, false, "empty"},
		{"dau=1M..10M", 0, false, "at least 2 steps"},
		{"dau=1M..10M", MaxSweepSteps + 1, false, "at most"},
		{"dau=0..10M", 5, true, "positive start"},
		{"daus=1M..10M", 5, false, `did you mean "dau"`},
		{"dau=1M-10M", 5, false, "INPUT=FROM..TO"},
		{"dau=1M...5M", 5, false, "with two dots"}, // not "1M" to ".5M", reversed
		{"request_size=1 s..2 s", 5, false, "is time"},
	}
	for _, tt := range tests {
		_, err := s.ParseSweep(tt.spec, tt.steps, tt.log)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseSweep(%q, %d, %v) = %v, want …%s…", tt.spec, tt.steps, tt.log, err, tt.want)
		}
	}
}

// TestGrowth: a grown input equals the input set by hand to its grown value.
func TestGrowth(t *testing.T) {
	g, err := ParseGrowth("10%/month")
	if err != nil {
		t.Fatal(err)
	}
	// Three 30-day months at 10% a month: 1.1³ = 1.331.
	if f := g.Factor(3 * 30 * 86400); !closeTo(f, 1.331) {
		t.Errorf("factor after 3 months = %v, want 1.331", f)
	}
	s := loadPreset(t, "web-app")
	grown, err := s.Grown(nil, g, 3*30*86400)
	if err != nil {
		t.Fatal(err)
	}
	byHand, _ := s.Set([]string{"dau=1.331M"}) // 1M × 1.331
	a, _ := s.Evaluate(grown, calc.FormatOptions{})
	b, _ := s.Evaluate(byHand, calc.FormatOptions{})
	for i := range a.Outputs {
		if !closeTo(a.Outputs[i].Base, b.Outputs[i].Base) {
			t.Errorf("%s grown = %v, by hand %v", a.Outputs[i].Name, a.Outputs[i].Base, b.Outputs[i].Base)
		}
	}
	for _, bad := range []string{"10%", "10 MB/month", "10%/MB", "-100%/year", "x/month"} {
		if _, err := ParseGrowth(bad); err == nil {
			t.Errorf("ParseGrowth(%q) succeeded", bad)
		}
	}
	hs, err := ParseHorizons("3mo, 1y, 2w, 90d, 18 months")
	if err != nil || len(hs) != 5 || hs[0].Seconds != 90*86400 || hs[1].Seconds != 365*86400 || hs[4].Seconds != 18*30*86400 {
		t.Errorf("ParseHorizons = %+v, %v", hs, err)
	}
	for _, bad := range []string{"", "3 parsecs", "-1mo", "5 MB"} {
		if _, err := ParseHorizons(bad); err == nil {
			t.Errorf("ParseHorizons(%q) succeeded", bad)
		}
	}
}

// TestCompare: rows for every standard metric any scenario has, blank cells
// where one lacks it, one unit per row, the largest with the longest bar.
func TestCompare(t *testing.T) {
	var results []*Result
	for _, name := range []string{"chat", "youtube"} {
		r, err := loadPreset(t, name).Evaluate(nil, calc.FormatOptions{})
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, r)
	}
	c := Compare(results, calc.FormatOptions{})
	rows := map[string]ComparisonRow{}
	for _, r := range c.Rows {
		rows[r.Metric] = r
	}
	if _, ok := rows["cache_memory"]; ok {
		t.Error("neither chat nor youtube has cache_memory, yet it has a row")
	}
	spd := rows["storage_per_day"]
	// chat: 50M × 40 × 100 bytes = 0.2 TB a day; youtube 150 TB a day. Both
	// in youtube's TB/day, the larger one's unit.
	if spd.Unit != "TB/day" || spd.Cells[0].Display.Text != "0.2 TB/day" || spd.Cells[1].Share != 1 {
		t.Errorf("storage_per_day row = %+v", spd)
	}
	if cost := rows["cost_per_month"]; cost.Cells[0].Present || !cost.Cells[1].Present {
		t.Errorf("cost_per_month: chat has none, youtube has one: %+v", cost)
	}
}

// BenchmarkSweep sweeps the largest preset over 1,000,000 points: the
// throughput of scenario evaluations.
func BenchmarkSweep(b *testing.B) {
	s := loadPreset(b, "web-app")
	sw, err := s.ParseSweep("dau=1M..100M", 1_000_000, true)
	if err != nil {
		b.Fatal(err)
	}
	sum := 0.0
	for b.Loop() {
		if err := sw.Run(s, nil, func(_ int, vals []float64) { sum += vals[len(vals)-1] }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(sw.Steps)*float64(b.N)/b.Elapsed().Seconds(), "evals/s")
}
