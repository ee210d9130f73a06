#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz with clang (build-fuzz/) and runs each in turn for
# SECONDS_PER_HARNESS (default 600), one process at a time. Each starts from its seed folder
# tests/fuzz/<harness>/ (with tests/fuzz/<harness>.dict if there is one), copied into
# build-fuzz/corpus/<harness>/, where new inputs are kept (a later run goes on from them);
# crashes go to build-fuzz/crashes/<harness>/. Prints executions, exec/s and new coverage per
# harness and exits 1 if any harness found a crash, leak, timeout or out-of-memory input.
# HARNESSES="query jsonl" runs only those.
#
# Reproduce a finding: build-fuzz/tests/fuzz/fuzz_<harness> <crash file>
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: $0 [SECONDS_PER_HARNESS]" >&2; exit 2; }

source scripts/setup.sh
ensure_packages
ensure_packages "${BYLINE_FUZZ_PACKAGES[@]}"

# Only the harnesses and the library objects they need; jemalloc would fight ASan's allocator.
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DBYLINE_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBYLINE_BUILD_TESTS=OFF -DBYLINE_BUILD_SERVER=OFF \
    -DBYLINE_JEMALLOC=OFF >/dev/null
cmake --build build-fuzz --target fuzzers --parallel "$(nproc)"

# Longest input per harness: articles for the readers, a long query for the parser.
declare -A max_len=([query]=4096 [text]=65536 [jsonl]=65536 [html]=65536 [gzip]=65536
                    [encoding]=16384 [analyzer]=16384 [dates]=16384 [entities]=16384 [stored]=4096
                    [shard]=8192)
harnesses=${HARNESSES:-"query text jsonl html gzip encoding analyzer dates entities stored shard"}

# Deep recursion must end as a reported stack overflow, not a hang: ASan catches the overflow on
# its alternate signal stack, and a symbolizer makes the trace readable.
export ASAN_OPTIONS=${ASAN_OPTIONS:-use_sigaltstack=1:detect_stack_use_after_return=0:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
symbolizer=$(command -v llvm-symbolizer-14 || echo /usr/lib/llvm-14/bin/llvm-symbolizer)
[ -x "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH=$symbolizer

# stat VALUE_NAME LOG: a final statistic libFuzzer printed (-print_final_stats=1).
stat() { sed -n "s/^stat::$1: *//p" "$2" | tail -1; }

found=0
summary=()
for harness in $harnesses; do
    [ -n "${max_len[$harness]:-}" ] || { echo "unknown harness '$harness'" >&2; exit 2; }
    corpus=build-fuzz/corpus/$harness
    crashes=build-fuzz/crashes/$harness
    log=build-fuzz/logs/$harness.log
    mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
    for seed in tests/fuzz/"$harness"/*; do
        [ -e "$corpus/${seed##*/}" ] || cp "$seed" "$corpus"/
    done
    echo "== fuzz $harness for ${seconds} s (log: $log)"
    rc=0
    dict=()
    [ -f tests/fuzz/"$harness".dict ] && dict=(-dict=tests/fuzz/"$harness".dict)
    build-fuzz/tests/fuzz/fuzz_"$harness" "$corpus" "${dict[@]}" -max_total_time="$seconds" \
        -max_len="${max_len[$harness]}" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$crashes/" >"$log" 2>&1 || rc=$?
    cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
    line=$(printf '%-9s %10s execs %8s exec/s %6s new units  cov %s' "$harness" \
        "$(stat number_of_executed_units "$log")" "$(stat average_exec_per_sec "$log")" \
        "$(stat new_units_added "$log")" "${cov:-?}")
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    if [ "$rc" -ne 0 ] || [ -n "$artifact" ]; then
        found=1
        reason=$(grep -m1 -E '^==[0-9]+==ERROR|^SUMMARY|runtime error|fuzz invariant broken|unexpected exception|deadly signal' "$log" || true)
        line+="  FOUND: ${artifact:-exit $rc} (${reason:-see log})"
        grep -A12 -m1 -E '^==[0-9]+==ERROR|runtime error|invariant broken|unexpected exception' \
            "$log" | head -20 || true
    else
        line+="  no crash"
    fi
    echo "$line"
    summary+=("$line")
done

echo "== fuzzing summary (${seconds} s per harness)"
printf '%s\n' "${summary[@]}"
exit "$found"
