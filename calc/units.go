package calc

import (
	"slices"
	"sort"
	"strings"
)

// A prefix scales a unit: "M" in "MB" multiplies by a million.
type prefix struct {
	symbol string
	factor float64
}

// Prefixes are data, not code paths: a prefixable unit lists which sets it
// takes, and the unit table is built from the product at start-up.
var (
	metricPrefixes = []prefix{
		{"k", 1e3}, {"K", 1e3}, {"M", 1e6}, {"G", 1e9}, {"T", 1e12}, {"P", 1e15}, {"E", 1e18},
	}
	binaryPrefixes = []prefix{
		{"Ki", 1 << 10}, {"Mi", 1 << 20}, {"Gi", 1 << 30}, {"Ti", 1 << 40}, {"Pi", 1 << 50}, {"Ei", 1 << 60},
	}
)

// Time conventions, as the book computes: a month is 30 days and a year 365.
const (
	secondsPerDay   = 86400
	secondsPerMonth = 30 * secondsPerDay
	secondsPerYear  = 365 * secondsPerDay
)

// The calendar conventions in words, for every place results are shown
// (text footers, JSON "conventions"). The availability table's year is the
// book's nines table's (tables.go).
const (
	ConventionMonth            = "30 days"
	ConventionYear             = "365 days"
	ConventionAvailabilityYear = "365.25 days"
)

// unitDef is one unit spelling and what it means in base units.
type unitDef struct {
	names    []string
	factor   float64
	dim      Dim
	prefixes [][]prefix // prefix sets the names also take, if any
	bare     bool       // whether a name may stand without a prefix
	sugar    bool       // a word that only reads well ("users", "qps"); a scope's names may shadow it
}

var unitDefs = []unitDef{
	// Information. "B" only ever appears with a prefix: a bare B is billion.
	{names: []string{"B"}, factor: 1, dim: Bytes, prefixes: [][]prefix{metricPrefixes, binaryPrefixes}},
	{names: []string{"byte", "bytes"}, factor: 1, dim: Bytes, bare: true},
	{names: []string{"bit", "bits"}, factor: 1.0 / 8, dim: Bytes, bare: true, prefixes: [][]prefix{metricPrefixes}},
	{names: []string{"bps"}, factor: 1.0 / 8, dim: BytesPerSec, bare: true, prefixes: [][]prefix{metricPrefixes}},

	// Time.
	{names: []string{"ns"}, factor: 1e-9, dim: Seconds, bare: true},
	{names: []string{"us", "µs", "μs"}, factor: 1e-6, dim: Seconds, bare: true},
	{names: []string{"ms"}, factor: 1e-3, dim: Seconds, bare: true},
	{names: []string{"s", "sec", "secs", "second", "seconds"}, factor: 1, dim: Seconds, bare: true},
	{names: []string{"min", "mins", "minute", "minutes"}, factor: 60, dim: Seconds, bare: true},
	{names: []string{"h", "hr", "hrs", "hour", "hours"}, factor: 3600, dim: Seconds, bare: true},
	{names: []string{"day", "days"}, factor: secondsPerDay, dim: Seconds, bare: true},
	{names: []string{"week", "weeks"}, factor: 7 * secondsPerDay, dim: Seconds, bare: true},
	{names: []string{"month", "months"}, factor: secondsPerMonth, dim: Seconds, bare: true},
	{names: []string{"year", "years", "yr", "yrs"}, factor: secondsPerYear, dim: Seconds, bare: true},

	// Money.
	{names: []string{"$", "USD", "usd", "dollar", "dollars"}, factor: 1, dim: Dollars, bare: true},

	// Count words and nouns: they mean a plain number and only read well.
	{names: []string{"thousand"}, factor: 1e3, bare: true},
	{names: []string{"million"}, factor: 1e6, bare: true},
	{names: []string{"billion"}, factor: 1e9, bare: true},
	{names: []string{"trillion"}, factor: 1e12, bare: true},
	{names: []string{"percent"}, factor: 0.01, bare: true},
	{names: []string{"req", "reqs", "request", "requests", "query", "queries", "user", "users", "msg", "msgs", "message", "messages"}, factor: 1, bare: true, sugar: true},
	{names: []string{"qps", "rps"}, factor: 1, dim: PerSecond, bare: true, sugar: true},
}

// unitValue is a resolved unit: its size in base units and its dimension.
type unitValue struct {
	factor float64
	dim    Dim
	sugar  bool
}

var unitTable = buildUnitTable()

func buildUnitTable() map[string]unitValue {
	table := make(map[string]unitValue)
	for _, def := range unitDefs {
		for _, name := range def.names {
			if def.bare {
				table[name] = unitValue{def.factor, def.dim, def.sugar}
			}
			for _, set := range def.prefixes {
				for _, p := range set {
					table[p.symbol+name] = unitValue{p.factor * def.factor, def.dim, def.sugar}
				}
			}
		}
	}
	return table
}

// lookupUnit finds a unit by its exact spelling.
func lookupUnit(name string) (unitValue, bool) {
	u, ok := unitTable[name]
	return u, ok
}

// IsUnitName reports whether name is a unit spelling, so that the scenario
// loader can refuse input names that would read as units.
func IsUnitName(name string) bool {
	_, ok := unitTable[name]
	return ok || name == "B"
}

// isSugar reports whether name is a unit that only reads well: the count
// nouns ("users" means 1) and "qps". A scenario's own names may shadow them:
// "users" is an input of google-drive, and "qps" a standard output.
func isSugar(name string) bool {
	u, ok := unitTable[name]
	return ok && u.sugar
}

// ambiguousUnits are spellings a person types that could mean bits or bytes,
// or milli-units. They are refused with a suggestion, never guessed.
var ambiguousUnits = map[string]string{
	"b":    `"b" is ambiguous: write "bytes" or "bits"`,
	"kb":   `did you mean "KB" (kilobytes) or "Kbit" (kilobits)?`,
	"Kb":   `did you mean "KB" (kilobytes) or "Kbit" (kilobits)?`,
	"mb":   `did you mean "MB" (megabytes) or "Mbit" (megabits)?`,
	"Mb":   `did you mean "MB" (megabytes) or "Mbit" (megabits)?`,
	"gb":   `did you mean "GB" (gigabytes) or "Gbit" (gigabits)?`,
	"Gb":   `did you mean "GB" (gigabytes) or "Gbit" (gigabits)?`,
	"tb":   `did you mean "TB" (terabytes) or "Tbit" (terabits)?`,
	"Tb":   `did you mean "TB" (terabytes) or "Tbit" (terabits)?`,
	"pb":   `did you mean "PB" (petabytes)?`,
	"eb":   `did you mean "EB" (exabytes)?`,
	"kib":  `did you mean "KiB" (kibibytes)?`,
	"mib":  `did you mean "MiB" (mebibytes)?`,
	"gib":  `did you mean "GiB" (gibibytes)?`,
	"tib":  `did you mean "TiB" (tebibytes)?`,
	"kbps": `did you mean "Kbps" (kilobits per second)?`,
	"mbps": `did you mean "Mbps" (megabits per second)?`,
	"gbps": `did you mean "Gbps" (gigabits per second)?`,
	"tbps": `did you mean "Tbps" (terabits per second)?`,
	"MBps": `write "MB/s" for megabytes per second, or "Mbps" for megabits per second`,
	"GBps": `write "GB/s" for gigabytes per second, or "Gbps" for gigabits per second`,
	"KBps": `write "KB/s" for kilobytes per second, or "Kbps" for kilobits per second`,
	"M":    `"M" means million only when attached to a number ("5M"); write "million" or "MB"`,
	"K":    `"K" means thousand only when attached to a number ("5K"); write "thousand" or "KB"`,
	"k":    `"k" means thousand only when attached to a number ("5k"); write "thousand" or "KB"`,
	"T":    `"T" means trillion only when attached to a number ("5T"); write "trillion" or "TB"`,
	"bn":   `"bn" means billion only when attached to a number ("5bn"); write "billion"`,
	"S":    `did you mean "s" (seconds)?`,
	"m":    `"m" is ambiguous: write "min" for minutes or "ms" for milliseconds`,
	"d":    `write "day" or "days"`,
	"y":    `write "year" or "years"`,
}

// suggest returns the known names closest to name, best first, for "did you
// mean" hints: unit spellings, function names and a scope's own names.
func suggest(name string, scopeNames []string) []string {
	candidates := make([]string, 0, len(unitTable)+len(functions)+len(scopeNames))
	for c := range unitTable {
		candidates = append(candidates, c)
	}
	for c := range functions {
		candidates = append(candidates, c)
	}
	candidates = append(candidates, scopeNames...)
	sort.Strings(candidates) // map order must not decide ties
	return Suggest(name, slices.Compact(candidates))
}

// Suggest returns the names in candidates closest to name by edit distance,
// best first, at most three; other packages use it for "did you mean" hints.
func Suggest(name string, candidates []string) []string {
	if len(name) > maxSuggestLen {
		return nil // no name is that long, and the distance costs len² per candidate
	}
	type scored struct {
		name string
		dist int
	}
	var best []scored
	for _, c := range candidates {
		// Close enough, and not a different word altogether: "x" is no
		// typo of "s", though one edit away.
		d := editDistance(strings.ToLower(name), strings.ToLower(c))
		if d <= 1+len(name)/3 && d < len(name) {
			best = append(best, scored{c, d})
		}
	}
	sort.SliceStable(best, func(i, j int) bool { return best[i].dist < best[j].dist })
	var out []string
	for i := 0; i < len(best) && i < 3; i++ {
		out = append(out, best[i].name)
	}
	return out
}

// maxSuggestLen bounds the names Suggest looks at.
const maxSuggestLen = 40

// editDistance is the Levenshtein distance between a and b, by runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
