#!/usr/bin/env bash
# HTTP throughput of Jianwu against nginx and Node, interleaved (A B C A B C …) with wrk on loopback.
#   (a) small: a 13-byte GET ("Hello, world!") — jianwu's bare HTTP core (bench/http/server) vs nginx `return 200` vs Node
#   (b) json:  GET /healthz through jianwu's router, middleware and an async handler vs nginx and Node returning the same JSON
# Prints req/s medians and the ratio to nginx. Usage: bench/http/run.sh [rounds] [seconds per run]
# Not part of CI: it needs a quiet machine. Access logs are off on every server (jianwu at log level warning).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/packages.sh
ensure_packages "${JIANWU_BUILD_PACKAGES[@]}" nginx-light wrk nodejs
rounds=${1:-5}
seconds=${2:-10}
connections=${CONNECTIONS:-64}

swift build -c release --product jianwu >/dev/null
swift build -c release --product http-bench-server >/dev/null
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

cat > "$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $work;
  server {
    listen 127.0.0.1:18182 reuseport;
    location = /healthz { default_type application/json; return 200 '{"status":"ok","version":"0.1.0"}'; }
    location / { default_type text/plain; return 200 'Hello, world!'; }
  }
}
NGINX
nginx -c "$work/nginx.conf" -g 'daemon off;' & pids+=($!)
.build/release/http-bench-server 18181 & pids+=($!)
# No Janus and only the key statutes to import, so nothing else competes for the CPU during the runs.
JIANWU_LOG_LEVEL=warning .build/release/jianwu serve --port 18180 --data-dir "$work/data" --no-janus --laws Data/laws 2>"$work/jianwu.log" & pids+=($!)
node bench/http/node-server.js 18183 & pids+=($!)
for port in 18180 18181 18182 18183; do
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
done

rate() { wrk -t2 -c"$connections" -d"${seconds}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
declare -A results
for round in $(seq "$rounds"); do
  for name in jianwu nginx node; do
    case $name in
      jianwu) small=http://127.0.0.1:18181/; json=http://127.0.0.1:18180/healthz ;;
      nginx)  small=http://127.0.0.1:18182/; json=http://127.0.0.1:18182/healthz ;;
      node)   small=http://127.0.0.1:18183/; json=http://127.0.0.1:18183/healthz ;;
    esac
    results[$name-small]+="$(rate "$small") "
    results[$name-json]+="$(rate "$json") "
  done
  echo "round $round done" >&2
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "wrk -t2 -c$connections -d${seconds}s, $rounds interleaved rounds, medians (req/s)"
printf '%-8s %14s %10s %14s %10s\n' server small "vs nginx" json "vs nginx"
nginx_small=$(echo "${results[nginx-small]}" | median)
nginx_json=$(echo "${results[nginx-json]}" | median)
for name in jianwu nginx node; do
  s=$(echo "${results[$name-small]}" | median)
  j=$(echo "${results[$name-json]}" | median)
  printf '%-8s %14.0f %10.2f %14.0f %10.2f\n' "$name" "$s" "$(echo "$s / $nginx_small" | bc -l)" "$j" "$(echo "$j / $nginx_json" | bc -l)"
done
