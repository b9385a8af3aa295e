#!/usr/bin/env bash
# scripts/bench.sh [--quick] [--no-build]: calltask's benchmarks (BENCHMARKS.md). Not part of CI.
#
# Builds the product (release, --scratch-path .build-release) and the nested Benchmarks/ package
# (release, its own Benchmarks/.build), generates corpora into a temp dir, then measures:
#   1. spec loading: our loader vs Yams (same files, same TaskSpec models) vs a bare libyaml event scan,
#      and where our loading spends its time (parse, decode, validate);
#   2. plan against a real calltask-sim (--latency-ms 20): requests, wall time, floor; default rate limit;
#      specs that need detail reads;
#   3. apply of N changed tasks, half running (--parallelism 8 --max-rps 0);
#   4. peak RSS of `calltask plan`;
#   5. Differ.diff alone, models in memory.
# --quick: N = 100 and 1,000 only (a few minutes). Full: N = 100, 1,000, 5,000 (loading), 10,000 (10-15 minutes).
#
# Every measured run first waits until the 1-minute load average is <= BENCH_MAX_LOAD (1.0) for at most
# BENCH_MAX_WAIT seconds (600), then records the load it ran at. Results: $work/results.txt, and a table.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

quick=0
build=1
for argument in "$@"; do
    case "$argument" in
        --quick) quick=1 ;;
        --no-build) build=0 ;;
        *) echo "usage: scripts/bench.sh [--quick] [--no-build]" >&2; exit 64 ;;
    esac
done
max_load=${BENCH_MAX_LOAD:-1.0}
max_wait=${BENCH_MAX_WAIT:-600}
repeat=${BENCH_REPEAT:-5}
latency=20
page_size=100
page_parallelism=4
apply_parallelism=8

if [ "$build" = 1 ]; then
    echo "== building (release)" >&2
    swift build -c release --scratch-path "$root/.build-release" --product calltask 2>&1 | tail -n 1 >&2
    swift build -c release --scratch-path "$root/.build-release" --product calltask-sim 2>&1 | tail -n 1 >&2
    (cd Benchmarks && swift build -c release 2>&1 | tail -n 1 >&2)
fi
bin="$root/.build-release/release"
bench="$root/Benchmarks/.build/release"
for tool in "$bin/calltask" "$bin/calltask-sim" "$bench/calltask-bench" "$bench/yams-bench"; do
    [ -x "$tool" ] || { echo "missing $tool (run without --no-build)" >&2; exit 1; }
done
# Our loader and the bare scan must not share a binary with Yams' vendored libyaml (style.md §1).
if [ "$(nm "$bench/calltask-bench" | grep -c 'Yams' || true)" != 0 ]; then
    echo "calltask-bench links Yams symbols; the comparison would be unfair" >&2
    exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/calltask-bench.XXXXXX")
results="$work/results.txt"
: >"$results"
sim_pid=""
trap 'if [ -n "$sim_pid" ]; then kill "$sim_pid" 2>/dev/null || true; fi' EXIT
cd "$work"   # no calltask.yaml above the temp dir

load_now=""
wait_quiet() {
    local waited=0 load
    while :; do
        load=$(cut -d' ' -f1 /proc/loadavg)
        if awk -v l="$load" -v m="$max_load" 'BEGIN { exit !(l <= m) }'; then break; fi
        if [ "$waited" -ge "$max_wait" ]; then
            echo "   (load $load still above $max_load after ${max_wait}s; measuring anyway)" >&2
            break
        fi
        sleep 10
        waited=$((waited + 10))
    done
    load_now=$load
}

# RESULT lines from a benchmark binary, tagged with the load they ran at.
collect() {
    wait_quiet
    "$@" | grep '^RESULT' | sed "s/\$/ load=$load_now/" | tee -a "$results" >&2
}

now_s() { date +%s.%N; }

start_sim() { # seed latency
    "$bin/calltask-sim" --port 0 --seed "$1" --latency-ms "$2" >"$work/sim.out" 2>"$work/sim.err" &
    sim_pid=$!
    for _ in $(seq 1 600); do
        grep -q listening "$work/sim.out" 2>/dev/null && break
        sleep 0.1
    done
    address=$(grep -o 'http://[0-9.:]*' "$work/sim.out" | head -n 1)
    [ -n "$address" ] || { echo "calltask-sim did not start:" >&2; cat "$work/sim.err" >&2; exit 1; }
    export CALLTASK_ENDPOINT="$address"
    export CALLTASK_USER_ID=5832d184-dd53-42a0-8ace-0bf8d660f4cc
    export CALLTASK_TOKEN=sim-token
}

stop_sim() {
    kill "$sim_pid" 2>/dev/null || true
    wait "$sim_pid" 2>/dev/null || true
    sim_pid=""
}

# Request counts by kind from the simulator's log: "list=N detail=N update=N pause=N resume=N total=N".
sim_counts() {
    curl -sf "$address/_sim/log" | jq -r '
        (group_by(.kind) | map({key: .[0].kind, value: length}) | from_entries) as $k
        | "list=\($k.list // 0) detail=\($k.detail // 0) update=\($k.update // 0) pause=\($k.pause // 0) resume=\($k.resume // 0) total=\(length)"'
}

# Runs a calltask command under /usr/bin/time; records wall, max RSS, exit code and request counts.
# usage: run_cli NAME N EXTRA_KEYS -- calltask ARGS...
run_cli() {
    local name=$1 n=$2 extra=$3
    shift 4
    wait_quiet
    curl -sf -X DELETE "$address/_sim/log" >/dev/null || true
    local start end code=0
    start=$(now_s)
    /usr/bin/time -f '%M' -o "$work/time.out" "$@" >"$work/$name-$n.out" 2>"$work/$name-$n.err" || code=$?
    end=$(now_s)
    local rss
    rss=$(tail -n 1 "$work/time.out")
    local wall counts line
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    counts=$(sim_counts) || true   # a simulator that died leaves the counts out; the exit code says why
    line="RESULT bench=$name tasks=$n wall_s=$wall max_rss_kb=$rss exit=$code $counts $extra load=$load_now"
    echo "$line" | tee -a "$results" >&2
}

if [ "$quick" = 1 ]; then
    load_sizes="100 1000"; plan_sizes="100 1000"; detail_size=1000; apply_sizes="1000"; ratelimit_size=1000
else
    load_sizes="100 1000 5000 10000"; plan_sizes="100 1000 10000"; detail_size=10000; apply_sizes="100 1000"; ratelimit_size=10000
fi
echo "== work dir $work (quick=$quick, repeat=$repeat, max load $max_load)" >&2

# --- corpora -------------------------------------------------------------------------------------------
for n in $(echo "$load_sizes $plan_sizes" | tr ' ' '\n' | sort -nu); do
    "$bench/calltask-bench" gen --count "$n" --out "$work/specs-$n" --seed "$work/seed-$n.json" --drift 0.1 --running 0.5 \
        | grep '^RESULT' >>"$results"
done
"$bench/calltask-bench" gen --count "$detail_size" --out "$work/detail-$detail_size" --seed "$work/detail-seed-$detail_size.json" \
    --drift 0.1 --running 0.5 --detail | grep '^RESULT' >>"$results"
for n in $apply_sizes; do
    "$bench/calltask-bench" gen --count "$n" --out "$work/apply-$n" --seed "$work/apply-seed-$n.json" --drift 1.0 --running 0.5 \
        | grep '^RESULT' >>"$results"
done

# --- 1. spec loading -----------------------------------------------------------------------------------
for n in $load_sizes; do
    echo "== load N=$n" >&2
    collect "$bench/calltask-bench" load "$work/specs-$n" --repeat "$repeat"
    collect "$bench/calltask-bench" scan "$work/specs-$n" --repeat "$repeat"
    collect "$bench/calltask-bench" stages "$work/specs-$n" --repeat "$repeat"
    collect "$bench/yams-bench" load "$work/specs-$n" --repeat "$repeat"
    # The whole CLI, one process, files read from disk: what a user waits for.
    wait_quiet
    start=$(now_s)
    /usr/bin/time -f '%M' -o "$work/time.out" "$bin/calltask" validate "$work/specs-$n" >/dev/null
    end=$(now_s)
    echo "RESULT bench=validate-cli tasks=$n wall_s=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }') max_rss_kb=$(tail -n 1 "$work/time.out") load=$load_now" \
        | tee -a "$results" >&2
done

# --- 2, 4, 5. plan, peak memory, diff ---------------------------------------------------------------------
net=(--page-size "$page_size" --page-parallelism "$page_parallelism" --no-color)
for n in $plan_sizes; do
    echo "== plan N=$n" >&2
    # compute: the same plan against a simulator without added latency
    start_sim "$work/seed-$n.json" 0
    run_cli plan-compute "$n" "latency_ms=0" -- "$bin/calltask" plan "$work/specs-$n" --max-rps 0 "${net[@]}"
    # the live list, for diff in memory (pages of 1000, the simulator's largest)
    pages=()
    for page in $(seq 1 $(((n + 999) / 1000))); do
        curl -sf -H "Authorization: Bearer sim-token" \
            "$address/agent-api/new/user/$CALLTASK_USER_ID/task?page=$page&per_page=1000" >"$work/live-$n-$page.json"
        pages+=(--live "$work/live-$n-$page.json")
    done
    stop_sim
    collect "$bench/calltask-bench" diff "$work/specs-$n" "${pages[@]}" --repeat "$repeat"

    start_sim "$work/seed-$n.json" "$latency"
    run_cli plan "$n" "latency_ms=$latency max_rps=0" -- "$bin/calltask" plan "$work/specs-$n" --max-rps 0 "${net[@]}"
    if [ "$n" = "$ratelimit_size" ]; then
        run_cli plan-default-rps "$n" "latency_ms=$latency max_rps=10" -- "$bin/calltask" plan "$work/specs-$n" "${net[@]}"
    fi
    stop_sim
done

echo "== plan with detail reads N=$detail_size" >&2
start_sim "$work/detail-seed-$detail_size.json" 0
run_cli plan-detail-compute "$detail_size" "latency_ms=0" -- "$bin/calltask" plan "$work/detail-$detail_size" --max-rps 0 "${net[@]}"
stop_sim
start_sim "$work/detail-seed-$detail_size.json" "$latency"
run_cli plan-detail "$detail_size" "latency_ms=$latency max_rps=0" -- "$bin/calltask" plan "$work/detail-$detail_size" --max-rps 0 "${net[@]}"
stop_sim

# --- 3. apply ------------------------------------------------------------------------------------------
for n in $apply_sizes; do
    echo "== apply N=$n" >&2
    start_sim "$work/apply-seed-$n.json" "$latency"
    run_cli apply "$n" "latency_ms=$latency max_rps=0 parallelism=$apply_parallelism" -- \
        "$bin/calltask" apply "$work/apply-$n" --auto-approve --parallelism "$apply_parallelism" --max-rps 0 \
        --journal "$work/journal-$n.jsonl" "${net[@]}"
    # correctness: after the apply, a plan has nothing to do (exit 0 with --detailed-exitcode)
    code=0
    "$bin/calltask" plan "$work/apply-$n" --detailed-exitcode --max-rps 0 "${net[@]}" >"$work/replan-$n.out" 2>&1 || code=$?
    echo "RESULT bench=replan-after-apply tasks=$n exit=$code" | tee -a "$results" >&2
    stop_sim
done

# --- table ---------------------------------------------------------------------------------------------
python3 - "$results" "$latency" "$page_size" "$page_parallelism" "$apply_parallelism" <<'PY'
import math, sys
path, latency, page_size, page_par, apply_par = sys.argv[1], int(sys.argv[2]) / 1000, int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rows = []
for line in open(path):
    parts = dict(p.split("=", 1) for p in line.split()[1:])
    rows.append(parts)
def find(bench, n):
    for r in rows:
        if r.get("bench") == bench and r.get("tasks") == str(n):
            return r
def ok(flag): return "met" if flag else "MISSED"
print()
print("1. Spec loading (files in memory -> validated models; best of runs)")
print(f"{'N':>6} {'MB':>6} {'calltask s':>10} {'tasks/s':>9} {'MB/s':>6} {'Yams s':>8} {'scan s':>8} {'vs Yams':>8} {'vs scan':>8} {'CLI validate s':>14} {'load':>5}  target (>=2x Yams, <=2x scan)")
for n in sorted({int(r["tasks"]) for r in rows if r.get("bench") == "load-calltask"}):
    ours, yams, scan, cli = find("load-calltask", n), find("load-yams", n), find("load-libyaml-scan", n), find("validate-cli", n)
    o, y, s = float(ours["best_s"]), float(yams["best_s"]), float(scan["best_s"])
    print(f"{n:>6} {int(ours['bytes'])/1e6:>6.2f} {o:>10.4f} {ours['tasks_per_s']:>9} {ours['mb_per_s']:>6} {y:>8.4f} {s:>8.4f} {y/o:>7.2f}x {o/s:>7.2f}x {cli['wall_s'] if cli else '-':>14} {ours['load']:>5}  {ok(y/o >= 2)} / {ok(o/s <= 2)}")
print()
print("1b. Where loading spends its time (best of runs): parse = libyaml events -> node trees; decode = Codable over the trees")
for r in rows:
    if r.get("bench") != "load-stages": continue
    scan = find("load-libyaml-scan", int(r["files"]))
    s = float(scan["best_s"]) if scan else float("nan")
    print(f"  N={r['files']:>6}: scan {s:.4f} s, parse {float(r['parse_s']):.4f} s ({float(r['parse_s'])/s:.1f}x scan), "
          f"decode only {float(r['decode_only_s']):.4f} s, validate {float(r['validate_s']):.4f} s, load {r['load']}")
print()
print(f"2/4. Plan against calltask-sim, {latency*1000:.0f} ms per request, --page-size {page_size} --page-parallelism {page_par}")
print(f"{'run':>20} {'N':>6} {'requests':>9} {'pages':>6} {'detail':>7} {'wall s':>7} {'compute s':>9} {'floor s':>8} {'bound s':>8} {'RSS MB':>7} {'load':>5}  target")
for r in rows:
    b = r.get("bench")
    if b not in ("plan", "plan-default-rps", "plan-detail"): continue
    n = int(r["tasks"]); pages = int(r["list"]); details = int(r["detail"])
    comp = find("plan-detail-compute" if b == "plan-detail" else "plan-compute", n)
    compute = float(comp["wall_s"]) if comp else 0.0
    floor = (1 + math.ceil((pages - 1) / page_par)) * latency + math.ceil(details / page_par) * latency + compute
    bound = 1.5 * floor + 1
    wall = float(r["wall_s"])
    target = ""
    if b == "plan":
        target = f"requests == pages: {ok(int(r['total']) == pages)}; wall <= 1.5 x floor + 1 s: {ok(wall <= bound)}"
        if n == 10000: target += f"; RSS < 200 MB: {ok(int(r['max_rss_kb']) < 200*1024)}"
    elif b == "plan-default-rps":
        target = f"(reported; 10 req/s => >= {(pages - 1) / 10:.1f} s)"
    else:
        target = f"(reported; floor includes ceil({details}/{page_par}) x {latency*1000:.0f} ms of detail reads)"
    print(f"{b:>20} {n:>6} {r['total']:>9} {pages:>6} {details:>7} {wall:>7.3f} {compute:>9.3f} {floor:>8.3f} {bound:>8.3f} {int(r['max_rss_kb'])/1024:>7.1f} {r['load']:>5}  {target}")
print()
print(f"3. Apply, {latency*1000:.0f} ms per request, --parallelism {apply_par} --max-rps 0 (drift 100%, half running)")
for r in rows:
    if r.get("bench") != "apply": continue
    n = int(r["tasks"]); total = int(r["total"]); lists = int(r["list"])
    task_requests = total - lists
    floor = task_requests * latency / apply_par
    issue_floor = (5 * (n // 2) + 2 * (n - n // 2)) * latency / apply_par
    wall = float(r["wall_s"])
    replan = find("replan-after-apply", n)
    print(f"  N={n}: requests {total} (list {lists}, detail {r['detail']}, pause {r['pause']}, update {r['update']}, resume {r['resume']}), "
          f"wall {wall:.3f} s, floor {floor:.3f} s (issue's formula {issue_floor:.3f} s), ratio {wall/floor:.2f}x, "
          f"exit {r['exit']}, replan exit {replan['exit'] if replan else '-'}, RSS {int(r['max_rss_kb'])/1024:.1f} MB, load {r['load']}  "
          f"target <= 1.5x: {ok(wall <= 1.5 * floor)}")
print()
print("5. Diff alone and the pure planner, models in memory (best of runs)")
for r in rows:
    if r.get("bench") not in ("diff", "normalize", "fingerprint", "plan-pure"): continue
    n = int(r["tasks"])
    target = f"  target < 100 ms at 10,000: {ok(float(r['best_s']) < 0.1)}" if r["bench"] == "diff" and n == 10000 else ""
    print(f"  {r['bench']:>12} N={n:>6}: {float(r['best_s'])*1000:9.2f} ms (median {float(r['median_s'])*1000:.2f} ms), load {r['load']}{target}")
print()
print("4. Peak RSS of calltask plan (MB): " + ", ".join(f"N={r['tasks']}: {int(r['max_rss_kb'])/1024:.1f}" for r in rows if r.get("bench") == "plan"))
PY
echo >&2
echo "raw results: $results" >&2
