#!/usr/bin/env bash
# Builds and runs one libFuzzer target over pure-Swift parser sources.
#   scripts/fuzz.sh http [seconds]       the HTTP/1.1 request parser (default 60 s)
#   scripts/fuzz.sh websocket [seconds]  the WebSocket frame parser and protocol state machine
#   scripts/fuzz.sh citation [seconds]   the legal citation parser (刑法第二百六十四条, 刑诉法174条 …)
#   scripts/fuzz.sh query [seconds]      the knowledge-search query parser (AND, OR, -, "phrases")
# Longer runs: scripts/fuzz.sh http 600. Crashes are written to fuzz-artifacts/<target>/ and make the script fail.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh http|websocket|citation|query [seconds]}
seconds=${2:-60}
case "$target" in
  http) sources=(Sources/HTTPServer/Parsing/*.swift Fuzz/HTTPParserFuzz/main.swift); seeds=Fuzz/HTTPParserFuzz/seeds ;;
  websocket) sources=(Sources/HTTPServer/WebSocket/*.swift Fuzz/WebSocketFuzz/main.swift); seeds=Fuzz/WebSocketFuzz/seeds ;;
  citation) sources=(Sources/Search/Parsing/*.swift Fuzz/SearchCitationFuzz/FuzzEntry.swift); seeds=Fuzz/SearchCitationFuzz/corpus ;;
  query) sources=(Sources/Search/Parsing/*.swift Fuzz/SearchQueryFuzz/FuzzEntry.swift); seeds=Fuzz/SearchQueryFuzz/corpus ;;
  *) echo "unknown fuzz target '$target' (known: http, websocket, citation, query)" >&2; exit 2 ;;
esac
build=.build/fuzz/$target
mkdir -p "$build/corpus" "fuzz-artifacts/$target"
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name "Fuzz_$target" "${sources[@]}" -o "$build/fuzzer"
echo "fuzzing $target for ${seconds}s"
# The Swift backtracer misreports memory under AddressSanitizer; libFuzzer prints its own report.
SWIFT_BACKTRACE=enable=no "$build/fuzzer" -max_total_time="$seconds" -max_len=8192 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="fuzz-artifacts/$target/" "$build/corpus" "$seeds" 2>&1 | tail -n 12
echo "fuzz $target: no crash in ${seconds}s"
