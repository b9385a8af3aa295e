#!/usr/bin/env bash
# Checks what teams copy first, and the repository's own shell scripts:
#   1. the CI examples against their platform's schema (check-jsonschema's built-in, vendored schemas:
#      no network): vendor.github-workflows and vendor.gitlab-ci;
#   2. shellcheck on scripts/*.sh and .ci/run;
#   3. shellcheck on every shell block the examples run (GitHub `run:`, GitLab `before_script:`,
#      `script:`, `after_script:`), extracted by scripts/extract-ci-shell.py, which fails on a block it
#      cannot extract instead of skipping it. One line per block: ok|FAIL FILE:LINE JOB / STEP.
# Needs check-jsonschema and PyYAML (pip) and shellcheck (apt); .ci/run installs them. Exit 1 on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."

github=examples/ci/github/.github/workflows/calltask.yml
gitlab=examples/ci/gitlab/.gitlab-ci.yml
status=0

echo "== check-jsonschema"
for pair in "vendor.github-workflows $github" "vendor.gitlab-ci $gitlab"; do
    schema=${pair%% *}
    file=${pair#* }
    printf '%s (%s): ' "$file" "$schema"
    python3 -m check_jsonschema --builtin-schema "$schema" "$file" || status=1   # the interpreter pip installed it for
done

echo "== shellcheck scripts/*.sh .ci/run"
if shellcheck scripts/*.sh .ci/run; then
    echo "ok: $(printf '%s ' scripts/*.sh .ci/run)"
else
    status=1
fi

echo "== shellcheck on the examples' shell blocks (line numbers are the YAML file's)"
blocks=$(mktemp -d)
trap 'rm -rf "$blocks"' EXIT
manifest=$(python3 scripts/extract-ci-shell.py "$blocks" "$github" "$gitlab") || status=1
while IFS=$'\t' read -r script location job step; do
    [ -n "$script" ] || continue
    if findings=$(shellcheck "$script" 2>&1); then
        echo "ok   $location  $job / $step"
    else
        echo "FAIL $location  $job / $step"
        printf '%s\n' "$findings" | sed 's/^/    /'
        status=1
    fi
done <<<"$manifest"

exit "$status"
