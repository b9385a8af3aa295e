#!/usr/bin/env bash
# Runs calltask's libFuzzer targets (the nested package in Fuzz/), each for SECONDS seconds.
#
#   scripts/fuzz.sh SECONDS [TARGET...]      TARGET: FuzzSpecLoader, FuzzListPage (default: both)
#
# Each target is built alone with `-sanitize=fuzzer,address` (release, lld: the gold linker crashes on
# this link; lld ships with the Swift toolchain), then run on a COPY of its seed corpus
# (Tests/FuzzCorpus/spec, Tests/FuzzCorpus/listpage) in a temporary directory, with
# -max_total_time=SECONDS, -rss_limit_mb=1024 (unbounded memory is a finding), -timeout=10 (a hang is a
# finding) and SWIFT_BACKTRACE=enable=no (else Swift's backtracer holds a crashed process and a
# bounded run never ends).
#
# Exit status: 0 when no target found anything; 1 when one crashed, hung, ran out of memory or could
# not be built. A crashing input is left in Fuzz/artifacts/TARGET/ (crash-*, timeout-*, oom-*,
# leak-*); replay it with `Fuzz/.build/release/TARGET FILE`, then make it a regression test
# (see RELIABILITY.md). Figures of the run (executions, seconds, corpus growth) go to
# Fuzz/artifacts/summary.txt and stdout.
#
# Environment: FUZZ_JOBS=N runs N libFuzzer workers per target (default 1); FUZZ_ARGS adds libFuzzer
# flags (e.g. "-fork=1 -ignore_crashes=1" to go on after a crash and collect every distinct one);
# FUZZ_KEEP_CORPUS=1 keeps the grown corpus copy and prints where it is.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${1:-}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: scripts/fuzz.sh SECONDS [FuzzSpecLoader|FuzzListPage ...]" >&2
    exit 64
fi
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzSpecLoader FuzzListPage)

corpus_of() {
    case "$1" in
        FuzzSpecLoader) echo "spec" ;;
        FuzzListPage) echo "listpage" ;;
        *) echo "unknown fuzz target: $1" >&2; return 1 ;;
    esac
}
dict_of() {
    case "$1" in
        FuzzSpecLoader) echo "$root/Fuzz/yaml.dict" ;;
        FuzzListPage) echo "$root/Fuzz/json.dict" ;;
    esac
}

swift_flags=(-c release -Xswiftc "-sanitize=fuzzer,address" -Xswiftc -parse-as-library -Xswiftc -use-ld=lld)
mkdir -p "$root/Fuzz/artifacts"
summary="$root/Fuzz/artifacts/summary.txt"
: > "$summary"
status=0

# One build for all requested targets: they share the instrumented CalltaskYAML/Models/Core modules.
product_flags=()
for target in "${targets[@]}"; do corpus_of "$target" >/dev/null; product_flags+=(--product "$target"); done
[ ${#targets[@]} -eq 1 ] || product_flags=()
echo "== building ${targets[*]}"
if ! (cd Fuzz && swift build "${product_flags[@]}" "${swift_flags[@]}"); then
    echo "fuzz targets: BUILD FAILED" | tee -a "$summary"
    exit 1
fi

for target in "${targets[@]}"; do
    corpus=$(corpus_of "$target")
    binary="$root/Fuzz/.build/release/$target"
    work=$(mktemp -d "${TMPDIR:-/tmp}/calltask-fuzz-$target.XXXXXX")
    cp -R "$root/Tests/FuzzCorpus/$corpus" "$work/corpus"
    before=$(find "$work/corpus" -type f | wc -l)
    artifacts="$root/Fuzz/artifacts/$target"
    mkdir -p "$artifacts"
    echo "== fuzzing $target for ${seconds}s (corpus copy: $work/corpus, $before inputs)"
    started=$(date +%s)
    # FUZZ_ARGS is a list of flags separated by spaces: split into words, never glob-expanded.
    fuzz_args=()
    [ -z "${FUZZ_JOBS:-}" ] || fuzz_args+=("-jobs=$FUZZ_JOBS" "-workers=$FUZZ_JOBS")
    read -r -a extra_args <<< "${FUZZ_ARGS:-}"
    fuzz_args+=("${extra_args[@]}")
    set +e
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
        "$binary" "$work/corpus" \
        -max_total_time="$seconds" -rss_limit_mb=1024 -malloc_limit_mb=1024 -timeout=10 \
        -dict="$(dict_of "$target")" -artifact_prefix="$artifacts/" -print_final_stats=1 \
        "${fuzz_args[@]}" \
        > "$work/log" 2>&1
    code=$?
    set -e
    elapsed=$(( $(date +%s) - started ))
    after=$(find "$work/corpus" -type f | wc -l)
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$work/log" | awk '{s += $2} END {print s + 0}' || true)
    if [ "$runs" = 0 ]; then  # fork mode, or killed before the final stats: the last status line's count
        runs=$(grep -Eo '^#[0-9]+' "$work/log" | tail -n 1 | tr -d '#' || true)
        runs=${runs:-0}
    fi
    peak=$(grep -Eo 'stat::peak_rss_mb: *[0-9]+' "$work/log" | awk '{if ($2 > m) m = $2} END {print m + 0}' || true)
    found=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
    line="$target: $runs executions in ${elapsed}s, corpus $before -> $after inputs, peak RSS ${peak} MB, exit $code, findings in $artifacts: $found"
    echo "$line" | tee -a "$summary"
    if [ "$code" -ne 0 ]; then
        status=1
        echo "---- $target log (last 60 lines; full log: $work/log)"
        tail -n 60 "$work/log"
    elif [ -z "${FUZZ_KEEP_CORPUS:-}" ]; then
        rm -rf "$work"
    else
        echo "grown corpus kept in $work/corpus"
    fi
done

exit $status
