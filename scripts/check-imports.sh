#!/usr/bin/env bash
# Checks the import rules between calltask's own targets (style.md §1, "Dependency direction"), file by
# file, and fails naming each file, line and import that breaks one:
#
#   - CalltaskCore never imports CalltaskClient or CalltaskEngine (the pure core knows no I/O shell);
#   - CalltaskModels imports nothing of ours (it is the bottom of the graph);
#   - CalltaskYAML knows no models: no CalltaskModels or CalltaskCore, nor the Client and Engine that
#     hold them (it may import CLibYAML);
#   - the simulator (Sources/CalltaskSimulator, Sources/calltask-sim) imports no calltask target at all:
#     it is the platform as the docs describe it, written from the docs, so calltask's mistakes are not
#     repeated there. calltask-sim may import CalltaskSimulator, its own library.
#
# Every import form counts: `import X`, `public import X`, `internal import X`, `package import X`,
# `@testable import X`, `@_exported import X`, `@preconcurrency import X`, `import struct X.Y`, and
# imports inside `#if` blocks. Package.swift declares the dependencies; this holds the sources to them.
#
# Usage: scripts/check-imports.sh [REPO_ROOT]   (default: the repository this script is in)
set -euo pipefail

root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$root"

# Our own modules: every target folder under Sources (a folder's name with '-' is its module with '_').
ours=()
for dir in Sources/*/; do
    name="$(basename "$dir")"
    ours+=("${name//-/_}")
done

failures=0

# An import declaration, as grep prints it ("file:line:text"): optional attributes (@testable,
# @_exported, @preconcurrency, @_spi(X)), an optional access level, `import`, an optional declaration
# kind, then the module (up to any '.'). Groups: 1 file, 2 line, 10 module.
import_re='^([^:]+):([0-9]+):[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*((public|package|internal|fileprivate|private)[[:space:]]+)?(@[A-Za-z_]+[[:space:]]+)*import[[:space:]]+((typealias|struct|class|enum|protocol|let|var|func)[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)'

# import_lines DIR: prints "file:line:module" for every import in DIR's Swift files.
import_lines() {
    local dir="$1" hit
    [ -d "$dir" ] || return 0
    while IFS= read -r hit; do
        if [[ $hit =~ $import_re ]]; then
            echo "${BASH_REMATCH[1]}:${BASH_REMATCH[2]}:${BASH_REMATCH[10]}"
        fi
    done < <(grep -rnE --include='*.swift' '^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*([a-z]+[[:space:]]+)?(@[A-Za-z_]+[[:space:]]+)*import[[:space:]]' "$dir" || true)
}

# forbid DIR RULE MODULE...: fails on every import of one of MODULEs in DIR, saying RULE.
forbid() {
    local dir="$1" rule="$2"
    shift 2
    local file line module forbidden
    while IFS=: read -r file line module; do
        [ -n "$module" ] || continue
        for forbidden in "$@"; do
            if [ "$module" = "$forbidden" ]; then
                echo "$file:$line: imports $module: $rule" >&2
                failures=$((failures + 1))
            fi
        done
    done < <(import_lines "$dir")
}

# ours_except MODULE...: our modules, without the ones named.
ours_except() {
    local module skip keep
    for module in "${ours[@]}"; do
        keep=1
        for skip in "$@"; do
            [ "$module" = "$skip" ] && keep=0
        done
        [ "$keep" = 1 ] && echo "$module"
    done
}

forbid Sources/CalltaskCore "the pure core never imports the client or the engine" \
    CalltaskClient CalltaskEngine

mapfile -t not_in_models < <(ours_except CalltaskModels)
forbid Sources/CalltaskModels "the models import nothing of ours" "${not_in_models[@]}"

forbid Sources/CalltaskYAML "the YAML layer knows no models" \
    CalltaskModels CalltaskCore CalltaskClient CalltaskEngine

mapfile -t not_in_simulator < <(ours_except CalltaskSimulator)
forbid Sources/CalltaskSimulator "the simulator imports no calltask target: it reads the docs itself" \
    "${not_in_simulator[@]}"
forbid Sources/calltask-sim "the simulator imports no calltask target: it reads the docs itself" \
    "${not_in_simulator[@]}"

if [ "$failures" -gt 0 ]; then
    echo "check-imports: $failures import(s) break the rules above" >&2
    exit 1
fi
echo "check-imports: ok"
