#!/usr/bin/env bash
# The differential test with CI's fixed seed and count: builds calltask and calltask-sim, then runs
# scripts/differential.py against them (validate, the JSON Schema and the simulator must agree on
# thousands of generated specs; docs/rules.md lists the expected disagreements).
#
# Usage: scripts/differential.sh [--count N] [--seed S] [--keep DIR] [--verbose]
# CALLTASK_DIFF_COUNT (default 4000, about a minute on two cores) and CALLTASK_DIFF_SEED change the run.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -c 'import jsonschema, yaml' 2>/dev/null || {
    echo "differential: needs the Python modules jsonschema and pyyaml (pip install jsonschema pyyaml)" >&2
    exit 2
}
# One `swift build` per product: given several --product flags, SwiftPM builds only the last one.
swift build --product calltask 2>&1 | tail -n 1
swift build --product calltask-sim 2>&1 | tail -n 1
exec python3 scripts/differential.py --bin "$(swift build --show-bin-path)" "$@"
