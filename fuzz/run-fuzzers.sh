#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzzing build (`make fuzz`) for a set time.
#
#   fuzz/run-fuzzers.sh BUILD_DIR SECONDS
#
# Each target's seed corpus, tests/fuzz/<target>/, is copied into BUILD_DIR/corpus/<target>
# (tests/ is never written to); what a run finds stays there for the next run. Crashes, leaks
# and hangs go to BUILD_DIR/artifacts/<target>/. One summary line per target; the exit status is
# non-zero when any target failed, and each failing input is named with how to replay it.
set -u

if [ $# -ne 2 ] || ! [[ "$2" =~ ^[0-9]+$ ]]; then
    echo "usage: $0 BUILD_DIR SECONDS" >&2
    exit 2
fi
build=$(cd "$1" && pwd) || exit 2
seconds=$2
source_dir=$(cd "$(dirname "$0")/.." && pwd)
seeds="$source_dir/tests/fuzz"
# Memory and time per input: an importer must refuse big or slow input, not take it all.
rss_limit_mb=${FUZZ_RSS_LIMIT_MB:-2048}
input_timeout=${FUZZ_INPUT_TIMEOUT:-30}

export QT_QPA_PLATFORM=offscreen
lsan_supp="$source_dir/tests/sanitizer/lsan.supp"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
if [ -f "$lsan_supp" ]; then
    export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$lsan_supp:print_suppressions=0}"
fi
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

count_files() { find "$1" -maxdepth 1 -type f | wc -l; }

failed=0
ran=0
for seed_dir in "$seeds"/*/; do
    target=$(basename "$seed_dir")
    exe="$build/fuzz/fuzz_$target"
    if [ ! -x "$exe" ]; then
        echo "fuzz_$target: not built in $build (cmake --build $build --target fuzzers)" >&2
        failed=1
        continue
    fi
    corpus="$build/corpus/$target"
    artifacts="$build/artifacts/$target"
    log="$build/fuzz-$target.log"
    mkdir -p "$corpus" "$artifacts"
    cp -n "$seed_dir"* "$corpus"/ 2>/dev/null
    before=$(count_files "$corpus")
    artifacts_before=$(find "$artifacts" -maxdepth 1 -type f \
        \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)

    # Each target runs in a home of its own (QStandardPaths, settings), in its scratch folder.
    home="$build/fuzz-home/$target"
    mkdir -p "$home"
    HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
        XDG_CACHE_HOME="$home/.cache" \
        "$exe" -max_total_time="$seconds" -rss_limit_mb="$rss_limit_mb" \
        -timeout="$input_timeout" -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1
    status=$?
    ran=$((ran + 1))

    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    after=$(count_files "$corpus")
    new_artifacts=$(comm -13 <(echo "$artifacts_before") <(find "$artifacts" -maxdepth 1 \
        -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) \
        | sort) | sed '/^$/d')
    crashes=$(echo -n "$new_artifacts" | grep -c . || true)
    printf '%-14s runs %-9s coverage %-6s corpus %s -> %s (+%s)  crashes %s\n' "$target" \
        "${runs:-?}" "${coverage:-?}" "$before" "$after" "$((after - before))" "$crashes"
    if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
        failed=1
        echo "  fuzz_$target failed (exit status $status); its log: $log" >&2
        grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$log" \
            | sed 's/^/  /' >&2
        while IFS= read -r artifact; do
            [ -n "$artifact" ] || continue
            echo "  input: $artifact" >&2
            echo "  replay: $exe $artifact" >&2
            echo "  then fix it and keep it as a regression input:" \
                "cp $artifact $seeds/$target/crash-<what-it-found>" >&2
        done <<<"$new_artifacts"
    fi
done

if [ "$ran" -eq 0 ]; then
    echo "no fuzz targets found under $seeds" >&2
    exit 2
fi
exit "$failed"
