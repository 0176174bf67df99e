#!/usr/bin/env bash
# Builds and runs the libFuzzer targets of the Search parsers: the citation parser and the query parser.
# Usage: scripts/fuzz-search.sh [seconds-per-target]   (default 60). Exits non-zero when a target crashes.
# The targets compile Sources/Search/Parsing/*.swift alone (stdlib only) with the fuzz entry file.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build/fuzz"
artifacts="$root/fuzz-artifacts"
mkdir -p "$out" "$artifacts"
status=0
for target in SearchCitationFuzz SearchQueryFuzz; do
    echo "== building $target"
    swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name "$target" \
        "$root"/Sources/Search/Parsing/*.swift "$root/Fuzz/$target/FuzzEntry.swift" -o "$out/$target"
    work="$out/$target-corpus"
    mkdir -p "$work"
    cp -n "$root/Fuzz/$target/corpus/"* "$work/" 2>/dev/null || true
    echo "== running $target for ${seconds}s"
    if ! "$out/$target" -max_total_time="$seconds" -max_len=512 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$artifacts/$target-" "$work" "$root/Fuzz/$target/corpus"; then
        echo "!! $target crashed; see $artifacts" >&2
        status=1
    fi
done
exit $status
