#!/usr/bin/env bash
# Builds and runs one libFuzzer target over pure-Swift parser sources.
#   scripts/fuzz.sh http [seconds]      the HTTP/1.1 request parser (default 60 s)
# Longer runs: scripts/fuzz.sh http 600. Crashes are written to fuzz-artifacts/<target>/ and make the script fail.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh http [seconds]}
seconds=${2:-60}
case "$target" in
  http) sources=(Sources/HTTPServer/Parsing/*.swift Fuzz/HTTPParserFuzz/main.swift); seeds=Fuzz/HTTPParserFuzz/seeds ;;
  *) echo "unknown fuzz target '$target' (known: http)" >&2; exit 2 ;;
esac
build=.build/fuzz/$target
mkdir -p "$build/corpus" "fuzz-artifacts/$target"
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name "Fuzz_$target" "${sources[@]}" -o "$build/fuzzer"
echo "fuzzing $target for ${seconds}s"
"$build/fuzzer" -max_total_time="$seconds" -max_len=4096 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="fuzz-artifacts/$target/" "$build/corpus" "$seeds" 2>&1 | tail -n 12
echo "fuzz $target: no crash in ${seconds}s"
