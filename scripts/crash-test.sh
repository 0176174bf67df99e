#!/usr/bin/env bash
# Crash test for the store: kill -9 a writer at random moments and check that every acknowledged write survived.
#
#   scripts/crash-test.sh [sqlite|postgres|all] [rounds]     (default: all, 20 rounds per engine)
#
# Each round starts StoreCrashDriver, which commits numbered writes and prints each id only after its commit
# returned; after a random 0.1–0.6 s the driver is killed with SIGKILL, then `StoreCrashDriver verify` checks
# that every printed id is in the database, that each row is intact, that the ledger updated in the same
# transactions agrees, and (SQLite) that PRAGMA integrity_check is ok.
# PostgreSQL: uses the server from scripts/postgres-test.sh (starting a throwaway one if none runs) and, in one
# round, also kills the PostgreSQL server itself with SIGKILL and restarts it while the driver keeps writing.
set -euo pipefail
cd "$(dirname "$0")/.."

engine=${1:-all}
rounds=${2:-20}
swift build --product StoreCrashDriver >/dev/null
driver="$(swift build --show-bin-path)/StoreCrashDriver"
work=$(mktemp -d /tmp/jianwu-crash.XXXXXX)
started_postgres=no
cleanup() {
    [ -n "${writer:-}" ] && kill -9 "$writer" 2>/dev/null || true
    [ "$started_postgres" = yes ] && scripts/postgres-test.sh stop || true
    rm -rf "$work"
}
trap cleanup EXIT

random_pause() { sleep "0.$((RANDOM % 5 + 1))$((RANDOM % 10))"; }

# crash_rounds <label> <db> [round at which to kill the database server]
crash_rounds() {
    local label=$1 db=$2 kill_server_round=${3:-0} acked="$work/$1.acked"
    : >"$acked"
    for round in $(seq 1 "$rounds"); do
        "$driver" write --db "$db" >>"$acked" 2>>"$work/$label.log" &
        writer=$!
        random_pause
        if [ "$round" = "$kill_server_round" ]; then
            scripts/postgres-test.sh kill
            sleep 0.3
            scripts/postgres-test.sh restart
            random_pause
        fi
        kill -9 "$writer" 2>/dev/null || { echo "$label round $round: the driver died on its own:" >&2; cat "$work/$label.log" >&2; exit 1; }
        wait "$writer" 2>/dev/null || true
        writer=
        result=$("$driver" verify --db "$db" --acked "$acked") || { echo "$label round $round: $result" >&2; exit 1; }
        echo "$label round $round: $result"
    done
    [ -s "$acked" ] || { echo "$label: no write was ever acknowledged" >&2; exit 1; }
}

if [ "$engine" = sqlite ] || [ "$engine" = all ]; then
    crash_rounds sqlite "sqlite:$work/sqlite/jianwu.db"
fi

if [ "$engine" = postgres ] || [ "$engine" = all ]; then
    if ! scripts/postgres-test.sh url >/dev/null 2>&1; then
        scripts/postgres-test.sh start >/dev/null
        started_postgres=yes
    fi
    base=$(scripts/postgres-test.sh url)
    database="crash_$$_$RANDOM"
    psql -q "$base" -c "CREATE DATABASE $database"
    crash_rounds postgres "${base/jianwu_test/$database}" $((rounds / 2))
    psql -q "$base" -c "DROP DATABASE $database" || true
fi
echo "crash test passed ($engine, $rounds rounds per engine)"
