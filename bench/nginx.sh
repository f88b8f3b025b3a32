#!/usr/bin/env bash
# Side by side with nginx (issue 15): the seed article's exact bytes as Masthead sends them (gzip) served by nginx
# from a file, by Masthead from its page cache, and rendered by Masthead (a query string the page cache does not
# keep), measured interleaved in one run (A B C A B C …) with wrk at CONNECTIONS (default 32); medians and their
# ratios to nginx.
#
#   bench/nginx.sh                 ROUNDS=3 DURATION=10s CONNECTIONS=32
#
# Results go to stdout and target/bench/nginx-results.md. Everything runs on this machine, against 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18185}
NGINX_PORT=${NGINX_PORT:-18186}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx1g}
APP_ARGS=${APP_ARGS:-} # extra application arguments, e.g. --masthead.page-cache.early=false to compare
OUT=target/bench
mkdir -p "$OUT"
RESULTS=$OUT/nginx-results.md
DATA=$OUT/nginx-data
SEED=/articles/russia-stalls-once-again-as-ukraine-pushes-for-new-february-peace-talks

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -x /usr/sbin/nginx ] || { echo "Installing nginx (Debian package)"; apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }
[ -f target/masthead.jar ] || ./mvnw -B -q -DskipTests package

APP_PID=
NGINX_DIR=$(mktemp -d)
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -f "$NGINX_DIR/nginx.pid" ] && kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

rm -rf "$DATA"
java $JAVA_OPTS -jar target/masthead.jar --server.port=$PORT --masthead.data-dir="$DATA" \
    --logging.level.org.masthead.syndication=WARN $APP_ARGS >"$OUT/nginx-app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 1200); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "app died, see $OUT/nginx-app.log" >&2; exit 1; }
  sleep 0.25
done

# the exact bytes Masthead sends for the seed article, compressed as browsers ask for them
curl -sf -H "Accept-Encoding: gzip" "http://127.0.0.1:$PORT$SEED" -o "$NGINX_DIR/seed.html.gz"
mkdir -p "$NGINX_DIR/logs"
cat > "$NGINX_DIR/nginx.conf" <<CONF
worker_processes auto;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $NGINX_DIR/body; proxy_temp_path $NGINX_DIR/proxy; fastcgi_temp_path $NGINX_DIR/fastcgi;
    uwsgi_temp_path $NGINX_DIR/uwsgi; scgi_temp_path $NGINX_DIR/scgi;
    sendfile on; tcp_nopush on; keepalive_requests 100000;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location = /seed {
            default_type "text/html; charset=utf-8";
            add_header Content-Encoding gzip;
            add_header Cache-Control "public, max-age=60";
            alias $NGINX_DIR/seed.html.gz;
        }
    }
}
CONF
chmod 755 "$NGINX_DIR"; chmod 644 "$NGINX_DIR/seed.html.gz" # nginx's workers run as an unprivileged user
/usr/sbin/nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf"
sleep 1
# the same bytes, or the comparison means nothing
served=$(curl -s -H "Accept-Encoding: gzip" -o /dev/null -w "%{http_code} %{size_download}" "http://127.0.0.1:$NGINX_PORT/seed")
[ "$served" = "200 $(stat -c %s "$NGINX_DIR/seed.html.gz")" ] || { echo "nginx answered $served" >&2; exit 1; }

run() { # url → requests/s
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Accept-Encoding: gzip" "$1" | awk '/Requests\/sec/ {print $2}'
}
wrk -t2 -c8 -d3s -H "Accept-Encoding: gzip" "http://127.0.0.1:$PORT$SEED" >/dev/null # warm the cache and the JIT
wrk -t2 -c8 -d3s -H "Accept-Encoding: gzip" "http://127.0.0.1:$PORT$SEED?bench=render" >/dev/null

declare -a NGINX CACHE RENDER
for round in $(seq 1 "$ROUNDS"); do
  NGINX+=("$(run "http://127.0.0.1:$NGINX_PORT/seed")")
  CACHE+=("$(run "http://127.0.0.1:$PORT$SEED")")
  RENDER+=("$(run "http://127.0.0.1:$PORT$SEED?bench=render")")
  echo "round $round: nginx ${NGINX[-1]}, page cache ${CACHE[-1]}, rendering ${RENDER[-1]} req/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
N=$(median "${NGINX[@]}"); C=$(median "${CACHE[@]}"); R=$(median "${RENDER[@]}")
{
  echo "# Masthead beside nginx, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$(nproc) cores, $(java -version 2>&1 | head -1), $JAVA_OPTS; the seed article ($(stat -c %s "$NGINX_DIR/seed.html.gz") bytes gzip);"
  echo "wrk -t2 -c$CONNECTIONS, $DURATION per run, $ROUNDS interleaved rounds (nginx, page cache, rendering), medians."
  echo
  echo "| server | requests/s (median) | runs | ratio to nginx |"
  echo "|---|---:|---|---:|"
  printf '| nginx, the same bytes from a file | %.0f | %s | 1.00× |\n' "$N" "${NGINX[*]}"
  printf '| Masthead, page cache | %.0f | %s | %.2f× |\n' "$C" "${CACHE[*]}" "$(echo "$C / $N" | bc -l)"
  printf '| Masthead, rendering | %.0f | %s | %.3f× |\n' "$R" "${RENDER[*]}" "$(echo "$R / $N" | bc -l)"
} | tee "$RESULTS"
