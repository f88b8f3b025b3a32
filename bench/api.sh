#!/usr/bin/env bash
# Ghost-compatible API benchmark: serves a generated dataset (default 100k articles) from the packaged jar on the
# embedded PostgreSQL and measures, with wrk on 127.0.0.1, requests/s and p50/p99 latency of Content API calls —
# browse 15 posts with include=tags,authors (the issue's target: p99 under 10 ms uncached), a deep page, a tag
# filter, a read by slug — and of the Admin API's browse, with the API response cache off (every request queries
# PostgreSQL and serializes) and then on.
#
#   bench/api.sh [sizes…]             e.g. bench/api.sh 10000 100000
#   DURATION=15s bench/api.sh         seconds per wrk run (default 15s)
#   BENCH_DATA=dir bench/api.sh       where datasets live (default target/bench-data, shared with bench/run.sh)
#
# Results go to stdout and target/bench/api-results.md. Everything runs on this machine, against 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100000)
DURATION=${DURATION:-15s}
PORT=${PORT:-18182}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx1g}
BENCH_DATA=${BENCH_DATA:-target/bench-data}
OUT=target/bench
mkdir -p "$OUT"
RESULTS=$OUT/api-results.md
# The demo site's integration (README): an Editor, so the Admin API browse sees every article.
CONTENT_KEY=c0ffee0123456789abcdef0123
ADMIN_KEY_ID=5f0c1b2a1234567890abcdef
ADMIN_SECRET=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef

command -v wrk >/dev/null || { echo "Installing wrk (Debian package)"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f target/masthead.jar ] || ./mvnw -B -q -DskipTests package

APP_PID=
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
trap stop_app EXIT

start_app() { # dir size log cache
  java $JAVA_OPTS -jar target/masthead.jar --server.port=$PORT --masthead.data-dir="$1" \
      --masthead.generate-articles="$2" --masthead.api.cache.enabled="$4" --masthead.page-cache.enabled=false \
      --logging.level.org.masthead.syndication=WARN >"$3" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 36000); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "app died, see $3" >&2; exit 1; }
    sleep 0.1
  done
  echo "app not ready after an hour, see $3" >&2; exit 1
}

# An Admin API token for wrk: valid five minutes from now (each wrk run is shorter).
admin_token() {
  java bench/LoadProbe.java token "$ADMIN_KEY_ID" "$ADMIN_SECRET"
}

# wrk → "req/s p50 p99"
measure() {
  local connections=$1 url=$2 threads=1
  shift 2
  [ "$connections" -gt 1 ] && threads=2
  wrk -t$threads -c"$connections" -d"$DURATION" --latency -H "Accept-Encoding: gzip" "$@" "$url" >"$OUT/wrk.txt"
  if grep -q "Non-2xx" "$OUT/wrk.txt"; then echo "non-2xx responses from $url" >&2; cat "$OUT/wrk.txt" >&2; exit 1; fi
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {printf "%.0f %s %s", rps, p50, p99}' "$OUT/wrk.txt"
}

to_micros() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) f = 1; else if (v ~ /ms$/) f = 1000; else if (v ~ /s$/) f = 1000000; else f = 1; printf "%.0f", n * f }'
}

{
  echo "# Masthead Ghost API benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1), wrk on the same machine, ${DURATION} per run."
  echo
} | tee "$RESULTS"

verdict=PASS
for size in "${SIZES[@]}"; do
  dir=$BENCH_DATA/$size
  if [ ! -d "$dir/postgres" ]; then
    echo "Generating $size articles into $dir (once; this takes a while)…" >&2
    start_app "$dir" "$size" "$OUT/api-generate-$size.log" false
    stop_app
  fi
  BASE="http://127.0.0.1:$PORT/ghost/api/content"
  for cache in false true; do
    start_app "$dir" "$size" "$OUT/api-app-$size-$cache.log" "$cache"
    tag=$(curl -sf "$BASE/tags/?key=$CONTENT_KEY&limit=1&include=count.posts&order=slug%20asc&filter=slug:economy" \
        | sed -n 's/.*"slug":"\([^"]*\)".*/\1/p' | head -1)
    [ -n "$tag" ] || tag=politics
    declare -A urls=(
      [browse]="$BASE/posts/?key=$CONTENT_KEY&include=tags,authors"
      [browse-page-500]="$BASE/posts/?key=$CONTENT_KEY&include=tags,authors&page=500"
      [filter-tag]="$BASE/posts/?key=$CONTENT_KEY&include=tags,authors&filter=tag:$tag%2Bfeatured:false"
      [read-slug]="$BASE/posts/slug/russia-stalls-once-again-as-ukraine-pushes-for-new-february-peace-talks/?key=$CONTENT_KEY&include=tags,authors"
    )
    names=(browse browse-page-500 filter-tag read-slug)
    for name in "${names[@]}"; do
      curl -sf -o /dev/null "${urls[$name]}" || { echo "GET ${urls[$name]} failed" >&2; exit 1; }
      wrk -t2 -c16 -d5s "${urls[$name]}" >/dev/null # warm-up: JIT and PostgreSQL caches
    done
    {
      echo "## $size articles, API response cache $([ "$cache" = true ] && echo on || echo off)"
      echo
      echo "| request | connections | requests/s | p50 | p99 |"
      echo "|---|---:|---:|---:|---:|"
    } | tee -a "$RESULTS"
    for name in "${names[@]}"; do
      for connections in 1 8 32; do
        read -r rps p50 p99 <<<"$(measure "$connections" "${urls[$name]}")"
        echo "| $name | $connections | $rps | $p50 | $p99 |" | tee -a "$RESULTS"
        if [ "$cache" = false ] && [ "$name" = browse ] && [ "$connections" = 1 ] && [ "$(to_micros "$p99")" -ge 10000 ]; then
          verdict=FAIL
        fi
      done
    done
    if [ "$cache" = false ]; then
      token=$(admin_token)
      read -r rps p50 p99 <<<"$(measure 1 "http://127.0.0.1:$PORT/ghost/api/admin/posts/?formats=html" -H "Authorization: Ghost $token")"
      echo "| admin browse (lexical off) | 1 | $rps | $p50 | $p99 |" | tee -a "$RESULTS"
    fi
    echo | tee -a "$RESULTS"
    stop_app
  done
done
echo "Content API browse of 15 posts with tags and authors, uncached, p99 at 1 connection under 10 ms: $verdict" | tee -a "$RESULTS"
echo "Results: $RESULTS" >&2
[ "$verdict" = PASS ]
