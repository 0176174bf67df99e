#!/usr/bin/env bash
# The real end-to-end test of 远程提讯 video: jianwu (which starts and supervises Janus), and two headless Chromium
# instances with fake cameras and microphones — the prosecutor's session page and the detention centre's terminal —
# all inside a network namespace made here, so no media can leave the machine (shared/recipes/netns-webrtc.md).
#   scripts/video-e2e.sh [path/to/jianwu]        (default: .build/debug/jianwu; run as root, like CI)
# Tests/Video/test_video_e2e.py drives both browsers: video both ways (framesDecoded > 0), the clerk's turns, Janus
# killed mid-session and both sides rejoining, the end, every page signed and the fingerprint on the terminal, the
# interrogator's signature, the sealed PDF and the recording checked with `jianwu verify` and the published key.
# Everything started here is stopped by its PID and the namespace removed, whatever happens (trap). Prints timings.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
started=$(date +%s.%N)
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$started" "$(date +%s.%N)"; }

binary=$(realpath -m "${1:-.build/debug/jianwu}")
if [ "$(id -u)" -ne 0 ]; then
  echo "video-e2e: needs root (ip netns); run it as root, as CI does" >&2
  exit 2
fi
if [ ! -x "$binary" ]; then
  echo "video-e2e: no jianwu binary at $binary (build it with: swift build --product jianwu)" >&2
  exit 2
fi
. scripts/lib/packages.sh
# libjs-webrtc-adapter: janus.js needs the global `adapter`; it is only a Recommends of libjs-janus-gateway.
ensure_packages janus janus-tools libjs-janus-gateway libjs-webrtc-adapter ffmpeg chromium chromium-driver python3-selenium \
  fonts-noto-cjk iproute2 curl

ns="jwvideo$$"
work=$(mktemp -d /tmp/jianwu-video-e2e-XXXXXX)
data="$work/data"
pids="$work/pids"
mkdir -p "$pids" "$work/home"
port=18400
rc=0

cleanup() {
  rc=${1:-$?}
  trap - EXIT INT TERM HUP
  # Each process group we started (jianwu with its Janus, the test with chromedriver and Chromium), then whatever is
  # still in the namespace (crashpad handlers reparent to init but stay in it), then the namespace itself.
  for file in "$pids"/*.pid; do
    [ -e "$file" ] || continue
    pid=$(cat "$file")
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  if ip netns list 2>/dev/null | grep -qw "$ns"; then
    for i in $(seq 1 50); do
      left=$(ip netns pids "$ns" 2>/dev/null || true)
      [ -z "$left" ] && break
      if [ "$i" -eq 1 ]; then kill -TERM $left 2>/dev/null || true; fi
      sleep 0.2
    done
    left=$(ip netns pids "$ns" 2>/dev/null || true)
    [ -n "$left" ] && kill -KILL $left 2>/dev/null || true
    for file in "$pids"/*.pid; do [ -e "$file" ] && kill -KILL -- "-$(cat "$file")" 2>/dev/null || true; done
    sleep 0.2
    ip netns del "$ns" 2>/dev/null || true
  fi
  if [ "$rc" -ne 0 ]; then
    echo "--- last lines of the jianwu log ---" >&2
    tail -n 25 "$work/jianwu.log" >&2 2>/dev/null || true
    echo "--- last lines of the Janus log ---" >&2
    tail -n 15 "$data/janus/janus.log" >&2 2>/dev/null || true
  fi
  rm -rf "$work"
  echo "video-e2e: cleaned up after $(elapsed) s (namespace $ns removed)"
  exit "$rc"
}
trap cleanup EXIT
trap 'cleanup 130' INT
trap 'cleanup 143' TERM HUP

# A namespace of our own: loopback plus a veth pair with a test address for ICE (libnice offers no 127.0.0.1
# candidates), and no route out of it.
ip netns add "$ns"
ip netns exec "$ns" ip link set lo up
ip netns exec "$ns" ip link add d0 type veth peer name d0p
ip netns exec "$ns" ip link set d0p up
ip netns exec "$ns" ip addr add 10.203.0.1/24 dev d0
ip netns exec "$ns" ip link set d0 up
echo "video-e2e: namespace $ns ready at $(elapsed) s"

"$binary" seed-demo --data-dir "$data" >/dev/null
echo "video-e2e: demo data seeded at $(elapsed) s"

setsid ip netns exec "$ns" "$binary" serve --host 127.0.0.1 --port "$port" --data-dir "$data" --web-dir "$root/Web" \
  --laws "$root/Data/laws" --janus-interface d0 >"$work/jianwu.log" 2>&1 &
echo $! > "$pids/jianwu.pid"
for _ in $(seq 1 300); do
  if ip netns exec "$ns" curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 \
    && ip netns exec "$ns" curl -s -o /dev/null "http://127.0.0.1:8088/janus/info" 2>/dev/null; then
    break
  fi
  kill -0 "$(cat "$pids/jianwu.pid")" 2>/dev/null || { echo "video-e2e: jianwu exited early" >&2; exit 1; }
  sleep 0.2
done
ip netns exec "$ns" curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "video-e2e: jianwu never answered" >&2; exit 1; }
ip netns exec "$ns" curl -s -o /dev/null "http://127.0.0.1:8088/janus/info" || { echo "video-e2e: Janus never answered" >&2; exit 1; }
echo "video-e2e: jianwu and Janus up at $(elapsed) s"

# The browsers write outside --user-data-dir unless HOME and XDG_* point somewhere of ours.
setsid ip netns exec "$ns" env HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" \
  XDG_DATA_HOME="$work/home/.local/share" XDG_RUNTIME_DIR="$work/home/run" \
  JIANWU_URL="http://127.0.0.1:$port" JIANWU_DATA_DIR="$data" JIANWU_BINARY="$binary" JIANWU_E2E_WORK="$work" \
  /usr/bin/python3 -m unittest discover -s Tests/Video -t Tests/Video -v &
test_pid=$!
echo "$test_pid" > "$pids/test.pid"
set +e
wait "$test_pid"
status=$?
set -e
rm -f "$pids/test.pid"
echo "video-e2e: tests finished with status $status at $(elapsed) s"
exit "$status"
