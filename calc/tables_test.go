package calc

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// near reports whether got is within tol of want.
func near(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol
}

func TestPowersOfTwo(t *testing.T) {
	// Bytes are exact powers of two. Gap is 1 − 10^(3k)/2^(10k), worked out
	// by hand or exactly: for KB, 1 − 1000/1024 = 24/1024 = 0.0234375; for
	// MB, 1 − 10^6/1,048,576 = 48,576/1,048,576 = 0.04632568359375.
	want := []struct {
		power               int
		approx, name, short string
		bytes               uint64
		decimal             float64
		gap                 float64
	}{
		{10, "1 thousand", "1 kilobyte", "1 KB", 1_024, 1e3, 0.0234375},
		{20, "1 million", "1 megabyte", "1 MB", 1_048_576, 1e6, 0.04632568359375},
		{30, "1 billion", "1 gigabyte", "1 GB", 1_073_741_824, 1e9, 0.06867742538452148},
		{40, "1 trillion", "1 terabyte", "1 TB", 1_099_511_627_776, 1e12, 0.09050529822707176},
		{50, "1 quadrillion", "1 petabyte", "1 PB", 1_125_899_906_842_624, 1e15, 0.11182158029987477},
		{60, "1 quintillion", "1 exabyte", "1 EB", 1_152_921_504_606_846_976, 1e18, 0.13263826201159645},
	}
	rows := PowersOfTwo()
	if len(rows) != len(want) {
		t.Fatalf("PowersOfTwo() has %d rows, want %d", len(rows), len(want))
	}
	for i, w := range want {
		r := rows[i]
		if r.Power != w.power || r.Approx != w.approx || r.Name != w.name || r.Short != w.short {
			t.Errorf("row %d = %d %q %q %q, want %d %q %q %q", i, r.Power, r.Approx, r.Name, r.Short, w.power, w.approx, w.name, w.short)
		}
		if r.Bytes != w.bytes {
			t.Errorf("2^%d: Bytes = %d, want %d", w.power, r.Bytes, w.bytes)
		}
		if r.DecimalBytes != w.decimal {
			t.Errorf("2^%d: DecimalBytes = %g, want %g", w.power, r.DecimalBytes, w.decimal)
		}
		if !near(r.Gap, w.gap, 1e-15) {
			t.Errorf("2^%d: Gap = %.17g, want %.17g", w.power, r.Gap, w.gap)
		}
	}
}

// bookSeconds is the book's latency table (System Design Interview vol. 1,
// ch. 2, credited to Jeff Dean, 2010), keyed as scenario files name the rows.
var bookSeconds = map[string]float64{
	"l1_cache_reference":        0.5e-9,
	"branch_mispredict":         5e-9,
	"l2_cache_reference":        7e-9,
	"mutex_lock":                100e-9,
	"main_memory_reference":     100e-9,
	"compress_1kb":              10e-6,
	"send_2kb_1gbps":            20e-6,
	"read_1mb_memory":           250e-6,
	"datacenter_round_trip":     500e-6,
	"disk_seek":                 10e-3,
	"read_1mb_network":          10e-3,
	"read_1mb_disk":             30e-3,
	"ca_netherlands_round_trip": 150e-3,
}

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

func TestLatencySets(t *testing.T) {
	sets := LatencySets()
	if len(sets) != 2 || sets[0].Name != "book" || sets[1].Name != "current" {
		t.Fatalf("LatencySets() names = %v, want [book current]", setNames(sets))
	}
	for _, s := range sets {
		if s.Title == "" || s.Source == "" || s.Year == 0 || len(s.Rows) == 0 || len(s.Lessons) == 0 {
			t.Errorf("set %q lacks a title, source, year, rows or lessons: %+v", s.Name, s)
		}
		seen := map[string]bool{}
		for i, r := range s.Rows {
			if !snakeCase.MatchString(r.Key) {
				t.Errorf("set %q: key %q is not snake_case", s.Name, r.Key)
			}
			if seen[r.Key] {
				t.Errorf("set %q: key %q appears twice", s.Name, r.Key)
			}
			seen[r.Key] = true
			if r.Operation == "" || r.Source == "" || r.Year == 0 {
				t.Errorf("set %q: row %q lacks an operation, source or year", s.Name, r.Key)
			}
			if !(r.Seconds > 0) || math.IsInf(r.Seconds, 0) {
				t.Errorf("set %q: row %q has %v seconds", s.Name, r.Key, r.Seconds)
			}
			if i > 0 && r.Seconds < s.Rows[i-1].Seconds {
				t.Errorf("set %q: row %q (%g s) comes after a slower row", s.Name, r.Key, r.Seconds)
			}
		}
	}
}

func setNames(sets []LatencySet) []string {
	var names []string
	for _, s := range sets {
		names = append(names, s.Name)
	}
	return names
}

func TestBookLatency(t *testing.T) {
	book := LatencySets()[0]
	if len(book.Rows) != len(bookSeconds) {
		t.Errorf("book set has %d rows, want %d", len(book.Rows), len(bookSeconds))
	}
	if book.Year != 2010 || !strings.Contains(book.Source, "Jeff Dean") || !strings.Contains(book.Source, "System Design Interview") {
		t.Errorf("book set citation = %q (%d)", book.Source, book.Year)
	}
	for _, r := range book.Rows {
		want, ok := bookSeconds[r.Key]
		if !ok {
			t.Errorf("book row %q is not in the book", r.Key)
			continue
		}
		if r.Seconds != want {
			t.Errorf("book row %q = %g s, want %g s", r.Key, r.Seconds, want)
		}
		if r.Year != 2010 {
			t.Errorf("book row %q: year %d, want 2010", r.Key, r.Year)
		}
	}
	// The human-scale column multiplies by a billion: an L1
	// reference becomes 0.5 s and a California–Netherlands round trip
	// 0.15 × 10^9 s = 1.5 × 10^8 s ÷ 31,557,600 s ≈ 4.75 years.
	l1, _ := LatencyByKey("book", "l1_cache_reference")
	if got := l1.Seconds * 1e9; !near(got, 0.5, 1e-12) {
		t.Errorf("L1 × 10^9 = %g s, want 0.5 s", got)
	}
	ca, _ := LatencyByKey("book", "ca_netherlands_round_trip")
	if got := ca.Seconds * 1e9 / AvailabilityYear; !near(got, 4.753, 5e-4) {
		t.Errorf("CA–Netherlands × 10^9 = %g years, want about 4.75", got)
	}
}

func TestCurrentLatency(t *testing.T) {
	cur := LatencySets()[1]
	if cur.Year != 2026 || !strings.Contains(cur.Source, "napkin-math") || !strings.Contains(cur.Source, "March 8, 2026") {
		t.Errorf("current set citation = %q (%d)", cur.Source, cur.Year)
	}
	// Figures as printed in the napkin-math README, 2026-03-08 revision.
	for _, c := range []struct {
		key     string
		seconds float64
	}{
		{"main_memory_reference", 20e-9},  // Random Memory R/W (64 bytes): 20 ns
		{"system_call", 300e-9},           // System Call: 300 ns
		{"read_1mb_memory", 50e-6},        // single thread, 20 GiB/s: 1 MiB in 50 μs
		{"read_1mb_network", 100e-6},      // Network Same-Zone, 10 GiB/s: 1 MiB in 100 μs
		{"datacenter_round_trip", 250e-6}, // Network within same region: 250 μs
		{"disk_seek", 10e-3},              // Random HDD Read (8 KiB): 10 ms
		{"read_1mb_disk", 2e-3},           // Sequential HDD Read: 1 MiB in 2 ms
		{"compress_1kb", 2e-3 / 1024},     // Compression, 1 MiB in 2 ms: 1 KiB in 2 ms ÷ 1,024 ≈ 1.95 μs
		{"network_eu_west_na_east", 80e-3},
	} {
		r, ok := LatencyByKey("current", c.key)
		if !ok {
			t.Errorf("current set has no %q", c.key)
			continue
		}
		if r.Seconds != c.seconds || r.Year != 2026 {
			t.Errorf("current %q = %g s (%d), want %g s (2026)", c.key, r.Seconds, r.Year, c.seconds)
		}
	}
	// Every current key that the book also has must mean the same operation;
	// these are the ones mapped, and the ones the README has no row for.
	for _, k := range []string{"main_memory_reference", "compress_1kb", "read_1mb_memory", "datacenter_round_trip", "disk_seek", "read_1mb_network", "read_1mb_disk"} {
		if _, ok := LatencyByKey("current", k); !ok {
			t.Errorf("current set does not map book key %q", k)
		}
	}
	for _, k := range []string{"l1_cache_reference", "l2_cache_reference", "branch_mispredict", "mutex_lock", "send_2kb_1gbps", "ca_netherlands_round_trip"} {
		if _, ok := LatencyByKey("current", k); ok {
			t.Errorf("current set has %q, which the README has no row for", k)
		}
	}
}

func TestLatencyByKey(t *testing.T) {
	for _, c := range []struct {
		set, key string
		ok       bool
		seconds  float64
	}{
		{"book", "disk_seek", true, 10e-3},
		{"", "disk_seek", true, 10e-3}, // the default set is the book's
		{"current", "disk_seek", true, 10e-3},
		{"book", "datacenter_round_trip", true, 500e-6},
		{"current", "datacenter_round_trip", true, 250e-6},
		{"book", "no_such_row", false, 0},
		{"current", "l1_cache_reference", false, 0},
		{"other", "disk_seek", false, 0},
		{"Book", "disk_seek", false, 0},
	} {
		r, ok := LatencyByKey(c.set, c.key)
		if ok != c.ok || (ok && (r.Seconds != c.seconds || r.Key != c.key)) {
			t.Errorf("LatencyByKey(%q, %q) = %+v, %v; want %g s, %v", c.set, c.key, r, ok, c.seconds, c.ok)
		}
	}
}

func TestTablesAreCopies(t *testing.T) {
	sets := LatencySets()
	sets[0].Rows[0].Seconds = 42
	sets[0].Lessons[0] = "changed"
	again := LatencySets()
	if again[0].Rows[0].Seconds == 42 || again[0].Lessons[0] == "changed" {
		t.Error("LatencySets returns the package's own slices")
	}
	if r, _ := LatencyByKey("book", sets[0].Rows[0].Key); r.Seconds == 42 {
		t.Error("changing a returned set changes LatencyByKey")
	}
	p := AvailabilityPeriods()
	p[0].Seconds = 1
	if AvailabilityPeriods()[0].Seconds != 86400 {
		t.Error("AvailabilityPeriods returns shared data")
	}
	n := StandardNines()
	n[0] = 0
	if StandardNines()[0] != 0.99 {
		t.Error("StandardNines returns shared data")
	}
}

func TestAvailabilityPeriods(t *testing.T) {
	// Year = 365.25 × 86,400 = 31,557,600 s; month = year/12 = 2,629,800 s;
	// quarter = year/4 = 7,889,400 s; week = 7 × 86,400 = 604,800 s.
	want := []Period{
		{"day", 86400},
		{"week", 604800},
		{"month", 2629800},
		{"quarter", 7889400},
		{"year", 31557600},
	}
	got := AvailabilityPeriods()
	if len(got) != len(want) {
		t.Fatalf("AvailabilityPeriods() = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("period %d = %v, want %v", i, got[i], want[i])
		}
	}
	if s := StandardNines(); len(s) != 5 || s[0] != 0.99 || s[4] != 0.999999 {
		t.Errorf("StandardNines() = %v", s)
	}
}

// TestBookNines checks every cell of the book's availability table
// (System Design Interview vol. 1, ch. 2), which prints each downtime to
// two decimals in the unit given here.
func TestBookNines(t *testing.T) {
	const (
		ms  = 1e-3
		sec = 1.0
		min = 60.0
		hr  = 3600.0
		day = 86400.0
	)
	type cell struct {
		value, unit float64
	}
	rows := []struct {
		a                 float64
		perDay, perWeek   cell
		perMonth, perYear cell
		quarterHours      float64
	}{
		// 99%: 0.01 × 86,400 s = 864 s = 14.40 min; × 604,800 = 6,048 s =
		// 1.68 h; × 2,629,800 = 26,298 s = 7.31 h; × 31,557,600 = 315,576 s
		// = 3.65 days; quarter 78,894 s = 21.9 h.
		{0.99, cell{14.40, min}, cell{1.68, hr}, cell{7.31, hr}, cell{3.65, day}, 21.915},
		{0.999, cell{1.44, min}, cell{10.08, min}, cell{43.83, min}, cell{8.77, hr}, 2.1915},
		{0.9999, cell{8.64, sec}, cell{1.01, min}, cell{4.38, min}, cell{52.60, min}, 0.21915},
		{0.99999, cell{864.00, ms}, cell{6.05, sec}, cell{26.30, sec}, cell{5.26, min}, 0.021915},
		{0.999999, cell{86.40, ms}, cell{604.80, ms}, cell{2.63, sec}, cell{31.56, sec}, 0.0021915},
	}
	for i, r := range rows {
		if StandardNines()[i] != r.a {
			t.Fatalf("StandardNines()[%d] = %v, want %v", i, StandardNines()[i], r.a)
		}
		check := func(name string, period float64, c cell) {
			t.Helper()
			d, err := Downtime(r.a, period)
			if err != nil {
				t.Fatalf("Downtime(%v, %v): %v", r.a, period, err)
			}
			if got := math.Round(d/c.unit*100) / 100; !near(got, c.value, 1e-9) {
				t.Errorf("%v per %s = %.4f, book prints %.2f", r.a, name, d/c.unit, c.value)
			}
		}
		check("day", AvailabilityDay, r.perDay)
		check("week", AvailabilityWeek, r.perWeek)
		check("month", AvailabilityMonth, r.perMonth)
		check("year", AvailabilityYear, r.perYear)
		d, _ := Downtime(r.a, AvailabilityQuarter)
		if !near(d/hr, r.quarterHours, 1e-9) {
			t.Errorf("%v per quarter = %v h, want %v h", r.a, d/hr, r.quarterHours)
		}
	}
	// 100% allows no downtime at all; 0% allows the whole period.
	if d, err := Downtime(1, AvailabilityYear); err != nil || d != 0 {
		t.Errorf("Downtime(1, year) = %v, %v; want 0", d, err)
	}
	if d, err := Downtime(0, AvailabilityDay); err != nil || d != AvailabilityDay {
		t.Errorf("Downtime(0, day) = %v, %v; want a whole day", d, err)
	}
}

func TestAvailabilityForDowntime(t *testing.T) {
	for _, c := range []struct {
		downtime, period, want float64
	}{
		// 5 min a month: 1 − 300/2,629,800 = 0.99988592…
		{300, AvailabilityMonth, 0.9998859228838695},
		// 864 s a day: 1 − 864/86,400 = 1 − 0.01 = 0.99.
		{864, AvailabilityDay, 0.99},
		// 8.77 h a year: 1 − 31,572/31,557,600 = 0.99899954…
		{8.77 * 3600, AvailabilityYear, 0.9989995436915354},
		{0, AvailabilityYear, 1},
		{AvailabilityWeek, AvailabilityWeek, 0},
	} {
		got, err := AvailabilityForDowntime(c.downtime, c.period)
		if err != nil || !near(got, c.want, 1e-15) {
			t.Errorf("AvailabilityForDowntime(%v, %v) = %.17g, %v; want %.17g", c.downtime, c.period, got, err, c.want)
		}
	}
	// The round trip: the availability for a downtime gives that downtime back.
	for _, a := range StandardNines() {
		d, _ := Downtime(a, AvailabilityMonth)
		back, err := AvailabilityForDowntime(d, AvailabilityMonth)
		if err != nil || !near(back, a, 1e-15) {
			t.Errorf("round trip of %v = %v, %v", a, back, err)
		}
	}
	for _, c := range []struct {
		downtime, period float64
		msg              string
	}{
		{-1, AvailabilityDay, "negative"},
		{2 * AvailabilityDay, AvailabilityDay, "longer than the period"},
		{math.NaN(), AvailabilityDay, "not a finite"},
		{math.Inf(1), AvailabilityDay, "not a finite"},
		{1, 0, "period"},
		{1, -AvailabilityDay, "period"},
		{1, math.Inf(1), "period"},
		{1, math.NaN(), "period"},
	} {
		if _, err := AvailabilityForDowntime(c.downtime, c.period); err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("AvailabilityForDowntime(%v, %v) error = %v, want one mentioning %q", c.downtime, c.period, err, c.msg)
		}
	}
}

func TestDowntimeErrors(t *testing.T) {
	for _, c := range []struct {
		a, period float64
		msg       string
	}{
		{1.001, AvailabilityDay, "above 100%"},
		{-0.1, AvailabilityDay, "below 0%"},
		{math.NaN(), AvailabilityDay, "not a finite"},
		{math.Inf(-1), AvailabilityDay, "not a finite"},
		{0.99, 0, "period"},
		{0.99, -1, "period"},
		{0.99, math.Inf(1), "period"},
	} {
		d, err := Downtime(c.a, c.period)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("Downtime(%v, %v) = %v, %v; want an error mentioning %q", c.a, c.period, d, err, c.msg)
		}
	}
}

func TestSeries(t *testing.T) {
	for _, c := range []struct {
		as   []float64
		want float64
	}{
		{[]float64{0.999}, 0.999},
		// 0.999 × 0.999 = 0.998001.
		{[]float64{0.999, 0.999}, 0.998001},
		// 0.9999 × 0.995 = 0.9949005.
		{[]float64{0.9999, 0.995}, 0.9949005},
		// 0.99 × 0.99 × 0.99 = 0.970299.
		{[]float64{0.99, 0.99, 0.99}, 0.970299},
		{[]float64{1, 1}, 1},
		{[]float64{0.5, 0}, 0},
	} {
		got, err := Series(c.as...)
		if err != nil || !near(got, c.want, 1e-15) {
			t.Errorf("Series(%v) = %.17g, %v; want %.17g", c.as, got, err, c.want)
		}
	}
	for _, c := range []struct {
		as  []float64
		msg string
	}{
		{nil, "at least one"},
		{[]float64{0.99, 1.2}, "above 100%"},
		{[]float64{-0.5}, "below 0%"},
		{[]float64{0.9, math.NaN()}, "not a finite"},
	} {
		if _, err := Series(c.as...); err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("Series(%v) error = %v, want one mentioning %q", c.as, err, c.msg)
		}
	}
}

func TestParallel(t *testing.T) {
	for _, c := range []struct {
		a, n, want float64
	}{
		{0.99, 1, 0.99},
		// 1 − 0.01² = 1 − 0.0001 = 0.9999.
		{0.99, 2, 0.9999},
		// 1 − 0.005³ = 1 − 0.000000125 = 0.999999875.
		{0.995, 3, 0.999999875},
		// 1 − 0.5⁴ = 1 − 0.0625 = 0.9375.
		{0.5, 4, 0.9375},
		{0, 3, 0},
		{1, 2, 1},
		// 1 − 0.005¹¹ = 1 − 4.9e-26, which a float64 cannot tell from 1:
		// the largest float64 below 1, since replicas that fail never add
		// up to a component that cannot.
		{0.995, 11, math.Nextafter(1, 0)},
		// So many replicas that (1 − a)^n underflows to 0: the same.
		{0.9, 1e6, math.Nextafter(1, 0)},
	} {
		got, err := Parallel(c.a, c.n)
		if err != nil || !near(got, c.want, 1e-15) {
			t.Errorf("Parallel(%v, %v) = %.17g, %v; want %.17g", c.a, c.n, got, err, c.want)
		}
		if (got == 1) != (c.want == 1) {
			t.Errorf("Parallel(%v, %v) = %.17g: 1 only when a replica is 100%%", c.a, c.n, got)
		}
	}
	// A load balancer at 99.99% in series with three API servers at 99.5%
	// each: 0.9999 × (1 − 0.005³) = 0.9999 × 0.999999875
	// = 0.9999 − 0.9999 × 1.25e-7 = 0.9998998750125.
	api, _ := Parallel(0.995, 3)
	got, err := Series(0.9999, api)
	if err != nil || !near(got, 0.9998998750125, 1e-15) {
		t.Errorf("LB in series with 3 API servers = %.17g, %v; want 0.9998998750125", got, err)
	}
	for _, c := range []struct {
		a, n float64
		msg  string
	}{
		{0.99, 0, "whole number"},
		{0.99, -2, "whole number"},
		{0.99, 0.5, "whole number"},
		{0.99, 2.5, "whole number"},
		{0.99, math.NaN(), "whole number"},
		{0.99, math.Inf(1), "whole number"},
		{1.5, 2, "above 100%"},
		{-0.5, 2, "below 0%"},
	} {
		if _, err := Parallel(c.a, c.n); err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("Parallel(%v, %v) error = %v, want one mentioning %q", c.a, c.n, err, c.msg)
		}
	}
}

func TestParseAvailability(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
	}{
		{"99.9", 0.999},
		{"99.9%", 0.999},
		{"99.95 %", 0.9995},
		{" 99 % ", 0.99},
		{"99.999%", 0.99999},
		{"99.9999", 0.999999},
		{"100", 1},
		{"100%", 1},
		{"100.000", 1},
		{"0", 0},
		{"-0", 0},
		{"0%", 0},
		{"+50", 0.5},
		{".5", 0.005},
		{"50.", 0.5},
		{"0.999", 0.00999}, // a percentage, always: 0.999% is not 99.9%
	} {
		got, err := ParseAvailability(c.in)
		if err != nil || got != c.want || math.Signbit(got) {
			t.Errorf("ParseAvailability(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, c := range []struct {
		in, msg string
	}{
		{"100.5", "above 100%"},
		{"100.0000001", "above 100%"},
		{"101%", "above 100%"},
		{"-1", "below 0%"},
		{"-0.5%", "below 0%"},
		{"abc", "not a percentage"},
		{"", "empty"},
		{"   ", "empty"},
		{"%", "no number"},
		{"NaN", "not a finite"},
		{"nan%", "not a finite"},
		{"Inf", "not a finite"},
		{"-Inf", "not a finite"},
		{"+infinity", "not a finite"},
		{"1e2", "not a percentage"},
		{"0x1p6", "not a percentage"},
		{"9_9", "not a percentage"},
		{"99.9%%", "not a percentage"},
		{"99..9", "not a percentage"},
		{"99.9.9", "not a percentage"},
		{".", "not a percentage"},
		{"-", "not a percentage"},
		{"99 9", "not a percentage"},
		{"99,9", "not a percentage"},
		{"%99", "not a percentage"},
	} {
		got, err := ParseAvailability(c.in)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ParseAvailability(%q) = %v, %v; want an error mentioning %q", c.in, got, err, c.msg)
		}
	}
}

func FuzzParseAvailability(f *testing.F) {
	for _, s := range []string{"99.9", "99.9%", "99.95 %", "100", "100.5", "-1", "abc", "", "NaN", "0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAvailability(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ParseAvailability(%q): empty error", s)
			}
			return
		}
		if math.IsNaN(a) || a < 0 || a > 1 || math.Signbit(a) {
			t.Fatalf("ParseAvailability(%q) = %v, outside [0, 1]", s, a)
		}
		// Writing the value back as a percentage reads the same value.
		back, err := ParseAvailability(strconv.FormatFloat(a*100, 'f', -1, 64))
		if err != nil || !near(back, a, 1e-15) {
			t.Fatalf("ParseAvailability(%q) = %v, but its text reads as %v, %v", s, a, back, err)
		}
		// A percent sign changes nothing.
		if !strings.Contains(s, "%") {
			if p, err := ParseAvailability(s + "%"); err != nil || p != a {
				t.Fatalf("ParseAvailability(%q) = %v, but with %% it is %v, %v", s, a, p, err)
			}
		}
		if d, err := Downtime(a, AvailabilityYear); err != nil || d < 0 || d > AvailabilityYear {
			t.Fatalf("Downtime(%v, year) = %v, %v", a, d, err)
		}
	})
}
