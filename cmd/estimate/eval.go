package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/estimate-dev/estimate/calc"
	"github.com/estimate-dev/estimate/report"
	"github.com/spf13/cobra"
)

const evalExamples = `  estimate eval '300M * 50% * 2 / day to 1/s'      # 3,472 /s
  estimate eval '5M * 10% * 300 MB / day to TB/day'  # 150 TB/day
  estimate eval '1 GiB to bytes'                     # 1,073,741,824 bytes
  estimate eval 'ceil(log(365B, 62))'                # 7
  estimate eval --binary '5 TB'                      # 4.55 TiB
  estimate eval -o json '150 TB/day to Gbps'

  # Batch: one expression per line on stdin, one result per line on stdout
  estimate eval < conversions.txt`

// evalOptions are the flags of estimate eval.
type evalOptions struct {
	output string
	to     string
	binary bool
	digits int
}

func newEvalCmd(s *streams) *cobra.Command {
	var opts evalOptions
	cmd := &cobra.Command{
		Use:   "eval [EXPR]",
		Short: "Evaluate a units-aware expression",
		Long: `Evaluate an expression such as '5M * 10% * 300 MB/day to TB/day'.

Numbers take count suffixes (5M, 1.5B, 100K) and words (300 million); 10% is
0.1; $0.02 is money. Units: bytes (KB MB GB TB PB, KiB MiB GiB …), bits (Mbit,
Gbps), time (ms s min h day week month year) and money ($, USD). A bare B is
never bytes: 1B is a billion. Convert at the end with "to", "in" or "->".
Functions: ceil floor round abs sqrt ln log2 log10 log(x, base) min max.

With no expression and a pipe or file on stdin, eval reads one expression per
line and prints one result per line; a bad line is reported on stderr with
its line number, the others still print, and the exit status is then 1.`,
		Example: evalExamples,
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.validate(); err != nil {
				return err
			}
			if len(args) > 0 {
				return evalOne(s.out, strings.Join(args, " "), opts)
			}
			if f, ok := s.in.(*os.File); ok && term.IsTerminal(f.Fd()) {
				return usagef("eval needs an expression, e.g. estimate eval '5M * 300 MB to TB'")
			}
			return evalBatch(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "text", "output format: text or json")
	cmd.Flags().StringVar(&opts.to, "to", "", "show the result in this unit (like ending the expression with \"to UNIT\")")
	cmd.Flags().BoolVar(&opts.binary, "binary", false, "use binary prefixes (KiB, MiB, GiB) for bytes")
	cmd.Flags().IntVar(&opts.digits, "digits", calc.DefaultDigits, "significant digits to show")
	_ = cmd.RegisterFlagCompletionFunc("output", fixedCompletions("text", "json"))
	_ = cmd.RegisterFlagCompletionFunc("to", fixedCompletions("TB/day", "GB/s", "Gbps", "/s", "years", "bytes", "$/month"))
	return cmd
}

func (o evalOptions) validate() error {
	switch o.output {
	case "text", "json":
	default:
		return usagef("unknown output format %q for eval: use text or json", o.output)
	}
	if o.digits < 1 || o.digits > calc.MaxDigits {
		return usagef("--digits must be between 1 and %d, not %d", calc.MaxDigits, o.digits)
	}
	return nil
}

func fixedCompletions(values ...string) func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// evalResult is the JSON shape of one evaluated expression (README § JSON).
type evalResult struct {
	Expr string `json:"expr"`
	report.Quantity
}

// evaluate computes one expression, applying --to when given.
func evaluate(src string, opts evalOptions) (evalResult, error) {
	if opts.to != "" {
		src = src + " to " + opts.to
	}
	r, err := calc.Evaluate(src)
	if err != nil {
		return evalResult{}, err
	}
	d := r.Show(calc.FormatOptions{Digits: opts.digits, Binary: opts.binary})
	res := evalResult{Expr: src, Quantity: report.Quantity{Value: d.Value, Unit: d.Unit, Text: d.Text, Base: r.Base}}
	if opts.output == "json" { // only JSON shows it; batch text mode skips the work
		res.BaseUnit = r.Dim.BaseUnit()
	}
	return res, nil
}

func evalOne(w io.Writer, src string, opts evalOptions) error {
	res, err := evaluate(src, opts)
	if err != nil {
		return err
	}
	return writeEvalResult(w, res, opts.output)
}

func writeEvalResult(w io.Writer, res evalResult, format string) error {
	if format == "json" {
		b, err := json.Marshal(res)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	}
	if bw, ok := w.(*bufio.Writer); ok { // batch mode: no string to build per line
		bw.WriteString(res.Text)
		return bw.WriteByte('\n')
	}
	_, err := io.WriteString(w, res.Text+"\n")
	return err
}

// evalBatch evaluates one expression per line of stdin. Blank lines and lines
// starting with "#" are skipped. Bad lines are reported on stderr with their
// line numbers; the rest still print, and the status is then 1.
//
// Lines are taken in batches of those already read, at most batchSize, and a
// large batch is evaluated on every core (evaluateBatch); results and errors
// are then written in the lines' order, so the output is as if the lines had
// been evaluated one by one. A batch never waits for more input than it has:
// when no whole line is buffered, what has been computed is written and
// flushed before reading on, so a program feeding lines one at a time gets
// each answer as it asks.
func evalBatch(s *streams, opts evalOptions) error {
	in := lineReader{r: bufio.NewReaderSize(s.in, 64*1024), limit: calc.MaxLength}
	out := bufio.NewWriterSize(s.out, 64*1024)
	errOut := colorprofile.NewWriter(s.err, os.Environ())
	st := newErrorStyles()
	failed, total, lineNo := 0, 0, 0
	batch := make([]batchLine, 0, batchSize)
	for more := true; more; {
		batch = batch[:0]
		for len(batch) < batchSize && (len(batch) == 0 || in.ready()) {
			if !in.next() {
				more = false
				break
			}
			lineNo++
			line := strings.TrimSpace(in.line)
			if !in.tooLong && (line == "" || strings.HasPrefix(line, "#")) {
				continue
			}
			batch = append(batch, batchLine{lineNo: lineNo, text: line, tooLong: in.tooLong})
		}
		evaluateBatch(batch, opts)
		for _, b := range batch {
			total++
			if b.err != nil {
				failed++
				_ = out.Flush() // keep stdout and stderr in order on a terminal
				reportLineError(errOut, st, b.lineNo, b.err)
				continue
			}
			if err := writeEvalResult(out, b.res, opts.output); err != nil {
				return err
			}
		}
		if !in.ready() {
			if err := out.Flush(); err != nil {
				return err
			}
		}
	}
	if in.err != nil {
		return fmt.Errorf("reading stdin: %w", in.err)
	}
	if failed > 0 {
		fmt.Fprintf(errOut, "%d of %s failed\n", failed, plural(total, "expression"))
		return &silentError{status: 1}
	}
	return nil
}

// batchLine is one expression of a batch, with its line number, and then
// its result or error.
type batchLine struct {
	lineNo  int
	text    string
	tooLong bool
	res     evalResult
	err     error
}

// batchSize is the most lines evaluated together, and parallelFrom the
// fewest lines worth a goroutine of their own: below it, starting one costs
// more than evaluating them (a line takes about 0.7 µs).
const (
	batchSize    = 4096
	parallelFrom = 256
)

// evaluateBatch evaluates every line of a batch, splitting a large one into
// as many contiguous parts as there are cores. Each part writes only its
// own lines, and calc keeps no state between evaluations, so the parts
// share nothing.
func evaluateBatch(batch []batchLine, opts evalOptions) {
	parts := min(runtime.GOMAXPROCS(0), len(batch)/parallelFrom)
	if parts <= 1 {
		evaluateLines(batch, opts)
		return
	}
	size := (len(batch) + parts - 1) / parts
	var wg sync.WaitGroup
	for start := 0; start < len(batch); start += size {
		part := batch[start:min(start+size, len(batch))]
		wg.Go(func() { evaluateLines(part, opts) })
	}
	wg.Wait()
}

// evaluateLines evaluates lines one after another.
func evaluateLines(lines []batchLine, opts evalOptions) {
	for i := range lines {
		b := &lines[i]
		if b.tooLong {
			b.err = fmt.Errorf("the line is longer than %s bytes, the most an expression may be; split it into smaller expressions",
				calc.GroupDigits(calc.MaxLength))
			continue
		}
		b.res, b.err = evaluate(b.text, opts)
	}
}

// lineReader reads stdin a line at a time. A line longer than limit is
// read to its end but not kept, so that one huge line is an error on its
// own line and the lines after it are still read.
type lineReader struct {
	r       *bufio.Reader
	limit   int
	line    string
	tooLong bool
	err     error
}

// ready reports whether a whole line is already buffered, so that reading
// it will not wait for whoever writes to stdin.
func (l *lineReader) ready() bool {
	n := l.r.Buffered()
	if n == 0 {
		return false
	}
	buffered, _ := l.r.Peek(n) // never blocks: n bytes are buffered
	return bytes.IndexByte(buffered, '\n') >= 0
}

// next reads the next line, without its line ending, and reports whether
// there was one.
func (l *lineReader) next() bool {
	l.line, l.tooLong = "", false
	size := 0
	for {
		chunk, err := l.r.ReadSlice('\n')
		size += len(chunk)
		if err == bufio.ErrBufferFull {
			continue // a line longer than the reader's buffer: count it, keep none
		}
		if size == len(chunk) {
			l.line = string(chunk) // the common case: one allocation a line
		}
		line := strings.TrimSuffix(strings.TrimSuffix(l.line, "\n"), "\r")
		ending := len(l.line) - len(line)
		if size == len(chunk) {
			l.line = line
		} else {
			ending = 0
			if strings.HasSuffix(string(chunk), "\n") {
				ending = 1
			}
		}
		l.tooLong = size-ending > l.limit
		if l.tooLong {
			l.line = ""
		}
		if err != nil && err != io.EOF {
			l.err = err
		}
		return err == nil || size > 0
	}
}

func reportLineError(w io.Writer, st errorStyles, lineNo int, err error) {
	if ce, ok := err.(*calc.Error); ok {
		writeCalcError(w, st, "line "+strconv.Itoa(lineNo)+", ", ce)
		return
	}
	fmt.Fprintf(w, "%s line %d: %v\n", st.label.Render("Error:"), lineNo, err)
}

// plural writes a count with its noun: "1 line", "3 lines".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
