#!/usr/bin/env bash
# Builds a release binary of the `calltask` product alone, with the Swift runtime (standard library,
# Foundation, concurrency) linked statically, and copies it to dist/calltask.
#
# The result needs no Swift toolchain at run time. libyaml stays a shared library (calltask reads YAML
# with Debian's libyaml, found through pkg-config), so a machine that runs it needs Debian's
# `libyaml-0-2` package (the runtime half of `libyaml-dev`) besides glibc, libstdc++ and zlib, which every
# Debian/Ubuntu base image has; the `ldd` output printed at the end lists exactly what the binary needs.
#
# Usage: scripts/build-release.sh [extra `swift build` arguments, e.g. --scratch-path DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

# Only the calltask product: the simulator, its web server and the tests are not built.
swift build -c release --product calltask --static-swift-stdlib "$@"
bin=$(swift build -c release --static-swift-stdlib --show-bin-path "$@")

mkdir -p dist
cp "$bin/calltask" dist/calltask
strip dist/calltask 2>/dev/null || true   # drop debug symbols; the release build keeps them otherwise

echo
echo "dist/calltask: $(du -h dist/calltask | cut -f1) ($(stat -c %s dist/calltask 2>/dev/null || stat -f %z dist/calltask) bytes)"
dist/calltask --version | sed 's/^/version: /'
if command -v ldd >/dev/null 2>&1; then
    echo "shared libraries (ldd dist/calltask):"
    ldd dist/calltask | sed 's/^/  /'
    if ldd dist/calltask | grep -q 'libswift\|libFoundation'; then
        echo "warning: the Swift runtime is linked dynamically; this binary needs a Swift toolchain at run time" >&2
    fi
    if ldd dist/calltask | grep -q 'libyaml'; then
        echo "run-time requirements: libyaml (Debian/Ubuntu: apt-get install libyaml-0-2); the rest (glibc, libstdc++, zlib) is in every Debian/Ubuntu base image"
    fi
elif command -v otool >/dev/null 2>&1; then
    otool -L dist/calltask   # macOS: static Swift runtime is not supported there; libswift* come from the OS
fi
