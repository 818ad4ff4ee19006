#!/usr/bin/env bash
# Runs every benchmark and prints one table of their headline figures.
#
#   bench/run-benchmarks.sh BUILD_DIR
#       Runs each executable BUILD_DIR/bench/bench_* in turn, its output going to
#       BUILD_DIR/bench/<name>.log (one progress line each here). Each benchmark appends its
#       figures to BUILD_DIR/bench/results.tsv (Bench::report() in bench/benchutil.h, which
#       documents the record fields). Then prints one table: benchmark, figure, value, target,
#       peer, ratio, meets (yes / NO / — when no target or not measured), and writes it as
#       Markdown to BUILD_DIR/bench/results.md.
#   bench/run-benchmarks.sh --format RECORDS [--markdown]
#       Prints the table of an existing records file, plain or Markdown (used by the test).
#
# Exit status: 0 when every benchmark ran, 1 when one failed to run (it has a row saying so), 2 on
# bad usage or a malformed records file. A target not met is shown as NO and is not a failure:
# the figures depend on the machine and on its load.
#
# bash and awk only (mawk or gawk); the table is aligned here rather than with column(1).

set -u

readonly program=${0##*/}

usage() {
    cat >&2 <<EOF
usage: $program BUILD_DIR
       $program --format RECORDS [--markdown]
EOF
    exit 2
}

# The note printed under every table.
note() {
    echo "Figures depend on the machine and on its load: a NO is a measurement to look into, not a"
    echo "failure of this run. Compare figures taken on the same, quiet machine."
}

# format_table RECORDS plain|markdown: prints the table of RECORDS; exits 1 if a row records a
# benchmark that failed to run, 2 (with a message naming file, line and field) if RECORDS is
# malformed, in which case nothing is printed on standard output.
format_table() {
    local records=$1 mode=$2
    if [[ ! -r $records ]]; then
        echo "$program: $records: cannot read the records file" >&2
        return 2
    fi
    # LC_ALL=C: lengths are counted in bytes by every awk alike, and the UTF-8 continuation
    # bytes are then subtracted to give the width in characters.
    LC_ALL=C awk -F '\t' -v mode="$mode" -v file="$records" -v program="$program" '
    function width(s,   t) { t = s; gsub(/[\200-\277]/, "", t); return length(t) }
    function pad(s, n, right,   fill) {
        fill = n - width(s)
        while (fill-- > 0) { if (right) s = " " s; else s = s " " }
        return s
    }
    function isnumber(s) { return s ~ /^-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$/ }
    function bad(field, name, expected) {
        printf "%s: %s:%d: field %d (%s): expected %s, found \"%s\"\n", program, file, NR, field,
            name, expected, $field > "/dev/stderr"
        errors++
    }
    # A number for people: thousands separated above 100, three significant digits below 1.
    function number(v,   a, s, r) {
        a = v < 0 ? -v : v
        if (a >= 100) {
            s = sprintf("%.0f", a); r = ""
            while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }
            s = s r
        } else if (a >= 10) s = sprintf("%.1f", a)
        else if (a >= 1) s = sprintf("%.2f", a)
        else if (a == 0) s = "0"
        else s = sprintf("%.3g", a)
        return (v < 0 ? "-" : "") s
    }
    # A target as written in the source: 2, 1.5, 2,000.
    function bound(v) { return v == int(v) && v >= 1000 ? number(v) : sprintf("%g", v) }
    function ratio(v) { return sprintf(v < 0.1 ? "%.3f" : "%.2f", v) }
    function unit(u) { return u == "-" ? "" : " " u }
    function md(s) { gsub(/\|/, "\\|", s); return s }
    BEGIN { errors = 0; rows = 0; failed = 0 }
    /^[ \t]*$/ { next }
    {
        if (NF != 11) {
            printf "%s: %s:%d: expected 11 tab-separated fields, found %d\n", program, file, NR, NF > "/dev/stderr"
            errors++
            next
        }
        ok = errors
        if ($1 == "-") bad(1, "benchmark", "a name")
        if ($2 == "-") bad(2, "figure", "a name")
        if ($3 != "-" && !isnumber($3)) bad(3, "value", "a number or -")
        if ($5 != "value" && $5 != "ratio" && $5 != "-") bad(5, "target of", "value, ratio or -")
        if ($5 == "-" ? $6 != "-" : ($6 != "<" && $6 != "<=" && $6 != ">" && $6 != ">="))
            bad(6, "comparison", $5 == "-" ? "- (no target)" : "<, <=, > or >=")
        if ($5 == "-" ? $7 != "-" : !isnumber($7)) bad(7, "bound", $5 == "-" ? "- (no target)" : "a number")
        if ($9 != "-" && !isnumber($9)) bad(9, "peer value", "a number or -")
        if ($10 != "-" && !isnumber($10)) bad(10, "ratio", "a number or -")
        if ($11 != "yes" && $11 != "no" && $11 != "-" && $11 != "failed") bad(11, "meets", "yes, no, - or failed")
        if (errors > ok) next

        rows++
        cell[rows, 1] = $1 == last ? "" : $1
        last = $1
        cell[rows, 2] = $2
        cell[rows, 3] = $3 == "-" ? ($11 == "failed" ? "" : "not measured") : number($3 + 0) unit($4)
        if ($5 == "value") cell[rows, 4] = $6 " " bound($7 + 0) unit($4)
        else if ($5 == "ratio") cell[rows, 4] = $6 " " bound($7 + 0) " \303\227 peer"
        else cell[rows, 4] = ""
        if ($8 == "-") cell[rows, 5] = ""
        else if ($9 == "-") cell[rows, 5] = $8 ": not measured"
        else cell[rows, 5] = $8 ": " number($9 + 0) unit($4)
        cell[rows, 6] = $10 == "-" ? "" : ratio($10 + 0)
        if ($11 == "yes") cell[rows, 7] = "yes"
        else if ($11 == "no") cell[rows, 7] = "NO"
        else if ($11 == "failed") { cell[rows, 7] = "FAILED"; failed++ }
        else cell[rows, 7] = "\342\200\224"
    }
    END {
        if (errors > 0) {
            printf "%s: %s: %d problem(s); no table printed\n", program, file, errors > "/dev/stderr"
            exit 2
        }
        if (rows == 0) {
            printf "%s: %s: no figures recorded\n", program, file > "/dev/stderr"
            exit 2
        }
        split("benchmark figure value target peer ratio meets", head, " ")
        right[3] = 1; right[6] = 1
        for (c = 1; c <= 7; c++) {
            w[c] = width(head[c])
            for (r = 1; r <= rows; r++) if (width(cell[r, c]) > w[c]) w[c] = width(cell[r, c])
        }
        if (mode == "markdown") {
            line = "|"; rule = "|"
            for (c = 1; c <= 7; c++) {
                line = line " " head[c] " |"
                rule = rule (right[c] ? " ---: |" : " --- |")
            }
            print line; print rule
            for (r = 1; r <= rows; r++) {
                line = "|"
                for (c = 1; c <= 7; c++) line = line " " md(cell[r, c]) " |"
                print line
            }
        } else {
            line = ""; rule = ""
            for (c = 1; c <= 7; c++) {
                dashes = ""; for (i = 0; i < w[c]; i++) dashes = dashes "-"
                line = line (c > 1 ? "  " : "") pad(head[c], w[c], right[c])
                rule = rule (c > 1 ? "  " : "") dashes
            }
            sub(/ +$/, "", line); print line; print rule
            for (r = 1; r <= rows; r++) {
                line = ""
                for (c = 1; c <= 7; c++) line = line (c > 1 ? "  " : "") pad(cell[r, c], w[c], right[c])
                sub(/ +$/, "", line); print line
            }
        }
        exit failed > 0 ? 1 : 0
    }' "$records"
}

# --format RECORDS [--markdown]: the table of a records file, as the test checks it.
if [[ ${1:-} == --format ]]; then
    [[ $# -eq 2 || ( $# -eq 3 && $3 == --markdown ) ]] || usage
    mode=plain
    [[ $# -eq 3 ]] && mode=markdown
    table=$(format_table "$2" "$mode")
    status=$?
    [[ $status -eq 2 ]] && exit 2
    printf '%s\n\n' "$table"
    note
    exit "$status"
fi

[[ $# -eq 1 && $1 != -* ]] || usage
build_dir=$1
bench_dir=$build_dir/bench
if [[ ! -d $bench_dir ]]; then
    echo "$program: $bench_dir: no such folder; configure and build with benchmarks first" \
        "(cmake -DCOCOMMISSION_BUILD_BENCH=ON, or make bench)" >&2
    exit 2
fi
bench_dir=$(cd "$bench_dir" && pwd)
records=$bench_dir/results.tsv
markdown=$bench_dir/results.md

benchmarks=()
for exe in "$bench_dir"/bench_*; do
    [[ -f $exe && -x $exe && $exe != *.log && $exe != *.tsv && $exe != *.md ]] && benchmarks+=("$exe")
done
if [[ ${#benchmarks[@]} -eq 0 ]]; then
    echo "$program: no benchmarks in $bench_dir: build them first (make bench)" >&2
    exit 2
fi

load=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo "not available")
cores=$(nproc 2>/dev/null || echo "?")
machine="Measured on $(uname -n) ($(uname -sm), $cores cores), $(date '+%Y-%m-%d %H:%M'), load average $load at the start."

: >"$records" || exit 2
failures=0
echo "Running ${#benchmarks[@]} benchmarks; each one's output goes to $bench_dir/<name>.log."
for exe in "${benchmarks[@]}"; do
    name=${exe##*/}
    name=${name%.exe}
    log=$bench_dir/$name.log
    printf '%-18s ' "$name"
    before=$(wc -l <"$records")
    start=$SECONDS
    COCOMMISSION_BENCH_RESULTS=$records "$exe" >"$log" 2>&1
    status=$?
    seconds=$((SECONDS - start))
    figures=$(($(wc -l <"$records") - before))
    problem=""
    if [[ $status -ne 0 ]]; then
        problem="failed to run: exit status $status (see $name.log)"
    elif [[ $figures -eq 0 ]]; then
        problem="reported no figures (see $name.log)"
    fi
    if [[ -n $problem ]]; then
        printf '%s\t%s\t-\t-\t-\t-\t-\t-\t-\t-\tfailed\n' "$name" "$problem" >>"$records"
        echo "FAILED after ${seconds} s: $problem"
        failures=$((failures + 1))
    else
        echo "done in ${seconds} s, $figures figure$([[ $figures -eq 1 ]] || echo s)"
    fi
done

plain=$(format_table "$records" plain)
status=$?
[[ $status -eq 2 ]] && exit 2
table=$(format_table "$records" markdown)

echo
echo "$machine"
echo
echo "$plain"
echo
note
echo "Logs and records: $bench_dir/<name>.log, $records; this table as Markdown: $markdown"
if [[ $failures -gt 0 ]]; then
    echo "$program: $failures of ${#benchmarks[@]} benchmarks failed to run (see their rows and logs)" >&2
fi
{
    echo "### Benchmarks"
    echo
    echo "$machine"
    echo
    echo "$table"
    echo
    note
} >"$markdown"
exit "$status"
