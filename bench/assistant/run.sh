#!/usr/bin/env bash
# Runs the case assistant over the dev set and prints its figures next to the naive baseline.
# Usage: bench/assistant/run.sh [path/to/criminal-cases-dev.jsonl]
set -euo pipefail
cd "$(dirname "$0")/../.."
cases="${1:-../shared/data/cases/criminal-cases-dev.jsonl}"
[ -f "$cases" ] || cases=/work/shared/data/cases/criminal-cases-dev.jsonl
swift build -c release --product AssistantBench --scratch-path .build >/dev/null
.build/release/AssistantBench "$cases"
