package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/estimate-dev/estimate/calc"
)

// runCLIWithStdin is runCLI with stdin given: eval reads a batch from it.
func runCLIWithStdin(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("NO_COLOR", "1")
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestEvalCommand(t *testing.T) {
	checkCLICases(t, []cliCase{
		// DESIGN's example: 5M × 10% × 300 MB a day = 150 TB a day.
		{"one expression", []string{"eval", "5M * 10% * 300 MB/day to TB/day"}, 0, "150 TB/day\n", ""},
		{"words joined", []string{"eval", "1", "GiB", "to", "bytes"}, 0, "1,073,741,824 bytes", ""},
		{"--to", []string{"eval", "--to", "Gbps", "150 TB/day"}, 0, "13.9 Gbps", ""},
		// 5 TB = 5e12 / 2^40 TiB = 4.547 TiB.
		{"--binary", []string{"eval", "--binary", "5 TB"}, 0, "4.55 TiB", ""},
		{"--digits", []string{"eval", "--digits", "6", "150 TB/day to Gbps"}, 0, "13.8889 Gbps", ""},
		{"mismatch", []string{"eval", "10 MB + 5 ms"}, 1, "", "col 7: cannot add information (10 MB) and time (5 ms)"},
		{"second decimal point", []string{"eval", "1.2.3"}, 1, "", "second decimal point"},
		{"overflowing conversion", []string{"eval", "1e308 bytes to bits"}, 1, "", "overflow"},
		{"bad --digits", []string{"eval", "--digits", "abc", "1"}, 2, "", `--digits takes a whole number, such as 4, not "abc"`},
		{"bad -o", []string{"eval", "-o", "yaml", "1"}, 2, "", "yaml"},
	})
}

// TestEvalJSON: one object with the fields DESIGN.md names, the value in
// the unit shown and in base units.
func TestEvalJSON(t *testing.T) {
	code, out, errOut := runCLI(t, "eval", "-o", "json", "150 TB/day to Gbps")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Expr, Unit, Text, BaseUnit string
		Value, Base                float64
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	// 150 TB a day is 150e12 / 86,400 = 1.736e9 bytes a second, 13.89 Gbps.
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Abs(b) }
	if got.Unit != "Gbps" || got.Text != "13.9 Gbps" || !near(got.Base, 150e12/86400) || !near(got.Value, 150e12*8/86400/1e9) {
		t.Errorf("eval -o json = %+v", got)
	}
}

// TestEvalBatch: a line at a time; blank lines and comments are skipped,
// CRLF endings read as LF; a bad line is reported with its line number
// and the rest still print, with exit status 1. A line too long to keep is
// an error on its line, and the lines after it are still read.
func TestEvalBatch(t *testing.T) {
	tests := []struct {
		name, stdin  string
		args         []string
		code         int
		stdout       string // all of it
		stderrHas    []string
		stderrHasNot string
	}{
		{"good lines", "1 + 1\n\n# a comment\n2 KB * 3\n", nil, 0, "2\n6 KB\n", nil, "Error"},
		{"CRLF and no final newline", "1 + 1\r\n3 * 3", nil, 0, "2\n9\n", nil, "Error"},
		{"a bad line", "1 + 1\n10 MB + 5 ms\n2 + 2\n", nil, 1, "2\n4\n",
			[]string{"line 2, col 7: cannot add", "1 of 3 expressions failed"}, ""},
		{"a huge line", "1 + 1\n" + strings.Repeat("1", 70_000) + "\n2 + 2\n", nil, 1, "2\n4\n",
			[]string{"line 2: the line is longer than 4,096 bytes"}, ""},
		{"json lines", "1 + 1\n2 KB\n", []string{"-o", "json"}, 0,
			`{"expr":"1 + 1","value":2,"unit":"","text":"2","base":2,"base_unit":""}` + "\n" +
				`{"expr":"2 KB","value":2,"unit":"KB","text":"2 KB","base":2000,"base_unit":"byte"}` + "\n", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLIWithStdin(t, tt.stdin, append([]string{"eval"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.code, errOut)
			}
			if out != tt.stdout {
				t.Errorf("stdout = %q, want %q", out, tt.stdout)
			}
			for _, want := range tt.stderrHas {
				if !strings.Contains(errOut, want) {
					t.Errorf("stderr lacks %q:\n%.1000s", want, errOut)
				}
			}
			if tt.stderrHasNot != "" && strings.Contains(errOut, tt.stderrHasNot) {
				t.Errorf("stderr has %q:\n%.1000s", tt.stderrHasNot, errOut)
			}
		})
	}
}

// TestEvalBatchInOrder: a batch large enough to be evaluated on every core
// still prints its results in the lines' order and reports each bad line
// with its own number. Line i (from 1) is "i bytes to bytes", which shows
// as i bytes with its digits grouped ("1 byte" for the first); every 500th
// line is "i bytes + 1 s", an error.
func TestEvalBatchInOrder(t *testing.T) {
	const lines = 5 * batchSize / 2 // three batches, two of them split
	var in, want strings.Builder
	wantErrors := 0
	for i := 1; i <= lines; i++ {
		if i%500 == 0 {
			fmt.Fprintf(&in, "%d bytes + 1 s\n", i)
			wantErrors++
			continue
		}
		fmt.Fprintf(&in, "%d bytes to bytes\n", i)
		if i == 1 {
			want.WriteString("1 byte\n")
			continue
		}
		fmt.Fprintf(&want, "%s bytes\n", calc.GroupDigits(int64(i)))
	}
	code, stdout, stderr := runCLIWithStdin(t, in.String(), "eval", "--digits", "17")
	if code != 1 {
		t.Errorf("exit status %d, want 1 (some lines are bad)", code)
	}
	if stdout != want.String() {
		t.Errorf("the results are not in the lines' order; first difference near %q", firstDifference(stdout, want.String()))
	}
	for i := 500; i <= lines; i += 500 {
		if !strings.Contains(stderr, fmt.Sprintf("line %d, col", i)) {
			t.Errorf("stderr does not report line %d", i)
		}
	}
	if !strings.Contains(stderr, fmt.Sprintf("%d of %d expressions failed", wantErrors, lines)) {
		t.Errorf("stderr lacks the count of failures:\n%s", stderr[max(len(stderr)-200, 0):])
	}
}

// TestEvalBatchAnswersEachLine: a program that writes a line and waits for
// its answer before writing the next gets it; the batch does not sit on a
// result until more input or the end comes.
func TestEvalBatchAnswersEachLine(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(context.Background(), []string{"eval"}, inR, outW, io.Discard)
		outW.Close()
	}()
	answers := bufio.NewReader(outR)
	for _, c := range []struct{ ask, answer string }{
		{"1 KB to bytes", "1,000 bytes"},
		{"2 GiB to bytes", "2,147,483,648 bytes"},
	} {
		if _, err := io.WriteString(inW, c.ask+"\n"); err != nil {
			t.Fatal(err)
		}
		got := make(chan string, 1)
		go func() { line, _ := answers.ReadString('\n'); got <- line }()
		select {
		case line := <-got:
			if line != c.answer+"\n" {
				t.Fatalf("%q: got %q, want %q", c.ask, line, c.answer)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no answer to %q while the input stays open", c.ask)
		}
	}
	inW.Close()
	if code := <-done; code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
}

// firstDifference is a little of got from where it first differs from want.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	return got[i:min(i+40, len(got))]
}

// BenchmarkEvalBatch is batch mode on 20,000 conversions of the kind
// scripts/bench-batch.sh times (sizes, rates and durations, each converted),
// read from stdin and written to stdout, without the process start-up.
func BenchmarkEvalBatch(b *testing.B) {
	conversions := []string{"46421.7 GiB to TB", "60095.12 TB/day to MB/s", "20959 Mbit to bytes", "250000 MB to TB", "37.5 hours to min"}
	var in strings.Builder
	for i := range 20000 {
		in.WriteString(conversions[i%len(conversions)])
		in.WriteByte('\n')
	}
	input := in.String()
	b.ReportAllocs()
	for b.Loop() {
		if code := run(context.Background(), []string{"eval"}, strings.NewReader(input), io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit status %d", code)
		}
	}
	b.ReportMetric(float64(20000*b.N)/b.Elapsed().Seconds(), "lines/s")
}
