#!/usr/bin/env bash
# The main job on a fresh machine, with no account and no token: build, start the bundled simulator
# on a free loopback port, plan and apply examples/ against it, plan again (no changes), stop it.
set -euo pipefail
cd "$(dirname "$0")/.."

# One `swift build` per product: given several --product flags, SwiftPM builds only the last one.
swift build --product calltask 2>&1 | tail -n 1
swift build --product calltask-sim 2>&1 | tail -n 1
bin=$(swift build --show-bin-path)

work=$(mktemp -d)
trap 'kill "$sim_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin/calltask-sim" --port 0 >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 100); do
    grep -q listening "$work/sim.out" 2>/dev/null && break
    sleep 0.1
done
address=$(grep -o 'http://[0-9.:]*' "$work/sim.out" | head -n 1)
[ -n "$address" ] || { echo "calltask-sim did not start:"; cat "$work/sim.err"; exit 1; }

export CALLTASK_ENDPOINT="$address"
export CALLTASK_USER_ID=5832d184-dd53-42a0-8ace-0bf8d660f4cc
export CALLTASK_TOKEN=sim-token   # the simulator's token; real tokens go in CALLTASK_TOKEN or a token file
journal="$work/journal.jsonl"

echo "== calltask validate examples/"
"$bin/calltask" validate examples/
echo
echo "== calltask plan examples/"
"$bin/calltask" plan examples/ --no-color
echo "== calltask apply --auto-approve examples/"
"$bin/calltask" apply --auto-approve --journal "$journal" examples/ --no-color
echo
echo "== calltask plan --detailed-exitcode examples/   (after apply: no changes, exit 0)"
"$bin/calltask" plan --detailed-exitcode examples/ --no-color
echo "exit code: $?"
