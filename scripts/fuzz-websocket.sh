#!/usr/bin/env bash
# Fuzzes the WebSocket protocol core with libFuzzer + AddressSanitizer.
# Usage: scripts/fuzz-websocket.sh [seconds]   (default 60)
# Exits non-zero when the fuzzer finds a crash or a broken invariant (named in the output); the input is kept in fuzz-artifacts/websocket/.
# The Swift backtracer is off: it trips AddressSanitizer when it inspects a crashed fuzzer.
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/.build/fuzz"
binary="$work/websocket-fuzz"
corpus="$work/websocket-corpus"
artifacts="$root/fuzz-artifacts/websocket"
mkdir -p "$work" "$corpus" "$artifacts"

swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name WebSocketFuzz \
    "$root"/Sources/HTTPServer/WebSocket/*.swift "$root/Fuzz/WebSocketFuzz/main.swift" -o "$binary"

# Seeds: RFC 6455 §5.7's masked "Hello", a fragmented text with a ping between, a close with a code, a 16-bit length frame.
seed() { printf "$2" > "$corpus/seed-$1"; }
seed hello '\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58'
seed fragmented '\x01\x83\x00\x00\x00\x00Hel\x89\x81\x00\x00\x00\x00!\x80\x82\x01\x02\x03\x04\x6d\x6e'
seed close '\x88\x85\x00\x00\x00\x00\x03\xe8bye'
seed long '\x82\xfe\x00\x7e\x00\x00\x00\x00'"$(printf 'x%.0s' $(seq 126))"

SWIFT_BACKTRACE=enable=no "$binary" -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus"
