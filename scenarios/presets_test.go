package scenarios

import (
	"bufio"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/estimate-dev/estimate/calc"
)

// expectation is one line of testdata/preset_expectations.txt: a preset,
// the --set overrides, an output and the value worked out by hand.
type expectation struct {
	line     int
	preset   string
	sets     []string
	output   string
	expected string // in the calc language, in the output's display unit
	why      string
}

func readExpectations(t *testing.T) []expectation {
	f, err := os.Open("testdata/preset_expectations.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []expectation
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, why, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(line) == "" {
			continue
		}
		lhs, rhs, ok := strings.Cut(line, "=")
		// The first "=" may belong to a --set; the case's own "=" has spaces.
		if i := strings.Index(line, " = "); i >= 0 {
			lhs, rhs, ok = line[:i], line[i+3:], true
		}
		fields := strings.Fields(lhs)
		if !ok || len(fields) < 2 {
			t.Fatalf("preset_expectations.txt:%d: want PRESET [NAME=VALUE…] OUTPUT = EXPECTED", n)
		}
		out = append(out, expectation{
			line: n, preset: fields[0], sets: fields[1 : len(fields)-1], output: fields[len(fields)-1],
			expected: strings.TrimSpace(rhs), why: strings.TrimSpace(why),
		})
	}
	return out
}

// TestPresetExpectations evaluates every preset output against the value
// worked out by hand from the book's assumptions (the arithmetic is in the
// comment of each line of the data file), with the defaults and with --set.
func TestPresetExpectations(t *testing.T) {
	cat, err := Open(Options{UserDir: "-"})
	if err != nil {
		t.Fatal(err)
	}
	cases := readExpectations(t)
	covered := map[string]bool{}
	moved := map[string]bool{}
	for _, c := range cases {
		s, err := cat.Load(c.preset)
		if err != nil {
			t.Fatalf("line %d: %v", c.line, err)
		}
		settings, err := s.Set(c.sets)
		if err != nil {
			t.Errorf("line %d: %v", c.line, err)
			continue
		}
		r, err := s.Evaluate(settings, calc.FormatOptions{})
		if err != nil {
			t.Errorf("line %d: %v", c.line, err)
			continue
		}
		got, ok := r.Output(c.output)
		if !ok {
			t.Errorf("line %d: %s has no output %q", c.line, c.preset, c.output)
			continue
		}
		want, err := calc.Evaluate(c.expected)
		if err != nil {
			t.Fatalf("line %d: expected value %q: %v", c.line, c.expected, err)
		}
		if want.Dim != got.Dim {
			t.Errorf("line %d: %s.%s is %s, the expectation %s", c.line, c.preset, c.output, got.Dim.BaseUnit(), want.Dim.BaseUnit())
			continue
		}
		if math.Abs(got.Base-want.Base) > 1e-6*math.Abs(want.Base) {
			t.Errorf("line %d: %s %v %s = %s (%v), want %s (%v)  # %s",
				c.line, c.preset, c.sets, c.output, got.Display.Text, got.Base, c.expected, want.Base, c.why)
		}
		if len(c.sets) == 0 {
			covered[c.preset+"."+c.output] = true
		} else {
			moved[c.preset] = true
		}
	}
	// Every output of every preset has a hand-computed default, and every
	// preset one --set that moves an output.
	for _, name := range Presets() {
		s, err := cat.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range s.Outputs {
			if !covered[name+"."+o.Name] {
				t.Errorf("%s.%s has no hand-computed expectation", name, o.Name)
			}
		}
		if !moved[name] {
			t.Errorf("%s has no --set expectation", name)
		}
	}
}

// TestPresetContract checks the names scripts and compare rely on
// (scenarios-brief.md), and what every preset must carry.
func TestPresetContract(t *testing.T) {
	want := []struct {
		name    string
		chapter int
		inputs  string
		outputs string
	}{
		{"web-app", 1, "dau requests_per_user read_write request_size response_size peak_factor retention replication cache_share server_qps cache_hit",
			"qps read_qps write_qps peak_qps storage_per_day storage_total ingress egress cache_memory servers db_read_qps"},
		{"twitter", 2, "mau daily_share tweets_per_user media_share media_size tweet_id_size text_size retention peak_factor",
			"dau qps peak_qps storage_per_day storage_total text_storage_per_day"},
		{"rate-limiter", 4, "clients api_qps counter_size limit_per_window window previous_count current_count into_window redis_ops_per_node",
			"window_estimate counter_memory log_memory redis_qps redis_nodes"},
		{"consistent-hashing", 5, "keys servers virtual_nodes", "keys_moved share_moved modulo_share_moved ring_entries"},
		{"kv-store", 6, "keys pair_size n w r node_disk merkle_buckets qps", "storage_total nodes quorum_overlap keys_per_bucket"},
		{"unique-id", 7, "required_ids timestamp_bits datacenter_bits machine_bits sequence_bits id_size",
			"lifetime datacenters machines_per_datacenter ids_per_ms capacity headroom storage_per_day"},
		{"url-shortener", 8, "urls_per_day read_write retention url_size alphabet peak_factor",
			"write_qps read_qps qps peak_qps records storage_total hash_length cache_memory"},
		{"web-crawler", 9, "pages_per_month page_size retention peak_factor", "qps peak_qps storage_per_month storage_total ingress"},
		{"notification", 10, "push_per_day sms_per_day email_per_day push_size sms_size email_size log_retention peak_factor",
			"push_qps sms_qps email_qps qps peak_qps storage_per_day storage_total egress"},
		{"news-feed", 11, "dau friends average_friends posts_per_user feed_reads_per_user post_size feed_length id_size peak_factor",
			"write_qps read_qps qps peak_qps fanout_qps celebrity_fanout storage_per_day cache_memory"},
		{"chat", 12, "dau messages_per_user message_size group_limit concurrent_share connection_memory server_connections retention peak_factor",
			"qps peak_qps connections connection_memory_total servers storage_per_day storage_total group_fanout_qps"},
		{"autocomplete", 13, "dau searches_per_user query_size requests_per_search new_share peak_factor top_k latency_target",
			"qps peak_qps storage_per_day"},
		{"youtube", 14, "dau videos_watched uploaders video_size cdn_price peak_factor",
			"write_qps read_qps storage_per_day ingress egress cdn_cost_per_day cost_per_month"},
		{"google-drive", 15, "users dau quota uploads_per_user file_size read_write peak_factor",
			"allocated_storage write_qps read_qps peak_qps storage_per_day ingress"},
	}
	cat, err := Open(Options{UserDir: "-"})
	if err != nil {
		t.Fatal(err)
	}
	all, err := cat.LoadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(want) {
		t.Fatalf("%d presets, want %d", len(all), len(want))
	}
	for i, w := range want {
		s := all[i]
		if s.Name != w.name || s.Chapter != w.chapter {
			t.Errorf("preset %d is %s (ch. %d), want %s (ch. %d): list is in chapter order", i, s.Name, s.Chapter, w.name, w.chapter)
			continue
		}
		for _, in := range strings.Fields(w.inputs) {
			if _, ok := s.Input(in); !ok {
				t.Errorf("%s has no input %s", s.Name, in)
			}
		}
		for _, out := range strings.Fields(w.outputs) {
			if _, ok := s.Output(out); !ok {
				t.Errorf("%s has no output %s", s.Name, out)
			}
		}
		if !strings.Contains(s.Source, "ch. ") || s.Summary == "" || len(s.Questions) == 0 {
			t.Errorf("%s lacks a source chapter, a summary or clarifying questions", s.Name)
		}
		for _, o := range s.Outputs {
			if o.Help == "" {
				t.Errorf("%s.%s has no help", s.Name, o.Name)
			}
		}
	}
}

// BenchmarkLoadAndEvaluatePresets loads and evaluates every embedded preset,
// as `estimate list` and compare do.
func BenchmarkLoadAndEvaluatePresets(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		cat, err := Open(Options{UserDir: "-"})
		if err != nil {
			b.Fatal(err)
		}
		all, err := cat.LoadAll()
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range all {
			if _, err := s.Evaluate(nil, calc.FormatOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkEvalInto is one evaluation of the largest preset, the unit of
// work of a sweep.
func BenchmarkEvalInto(b *testing.B) {
	cat, _ := Open(Options{UserDir: "-"})
	s, err := cat.Load("web-app")
	if err != nil {
		b.Fatal(err)
	}
	vals := s.DefaultValues()
	b.ReportAllocs()
	for b.Loop() {
		if err := s.EvalInto(vals); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSections prices the latency and availability sections by hand.
func TestSections(t *testing.T) {
	cat, _ := Open(Options{UserDir: "-"})
	eval := func(name string, sets ...string) *Result {
		s, err := cat.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		settings, err := s.Set(sets)
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.Evaluate(settings, calc.FormatOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	// url-shortener: 2 datacenter round trips (2 × 500 µs) + 10 memory
	// references (10 × 100 ns) + 1 disk seek (10 ms) = 11.001 ms ≤ 50 ms.
	if l := eval("url-shortener").Latency; !closeTo(l.Total, 11.001e-3) || !l.Meets {
		t.Errorf("url-shortener latency = %v s (meets %v), want 0.011001 s, met", l.Total, l.Meets)
	}
	// chat: 3 × 500 µs + 10 ms + 150 ms = 161.5 ms ≤ 500 ms.
	if l := eval("chat").Latency; !closeTo(l.Total, 161.5e-3) || !l.Meets {
		t.Errorf("chat latency = %v s, want 0.1615 s", l.Total)
	}
	// web-app: load balancer 99.99% × web servers (servers + 1 = 2 replicas
	// of 99.5%: 1 − 0.005² = 0.999975) × cache (1 − 0.001² = 0.999999) ×
	// database (3 replicas of 99.95%: 1 − 0.0005³) = 0.99987400…
	want := 0.9999 * (1 - 0.005*0.005) * (1 - 0.001*0.001) * (1 - 0.0005*0.0005*0.0005)
	a := eval("web-app").Availability
	if !closeTo(a.Composite, want) || !a.Meets {
		t.Errorf("web-app availability = %v (meets %v), want %v, met", a.Composite, a.Meets, want)
	}
	// Downtime a month with the table's month (365.25 / 12 days): about 5.5 min.
	if !closeTo(a.DowntimeMonth, (1-want)*365.25*86400/12) {
		t.Errorf("downtime per month = %v s", a.DowntimeMonth)
	}
	// Replicas follow the formula: at 10M users, peak is 4,630/s, so
	// 5 servers + 1 spare: the web tier becomes 1 − 0.005⁶.
	b := eval("web-app", "dau=10M").Availability
	if got := b.Components[1].Replicas; got != 6 {
		t.Errorf("web server replicas at 10M users = %v, want 6", got)
	}
}
