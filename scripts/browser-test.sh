#!/usr/bin/env bash
# Runs the web UI's browser tests (Tests/Browser) in headless Chromium against a real jianwu server.
#   scripts/browser-test.sh [path/to/jianwu]        (default: .build/debug/jianwu; build it first)
# Seeds the demo accounts into a temporary data directory, serves Web/ on a free port of 127.0.0.1, runs
# `python3 -m unittest` with JIANWU_URL set, and stops the server and removes the data directory whatever happens.
# Needs the Debian packages chromium, chromium-driver, python3-selenium and fonts-noto-cjk.
# Screenshots are kept in JIANWU_SCREENSHOT_DIR (default: a new /tmp/jianwu-screenshots-* folder, printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:-.build/debug/jianwu}
python=/usr/bin/python3
if [ ! -x "$binary" ]; then
  echo "browser-test: no jianwu binary at $binary (build it with: swift build --product jianwu)" >&2
  exit 2
fi
for tool in chromium chromedriver; do
  command -v "$tool" >/dev/null || { echo "browser-test: $tool is missing (apt-get install chromium chromium-driver)" >&2; exit 2; }
done
"$python" -c 'import selenium' 2>/dev/null || { echo "browser-test: python3-selenium is missing" >&2; exit 2; }

data_dir=$(mktemp -d /tmp/jianwu-browser-data-XXXXXX)
server_log="$data_dir/server.log"
server_pid=""
cleanup() {
  status=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -s "$server_log" ]; then
    echo "--- last lines of the server log ---" >&2
    tail -n 30 "$server_log" >&2 || true
  fi
  rm -rf "$data_dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$binary" seed-demo --data-dir "$data_dir" >/dev/null

# A free port on 127.0.0.1, chosen by the kernel.
port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
# The key statutes rather than the whole national corpus: the knowledge pages need laws, not 64,665 articles.
"$binary" serve --host 127.0.0.1 --port "$port" --data-dir "$data_dir" --web-dir Web --laws Data/laws --no-janus >"$server_log" 2>&1 &
server_pid=$!

url="http://127.0.0.1:$port"
for _ in $(seq 1 300); do
  if "$python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + "/healthz", timeout=2)' "$url" 2>/dev/null; then
    break
  fi
  kill -0 "$server_pid" 2>/dev/null || { echo "browser-test: jianwu serve exited early" >&2; exit 1; }
  sleep 0.2
done
"$python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + "/healthz", timeout=2)' "$url" \
  || { echo "browser-test: $url/healthz never answered" >&2; exit 1; }

export JIANWU_URL="$url"
export JIANWU_SCREENSHOT_DIR=${JIANWU_SCREENSHOT_DIR:-$(mktemp -d /tmp/jianwu-screenshots-XXXXXX)}
echo "browser-test: jianwu at $url, screenshots in $JIANWU_SCREENSHOT_DIR"
# BROWSER_TEST_PATTERN=test_cases.py runs one file while working on it.
"$python" -m unittest discover -s Tests/Browser -t Tests/Browser -p "${BROWSER_TEST_PATTERN:-test*.py}" -v
