#!/usr/bin/env bash
# bench-batch.sh: batch-mode throughput of `estimate eval` against GNU units.
#
# Usage: scripts/bench-batch.sh [-n COUNT] [-r RUNS] [-a] [-k] [-s]
#   -n COUNT  conversions to generate (default 20000)
#   -r RUNS   timed runs per tool (default 5, after one warm-up run)
#   -a        compare the two tools' results on every conversion, not 20
#   -k        keep the work directory (input files, hyperfine JSON) and print it
#   -s        build a static binary (CGO_ENABLED=0), as release builds are,
#             instead of what plain `go build` gives on this machine
#
# It generates COUNT varied conversions deterministically (a Park-Miller
# generator with a fixed seed, so every run times the same input): byte sizes
# (bytes, kB, MB, GB, TB, PB, KiB, MiB, GiB, TiB), bits (Mbit, Gbit), durations
# (ms, s, min, hours, days, weeks) and rates (bytes/s, MB/s, GB/day, Mbps,
# Gbit/s ...). The same list is written twice:
#   estimate.txt  one "EXPR to UNIT" per line, for `estimate eval` (batch mode)
#   units.txt     two lines per conversion, "You have" then "You want", for
#                 `units -t` (GNU units' terse mode reading stdin)
# It builds estimate once (go build -o /tmp/estimate-bench ./cmd/estimate;
# with -s, CGO_ENABLED=0: plain `go build` links cgo where gcc is present,
# because pflag imports net, and a cgo binary starts about 0.5 ms slower),
# checks that the two tools agree numerically on a sample of 20 conversions
# (or all, with -a; estimate with --digits 17, units with -o %.17g, to a
# relative 1e-9), printing any disagreement, then times both in one hyperfine
# run and prints conversions per second for each and the ratio. "Lines per
# second" means result lines, one per conversion, for both tools (units reads
# two input lines per conversion). The exit status is 1 if the tools
# disagree.
#
# hyperfine 1.15 (Debian 12) has no --input, so each command reads its file
# through a shell redirection; hyperfine measures and subtracts the shell's
# own start-up. Timings on a shared machine vary from run to run: compare
# figures from one run, and repeat it (-r 20) when they matter.
#
# Only units that mean the same in both tools are used. GNU units differs from
# estimate in: "KB" (unknown to units; kB is used), "h" (Planck's constant in
# units; "hours" is used), "B" (a byte in units, a billion in estimate; never
# used), month and year (30.44 and 365.24 days in units, 30 and 365 in
# estimate; never used).
#
# Needs: go, GNU units and hyperfine (Debian: apt-get install -y units
# hyperfine), awk. No network access.
set -euo pipefail

count=20000
runs=5
keep=0
all=0
cgo=default
while getopts "n:r:aksh" opt; do
	case $opt in
	n) count=$OPTARG ;;
	r) runs=$OPTARG ;;
	a) all=1 ;;
	k) keep=1 ;;
	s) cgo=0 ;;
	h)
		sed -n '2,10s/^# \{0,1\}//p' "$0"
		exit 0
		;;
	*)
		echo "usage: $0 [-n COUNT] [-r RUNS] [-a] [-k] [-s]" >&2
		exit 2
		;;
	esac
done
case $count in '' | *[!0-9]* | 0) echo "bench-batch: -n wants a positive number, not '$count'" >&2; exit 2 ;; esac
case $runs in '' | *[!0-9]* | 0) echo "bench-batch: -r wants a positive number, not '$runs'" >&2; exit 2 ;; esac

missing=0
for tool in units hyperfine go awk; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		case $tool in
		units | hyperfine) echo "bench-batch: '$tool' is not installed; install it with: sudo apt-get install -y $tool (Debian/Ubuntu package '$tool')" >&2 ;;
		go) echo "bench-batch: 'go' is not installed or not on PATH; see https://go.dev/dl/" >&2 ;;
		*) echo "bench-batch: '$tool' is not installed" >&2 ;;
		esac
		missing=1
	fi
done
if [ "$missing" = 1 ]; then exit 1; fi
if ! units --version 2>/dev/null | grep -q 'GNU Units'; then
	echo "bench-batch: 'units' on PATH is not GNU units; install it with: sudo apt-get install -y units" >&2
	exit 1
fi

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-batch.XXXXXX")
if [ "$keep" = 1 ]; then
	echo "work directory: $work"
else
	trap 'rm -rf "$work"' EXIT
fi
bin=/tmp/estimate-bench

if [ "$cgo" = 0 ]; then
	echo "== building estimate (static: CGO_ENABLED=0)"
	(cd "$root" && CGO_ENABLED=0 go build -o "$bin" ./cmd/estimate)
else
	echo "== building estimate (go build as it is: CGO_ENABLED=$(go env CGO_ENABLED))"
	(cd "$root" && go build -o "$bin" ./cmd/estimate)
fi

echo "== generating $count conversions"
# Each kind is "FROM-UNITS|TO-UNITS|SCALE": a random number in [0, SCALE) with
# 0-2 decimals is paired with a random from-unit and a random to-unit of the
# same dimension.
awk -v n="$count" -v est="$work/estimate.txt" -v un="$work/units.txt" '
function rnd(m) { seed = (seed * 16807) % 2147483647; return seed % m }
function pick(list,   a, k) { k = split(list, a, " "); return a[rnd(k) + 1] }
BEGIN {
	seed = 20240601
	kinds[0] = "bytes kB MB GB KiB MiB|bytes kB MB KiB MiB|1000000"
	kinds[1] = "MB GB TB PB GiB TiB|MB GB TB PB GiB TiB|100000"
	kinds[2] = "Mbit Gbit|MB GB bytes|100000"
	kinds[3] = "ms s min|ms s min|1000000"
	kinds[4] = "s min hours days weeks|s min hours days weeks|10000"
	kinds[5] = "bytes/s kB/s MB/s|MB/s GB/s bytes/s|10000000"
	kinds[6] = "Mbps Gbps Mbit/s Gbit/s|MB/s GB/s bytes/s|100000"
	kinds[7] = "GB/day TB/day MB/hour|MB/s GB/s|100000"
	kinds[8] = "MB/s GB/s|GB/day TB/day TB/week|10000"
	nk = 9
	for (i = 0; i < n; i++) {
		split(kinds[rnd(nk)], k, "|")
		from = pick(k[1]); to = pick(k[2])
		num = rnd(k[3]) + 1
		d = rnd(3)
		if (d == 1) num = num "." rnd(10)
		else if (d == 2) num = num "." sprintf("%02d", rnd(100))
		print num " " from " to " to > est
		print num " " from "\n" to > un
	}
}'
wc -l "$work/estimate.txt" "$work/units.txt" | sed 's/^/   /'

sample=20
if [ "$all" = 1 ] || [ "$count" -lt 20 ]; then sample=$count; fi
echo "== checking that both tools agree on $sample conversions"
# Every (count/sample)th conversion; estimate with 17 digits, units with %.17g.
step=$((count / sample))
awk -v s="$step" '(NR - 1) % s == 0' "$work/estimate.txt" | head -n "$sample" >"$work/sample.txt"
awk '{ split($0, p, / to /); print p[1]; print p[2] }' "$work/sample.txt" >"$work/sample-units.txt"
"$bin" eval --digits 17 <"$work/sample.txt" >"$work/sample-estimate.out"
units -t -o %.17g <"$work/sample-units.txt" >"$work/sample-units.out"
status=0
paste -d '|' "$work/sample.txt" "$work/sample-estimate.out" "$work/sample-units.out" | awk -F'|' -v want="$sample" '
function abs(x) { return x < 0 ? -x : x }
{
	e = $2; sub(/ .*/, "", e); gsub(/,/, "", e); u = $3
	if (u !~ /^-?[0-9.]+(e[-+]?[0-9]+)?$/ || e !~ /^-?[0-9.]+(e[-+]?[0-9]+)?$/) bad = 1
	else {
		rel = u == 0 ? abs(e) : abs(e - u) / abs(u)
		if (rel > worst) worst = rel
		bad = rel > 1e-9
	}
	if (bad) { printf "   DISAGREE: %s\n      estimate: %s\n      units:    %s\n", $1, $2, $3; n++ }
	else ok++
}
END {
	printf "   %d of %d agree (largest relative difference %.2g)\n", ok, want, worst
	exit n > 0 || NR != want
}' || status=1

# Both tools must accept every line, or the timings compare unequal work.
echo "== checking every line is accepted by both"
if ! "$bin" eval <"$work/estimate.txt" >"$work/estimate.out" 2>"$work/estimate.err"; then
	echo "bench-batch: estimate rejected some lines:" >&2
	head -n 20 "$work/estimate.err" >&2
	exit 1
fi
units -t <"$work/units.txt" >"$work/units.out" 2>&1 || true
if grep -v -E '^-?[0-9.]+(e[-+]?[0-9]+)?$' "$work/units.out" | head -n 5 | grep -q .; then
	echo "bench-batch: units rejected some lines:" >&2
	grep -n -v -E '^-?[0-9.]+(e[-+]?[0-9]+)?$' "$work/units.out" | head -n 10 >&2
	exit 1
fi
echo "   estimate: $(wc -l <"$work/estimate.out") results, units: $(wc -l <"$work/units.out") results"

echo "== timing (hyperfine, 1 warm-up, $runs runs)"
# hyperfine runs each command through a shell and subtracts the shell's own
# start-up time, so the redirections cost nothing measurable.
hyperfine --warmup 1 --runs "$runs" --export-json "$work/times.json" \
	--command-name estimate "$bin eval < $work/estimate.txt" \
	--command-name units "units -t < $work/units.txt"

# stat NAME FIELD reads one figure of one command from hyperfine's JSON.
stat() { awk -v name="$1" -v field="\"$2\":" '
	/"command":/ { cmd = $0; sub(/.*"command": *"/, "", cmd); sub(/".*/, "", cmd) }
	index($0, field) && cmd == name { v = $0; sub(/.*": */, "", v); sub(/,.*/, "", v); print v; exit }
' "$work/times.json"; }
build="CGO_ENABLED=$(go env CGO_ENABLED)"
[ "$cgo" = 0 ] && build="static, CGO_ENABLED=0"
echo "== result ($count conversions, $(nproc 2>/dev/null || echo '?') cores, $build, $(date -u +%Y-%m-%d))"
awk -v n="$count" -v te="$(stat estimate mean)" -v tu="$(stat units mean)" \
	-v me="$(stat estimate min)" -v mu="$(stat units min)" 'BEGIN {
	printf "   estimate: %9.0f lines/s  (mean %.4f s; best run %.0f lines/s)\n", n / te, te, n / me
	printf "   units:    %9.0f lines/s  (mean %.4f s; best run %.0f lines/s)\n", n / tu, tu, n / mu
	printf "   ratio:    %9.1fx  (of the means; of the best runs %.1fx; target: at least 10x)\n", tu / te, mu / me
}'
exit "$status"
