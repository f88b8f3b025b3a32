#!/usr/bin/env bash
# Live blog benchmark (issue 14): on the demo site (fresh embedded database, page cache off), posts 1,000 entries to
# the demo live blog through the live desk, measures the live blog page's uncached render with wrk (1 and 8
# connections), then opens STREAMS (default 5,000) Server-Sent Event streams of the live blog on the one node, posts
# one entry and times its arrival on every stream (p50/p99 after the post request).
#
#   bench/live.sh                 STREAMS=5000 DURATION=10s by default
#
# Results go to stdout and target/bench/live-results.md. Everything runs on this machine, against 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

STREAMS=${STREAMS:-5000}
DURATION=${DURATION:-10s}
PORT=${PORT:-18184}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx1g}
OUT=target/bench
mkdir -p "$OUT"
RESULTS=$OUT/live-results.md
DATA=$OUT/live-data
SLUG=peace-talks-live-delegations-return-to-geneva-for-a-second-day
EDITOR=editor@masthead.test
PASSWORD=editor-demo1

command -v wrk >/dev/null || { echo "Installing wrk (Debian package)"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f target/masthead.jar ] || ./mvnw -B -q -DskipTests package
ulimit -n 65536 2>/dev/null || true

APP_PID=
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
}
trap stop_app EXIT

rm -rf "$DATA"
java $JAVA_OPTS -jar target/masthead.jar --server.port=$PORT --masthead.data-dir="$DATA" --masthead.page-cache.enabled=false \
    --masthead.live.max-streams=$((STREAMS + 100)) --server.tomcat.max-connections=$((STREAMS + 1000)) \
    --logging.level.org.masthead.syndication=WARN >"$OUT/live-app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 1200); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "app died, see $OUT/live-app.log" >&2; exit 1; }
  sleep 0.25
done
DB_PORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
DB_PASSWORD=$(grep '^application.password=' "$DATA/postgres/masthead-credentials.properties" | cut -d= -f2-)
ARTICLE_ID=$(PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -p "$DB_PORT" -U masthead -d masthead -tAc "select id from article where slug = '$SLUG'")

{
  echo "# Masthead live blog benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$(nproc) cores, $(java -version 2>&1 | head -1), $JAVA_OPTS, page cache off, wrk and the probe on the same machine."
  echo
} | tee "$RESULTS"

java bench/LoadProbe.java liveentries "http://127.0.0.1:$PORT" "$ARTICLE_ID" "$EDITOR" "$PASSWORD" 1000 | tee -a "$RESULTS"

measure() { # connections
  wrk -t1 -c"$1" -d"$DURATION" --latency -H "Accept-Encoding: gzip" "http://127.0.0.1:$PORT/articles/$SLUG" > "$OUT/wrk-live.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-live.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/wrk-live.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/wrk-live.txt")
  echo "| live blog page, 1,015 entries (20 shown, key events, LiveBlogPosting) | $1 | $rps | $p50 | $p99 |" | tee -a "$RESULTS"
}
wrk -t1 -c4 -d3s "http://127.0.0.1:$PORT/articles/$SLUG" >/dev/null # warm-up
echo | tee -a "$RESULTS"
echo "| request (uncached) | connections | requests/s | p50 | p99 |" | tee -a "$RESULTS"
echo "|---|---:|---:|---:|---:|" | tee -a "$RESULTS"
measure 1
measure 8

echo | tee -a "$RESULTS"
java -Xss256k bench/LoadProbe.java livefanout "http://127.0.0.1:$PORT" "$STREAMS" "$SLUG" "$ARTICLE_ID" "$EDITOR" "$PASSWORD" "$APP_PID" \
    | tee -a "$RESULTS"
