#!/usr/bin/env bash
# Store throughput: our Store against the engine's own client doing the same work in the same run.
#   bench/store/run.sh [rows] [selects] [rounds]   (default 20000 rows, 20000 point selects, 3 rounds)
# SQLite: StoreBench vs Python's sqlite3 (same pragmas: WAL, synchronous=FULL).
# PostgreSQL: StoreBench vs pgbench -M prepared, 1 client (a throwaway server from scripts/postgres-test.sh).
# Prints operations per second and the ratio ours/peer (goal: point select >= 0.7).
# Ours and the peer alternate for `rounds` rounds and each side reports its median: on a shared 2-core machine the
# load swings within a minute, and alternating spreads the swings over both sides instead of one.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-20000}
selects=${2:-20000}
rounds=${3:-3}
swift build -c release --product StoreBench >/dev/null
bench="$(swift build -c release --show-bin-path)/StoreBench"
work=$(mktemp -d /tmp/jianwu-bench-store.XXXXXX)
started_postgres=no
cleanup() {
    [ "$started_postgres" = yes ] && scripts/postgres-test.sh stop || true
    rm -rf "$work"
}
trap cleanup EXIT

# value <metric> <file prefix>: the median of the metric over the rounds' files <prefix>.1 … <prefix>.<rounds>.
value() { cat "$2".* | awk -v k="$1" '$1 == k { print $2 }' | sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
report() { # engine metric ours-file peer-file
    local ours peer
    ours=$(value "$2" "$3"); peer=$(value "$2" "$4")
    if [ -n "$peer" ]; then
        awk -v e="$1" -v m="$2" -v o="$ours" -v p="$peer" 'BEGIN { printf "%-9s %-19s ours %10.0f/s  peer %10.0f/s  ratio %.2f\n", e, m, o, p, o / p }'
    else
        awk -v e="$1" -v m="$2" -v o="$ours" 'BEGIN { printf "%-9s %-19s ours %10.0f/s  (no peer figure)\n", e, m, o }'
    fi
}

# SQLite
for round in $(seq "$rounds"); do
    "$bench" sqlite "$work/ours.db" "$rows" "$selects" >"$work/sqlite-ours.txt.$round"
    python3 bench/store/sqlite_peer.py "$work/peer.db" "$rows" "$selects" >"$work/sqlite-peer.txt.$round"
done
for metric in insert_batched insert_autocommit select_sequential select_concurrent4; do
    report sqlite "$metric" "$work/sqlite-ours.txt" "$work/sqlite-peer.txt"
done

# PostgreSQL
if ! scripts/postgres-test.sh url >/dev/null 2>&1; then
    scripts/postgres-test.sh start >/dev/null
    started_postgres=yes
fi
url=$(scripts/postgres-test.sh url)
# pgbench on the table StoreBench filled: the same point selects and durable single-row inserts.
cat >"$work/select.sql" <<SQL
\set id random(1, $rows)
SELECT name, value FROM bench_store WHERE id = :id;
SQL
cat >"$work/insert.sql" <<SQL
\set id random(1000000000, 2000000000)
INSERT INTO bench_pgbench (id, name, value) VALUES (:id, 'case', :id) ON CONFLICT DO NOTHING;
SQL
tps() { pgbench -n -M prepared -c 1 -j 1 "$@" 2>/dev/null | awk '/^tps/ { print $3; exit }'; }
for round in $(seq "$rounds"); do
    "$bench" postgres "$url" "$rows" "$selects" >"$work/pg-ours.txt.$round"
    psql -q "$url" -c "DROP TABLE IF EXISTS bench_pgbench" -c "CREATE TABLE bench_pgbench (id BIGINT PRIMARY KEY, name TEXT NOT NULL, value BIGINT NOT NULL)" 2>/dev/null
    {
        echo "insert_autocommit $(tps -t 500 -f "$work/insert.sql" "$url")"
        echo "select_sequential $(tps -t "$selects" -f "$work/select.sql" "$url")"
    } >"$work/pg-peer.txt.$round"
done
for metric in insert_batched insert_autocommit select_sequential select_concurrent4; do
    report postgres "$metric" "$work/pg-ours.txt" "$work/pg-peer.txt"
done
psql -q "$url" -c "DROP TABLE IF EXISTS bench_pgbench" -c "DROP TABLE IF EXISTS bench_store" 2>/dev/null
