#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for tests, crash tests and benchmarks: never a production server.
#
#   scripts/postgres-test.sh start      initdb in a temporary directory, start on 127.0.0.1 and a free port,
#                                        print the URL and write it (with the server's paths) to the state file
#   scripts/postgres-test.sh stop       stop the server and remove its directory
#   scripts/postgres-test.sh kill       kill -9 the postmaster (crash test), leaving the data directory as it is
#   scripts/postgres-test.sh restart    start the server again on the same directory and port (after kill)
#   scripts/postgres-test.sh url        print the URL of the running server
#
# State file: $JIANWU_PG_STATE (default /tmp/jianwu-postgres-test.env), a shell file defining JIANWU_PG_DIR,
# JIANWU_PG_PORT and JIANWU_TEST_POSTGRES_URL; `source` it to get the URL into a test run.
# Needs Debian's `postgresql` package (binaries in /usr/lib/postgresql/15/bin). initdb refuses to run as root,
# so as root the server runs as the `postgres` user.
set -euo pipefail

state_file=${JIANWU_PG_STATE:-/tmp/jianwu-postgres-test.env}
bin=${JIANWU_PG_BIN:-/usr/lib/postgresql/15/bin}

as_server_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

load_state() {
    [ -f "$state_file" ] || { echo "no test server: $state_file is missing (run: $0 start)" >&2; exit 1; }
    # shellcheck disable=SC1090
    source "$state_file"
}

server_start() {
    as_server_user "$bin/pg_ctl" -D "$JIANWU_PG_DIR/data" -l "$JIANWU_PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $JIANWU_PG_PORT -k $JIANWU_PG_DIR -c max_connections=300 -c shared_buffers=64MB" \
        start >/dev/null
}

case "${1:-}" in
start)
    [ -x "$bin/initdb" ] || { echo "PostgreSQL 15 is not installed: apt-get install -y postgresql" >&2; exit 1; }
    if [ -f "$state_file" ]; then echo "a test server is already recorded in $state_file; stop it first" >&2; exit 1; fi
    JIANWU_PG_DIR=$(mktemp -d /tmp/jianwu-postgres.XXXXXX)
    chmod 755 "$JIANWU_PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres: "$JIANWU_PG_DIR"
    JIANWU_PG_PORT=$(free_port)
    as_server_user "$bin/initdb" -D "$JIANWU_PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$JIANWU_PG_DIR/initdb.log"
    server_start
    "$bin/createdb" -h 127.0.0.1 -p "$JIANWU_PG_PORT" -U postgres jianwu_test
    JIANWU_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$JIANWU_PG_PORT/jianwu_test?sslmode=disable"
    printf 'JIANWU_PG_DIR=%s\nJIANWU_PG_PORT=%s\nJIANWU_TEST_POSTGRES_URL=%s\nexport JIANWU_TEST_POSTGRES_URL\n' \
        "$JIANWU_PG_DIR" "$JIANWU_PG_PORT" "$JIANWU_TEST_POSTGRES_URL" >"$state_file"
    echo "$JIANWU_TEST_POSTGRES_URL"
    ;;
stop)
    load_state
    as_server_user "$bin/pg_ctl" -D "$JIANWU_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$JIANWU_PG_DIR" "$state_file"
    ;;
kill)
    load_state
    kill -9 "$(head -1 "$JIANWU_PG_DIR/data/postmaster.pid")"
    ;;
restart)
    load_state
    # After kill -9 the orphaned backends exit on their own; wait until the port is free again.
    for _ in $(seq 1 50); do
        as_server_user "$bin/pg_ctl" -D "$JIANWU_PG_DIR/data" status >/dev/null 2>&1 || break
        sleep 0.1
    done
    server_start
    ;;
url)
    load_state
    echo "$JIANWU_TEST_POSTGRES_URL"
    ;;
*)
    echo "usage: $0 start|stop|kill|restart|url" >&2
    exit 2
    ;;
esac
