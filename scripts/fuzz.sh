#!/bin/sh
# Runs libFuzzer targets built by the `fuzz` preset for a set time each (issue 8).
#   scripts/fuzz.sh <build dir> <seconds per target> <target>...   targets: scenario share_link simulate
# Seeds come from assets/scenarios/ (and share links made from them); the growing corpus is kept in
# <build dir>/fuzz-corpus/<target> so `make fuzz` runs build on each other. A crash leaves its input in
# <build dir>/fuzz-artifacts/ and fails; turn it into a doctest regression case with the input inline.
set -eu
build=$(cd "$1" && pwd); seconds=$2; shift 2
src=$(cd "$(dirname "$0")/.." && pwd)
status=0
for target in "$@"; do
    seeds=$build/fuzz-seeds/$target
    rm -rf "$seeds"
    "$build/pg_fuzz_make_seeds" "$src" "$seeds" >/dev/null
    case $target in
        scenario|simulate) seed_dir=$seeds/scenario; set -- -dict="$src/tests/fuzz/scenario.dict" -max_len=16384 ;;
        share_link) seed_dir=$seeds/share_link; set -- -max_len=8192 ;;
        *) echo "fuzz.sh: unknown target $target" >&2; exit 2 ;;
    esac
    corpus=$build/fuzz-corpus/$target
    log=$build/fuzz-logs/$target.log
    mkdir -p "$corpus" "$build/fuzz-artifacts" "$build/fuzz-logs"
    if "$build/fuzz_$target" "$@" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -print_final_stats=1 \
        -artifact_prefix="$build/fuzz-artifacts/$target-" "$corpus" "$seed_dir" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        echo "fuzz_$target: ${runs:-?} executions in ${seconds} s, corpus $(ls "$corpus" | wc -l) inputs, no crash"
    else
        status=1
        echo "fuzz_$target: FAILED (log: $log)"
        tail -n 60 "$log"
        ls -1 "$build"/fuzz-artifacts/"$target"-* 2>/dev/null || true
    fi
done
exit $status
