#!/usr/bin/env bash
# Knowledge-search benchmark on the full national corpus: our index (KnowledgeBench, release build) next to
# SQLite FTS5 and a Python jieba + rank_bm25 peer, same articles, same queries, one run.
# Usage: bench/knowledge/run.sh [runs]     Reads /work/shared/data (benchmarks only); installs the Python peer's
# packages into .build/bench-venv from PyPI on first use.
set -euo pipefail
runs="${1:-20}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${SHARED_DATA:-$root/../../shared/data}"
[ -d "$shared" ] || shared=/work/shared/data
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
queries="$root/bench/knowledge/queries-dev.jsonl"
holdout="$root/bench/knowledge/queries-holdout.jsonl"  # written after the parameters were chosen

echo "== corpus: extracting $(basename "$shared"/corpus/*.tar.xz)"
mkdir -p "$work/corpus"
tar -xJf "$shared"/corpus/*.tar.xz -C "$work/corpus"
bash "$root/bench/knowledge/export-metadata.sh" "$shared/laws/metadata.sqlite3" > "$work/metadata.tsv"

echo "== ours (Swift, release)"
swift build -c release --product KnowledgeBench --package-path "$root" 2>&1 | tail -1
"$root/.build/release/KnowledgeBench" --corpus "$work/corpus" --metadata "$work/metadata.tsv" --dict "$root/Data/dict" \
    --cache "$work/dict.bin" --queries "$queries" --runs "$runs" --results "$work/ours.tsv" --laws "$root/Data/laws" \
    --holdout "$holdout"

venv="$root/.build/bench-venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q jieba rank_bm25 numpy
fi
echo "== peer: SQLite FTS5"
"$venv/bin/python" "$root/bench/knowledge/peers.py" fts5 "$work/corpus" "$queries" "$runs" "$holdout"
echo "== peer: Python jieba + rank_bm25"
"$venv/bin/python" "$root/bench/knowledge/peers.py" bm25 "$work/corpus" "$queries" 1 "$holdout"
