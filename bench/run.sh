#!/usr/bin/env bash
# Reader-site benchmark: serves generated datasets (default 10k and 100k articles) from the packaged jar on the
# embedded PostgreSQL and measures, with wrk on 127.0.0.1, requests/s and p50/p99 latency of the article page,
# the home page and section pages at 1 and 32 connections — rendered on every request (page cache off) and from
# the page cache — plus startup time, resident memory, search and related-articles latency, and the delivery of
# one publish to 1,000 open News Feed streams (bench/LoadProbe.java).
#
#   bench/run.sh [sizes…]            e.g. bench/run.sh 10000 100000
#   DURATION=15s bench/run.sh        seconds per wrk run (default 15s)
#   FRESH=1 bench/run.sh             regenerate datasets (kept in target/bench-data/<size> otherwise)
#
# Results go to stdout and target/bench/results.md. Everything runs on this machine, against 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000)
DURATION=${DURATION:-15s}
PORT=${PORT:-18181}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx1g}
OUT=target/bench
mkdir -p "$OUT"
RESULTS=$OUT/results.md

if ! command -v wrk >/dev/null; then
  echo "Installing wrk (Debian package)"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
[ -f target/masthead.jar ] || ./mvnw -B -q -DskipTests package

SEED=/articles/russia-stalls-once-again-as-ukraine-pushes-for-new-february-peace-talks
APP_PID=

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
trap stop_app EXIT

# Starts the jar on a dataset; sets READY_SECONDS to the time it took to become ready.
start_app() {
  local dir=$1 size=$2 log=$3 cache=${4:-true}
  local started=$(date +%s.%N)
  java $JAVA_OPTS -jar target/masthead.jar --server.port=$PORT --masthead.data-dir="$dir" \
      --masthead.generate-articles="$size" --masthead.page-cache.enabled="$cache" \
      --masthead.news-feed.max-streams=1100 --masthead.news-feed.max-streams-per-client=1100 --logging.level.org.masthead=INFO >"$log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 3600); do
    if curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null; then
      READY_SECONDS=$(awk -v now="$(date +%s.%N)" -v then="$started" 'BEGIN { printf "%.1f", now - then }')
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "app died, see $log" >&2; exit 1; }
    sleep 0.1
  done
  echo "app not ready after 6 minutes, see $log" >&2; exit 1
}

rss_mb() { # resident memory of a process tree root, MB
  ps -o rss= -p "$1" | awk '{printf "%.0f", $1/1024}'
}

postgres_rss_mb() { # the postmaster (first line of postmaster.pid) and all its children
  local postmaster
  postmaster=$(head -1 "$1/postgres/postmaster.pid" 2>/dev/null) || { echo "?"; return; }
  { echo "$postmaster"; pgrep -P "$postmaster"; } | xargs ps -o rss= -p 2>/dev/null | awk '{s+=$1} END {printf "%.0f", s/1024}'
}

to_micros() { # wrk latency such as 870.00us, 1.06ms, 1.20s → microseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) f = 1; else if (v ~ /ms$/) f = 1000; else if (v ~ /s$/) f = 1000000; else f = 1; printf "%.0f", n * f }'
}
declare -A P99

# wrk → "req/s p50 p99"
measure() {
  local connections=$1 url=$2 threads=1
  [ "$connections" -gt 1 ] && threads=2
  wrk -t$threads -c"$connections" -d"$DURATION" --latency -H "Accept-Encoding: gzip" "$url" >"$OUT/wrk.txt"
  if grep -q "Non-2xx" "$OUT/wrk.txt"; then echo "non-2xx responses from $url" >&2; cat "$OUT/wrk.txt" >&2; exit 1; fi
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {printf "%.0f %s %s", rps, p50, p99}' "$OUT/wrk.txt"
}

{
  echo "# Masthead reader benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1), wrk on the same machine, ${DURATION} per run, Accept-Encoding: gzip."
  echo
} | tee "$RESULTS"

for size in "${SIZES[@]}"; do
  dir=target/bench-data/$size
  [ "${FRESH:-0}" = 1 ] && rm -rf "$dir"
  if [ ! -d "$dir/postgres" ]; then
    echo "Generating $size articles into $dir (once)…" >&2
    start_app "$dir" "$size" "$OUT/generate-$size.log"
    stop_app
    echo "generated and ready in $READY_SECONDS s" >&2
  fi
  start_app "$dir" "$size" "$OUT/app-$size.log" false
  startup=$READY_SECONDS
  # A section page deep in the archive: the cursor sits half-way through the generated articles.
  middle_micros=$(( ($(date -d 2026-02-13T13:47:00Z +%s) - size / 2 * 600) * 1000000 ))
  declare -A urls=(
    [article]="$SEED"
    [home]="/"
    [section]="/sections/politics"
    [section-deep]="/sections/politics?before=${middle_micros}.0"
  )
  for page in article home section section-deep; do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT${urls[$page]}" || { echo "GET ${urls[$page]} failed" >&2; exit 1; }
  done
  # warm-up: JIT and PostgreSQL caches
  for page in article home section section-deep; do
    wrk -t2 -c16 -d5s "http://127.0.0.1:$PORT${urls[$page]}" >/dev/null
  done
  {
    echo "## $size articles"
    echo
    echo "### Rendered on every request (page cache off)"
    echo
    echo "| page | connections | requests/s | p50 | p99 |"
    echo "|---|---:|---:|---:|---:|"
  } | tee -a "$RESULTS"
  for page in article home section section-deep; do
    for connections in 1 32; do
      read -r rps p50 p99 <<<"$(measure "$connections" "http://127.0.0.1:$PORT${urls[$page]}")"
      echo "| $page | $connections | $rps | $p50 | $p99 |" | tee -a "$RESULTS"
      P99[$size/$page/$connections]=$(to_micros "$p99")
    done
  done
  {
    echo
    echo "Startup to ready: ${startup} s. Resident memory after the runs: JVM $(rss_mb "$APP_PID") MB, PostgreSQL $(postgres_rss_mb "$dir") MB (all its processes, shared buffers counted per process)."
    echo
    echo "### Search (client-side latency over HTTP, 200 requests each, page cache off)"
    echo
    echo "| query | p50 ms | p95 ms | p99 ms |"
    echo "|---|---:|---:|---:|"
  } | tee -a "$RESULTS"
  java bench/LoadProbe.java search "http://127.0.0.1:$PORT" 200 "council budget" "\"regional budget\"" \
      "harbour -film" "shipyard OR observatory" "Northvale transport" | tee -a "$RESULTS"
  echo | tee -a "$RESULTS"
  java bench/LoadProbe.java related "http://127.0.0.1:$PORT" 300 | tee -a "$RESULTS"
  echo | tee -a "$RESULTS"
  stop_app

  start_app "$dir" "$size" "$OUT/app-cached-$size.log" true
  for page in article home; do
    wrk -t2 -c16 -d5s -H "Accept-Encoding: gzip" "http://127.0.0.1:$PORT${urls[$page]}" >/dev/null
  done
  {
    echo "### From the page cache (compressed once, stored bytes served)"
    echo
    echo "| page | connections | requests/s | p50 | p99 |"
    echo "|---|---:|---:|---:|---:|"
  } | tee -a "$RESULTS"
  for page in article home; do
    for connections in 1 32; do
      read -r rps p50 p99 <<<"$(measure "$connections" "http://127.0.0.1:$PORT${urls[$page]}")"
      echo "| $page | $connections | $rps | $p50 | $p99 |" | tee -a "$RESULTS"
    done
  done
  echo | tee -a "$RESULTS"
  if [ "$size" = "${SIZES[-1]}" ]; then
    java bench/LoadProbe.java fanout "http://127.0.0.1:$PORT" 1000 editor@masthead.test editor-demo1 "$APP_PID" | tee -a "$RESULTS"
    echo | tee -a "$RESULTS"
  fi
  stop_app
done
# Pages must stay index-backed: ten times the articles may not double the tail latency.
if [ -n "${P99[10000/article/1]:-}" ] && [ -n "${P99[100000/article/1]:-}" ]; then
  verdict=PASS
  {
    echo "## p99 at 100k articles against p99 at 10k (limit: 2×)"
    echo
    echo "| page | connections | ratio |"
    echo "|---|---:|---:|---:|"
  } | tee -a "$RESULTS"
  for page in article home section section-deep; do
    for connections in 1 32; do
      ratio=$(awk -v a="${P99[100000/$page/$connections]}" -v b="${P99[10000/$page/$connections]}" 'BEGIN { printf "%.2f", a / b }')
      awk -v r="$ratio" 'BEGIN { exit !(r > 2) }' && verdict=FAIL
      echo "| $page | $connections | $ratio |" | tee -a "$RESULTS"
    done
  done
  echo; echo "Index-backed check: $verdict" | tee -a "$RESULTS"
  [ "$verdict" = PASS ] || exit 1
fi
echo "Results: $RESULTS" >&2
