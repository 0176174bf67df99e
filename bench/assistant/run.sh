#!/usr/bin/env bash
# Runs the case assistant over the dev set and prints its figures next to the naive baseline.
# Usage: bench/assistant/run.sh [path/to/criminal-cases-dev.jsonl]
# Diagnostics (environment): DEBUG_CHARGES=1 lists the cases whose first charge is wrong, DEBUG_CATALOG=1 the
# charge → article map, PROBE_FACTS=file ranks `charge|fact` lines (see bench/assistant/AssistantBench/Debug.swift).
set -euo pipefail
cd "$(dirname "$0")/../.."
cases="${1:-../shared/data/cases/criminal-cases-dev.jsonl}"
[ -f "$cases" ] || cases=/work/shared/data/cases/criminal-cases-dev.jsonl
swift build -c release --product AssistantBench --scratch-path .build >/dev/null
.build/release/AssistantBench "$cases"
