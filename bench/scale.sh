#!/usr/bin/env bash
# Scale benchmark (issue 15): the same requests against archives of 10k, 100k and 1M generated articles, uncached
# (page cache and API cache off), at 1 and 32 connections — every public page type, feeds and sitemaps, six kinds
# of search (rare word, common word, phrase, a misspelling that finds nothing and gets "Did you mean", exclusion,
# filters), the Content API and the newsroom's article list — plus startup to ready on the existing dataset,
# resident memory, and EXPLAIN (ANALYZE, BUFFERS) of every query those requests run at the largest size (through
# PostgreSQL's auto_explain, so the plans are the application's own queries with their real parameters).
#
#   bench/scale.sh                       10000 100000 1000000, 5 s per wrk run
#   DURATION=10s bench/scale.sh 10000 100000
#   SEARCH_AND_PLANS_ONLY=1 SEARCH_ROUNDS=50 bench/scale.sh 1000000   searches and plans only
#
# Fails when a p99 at the largest size is more than twice its p99 at the smallest, or a search's p95 at the largest
# size is 50 ms or more. Datasets are generated once into $BENCH_DATA/<size> (default ~/.cache/masthead/bench-data;
# 1M takes most of an hour and 14 GB).
# Results: stdout and target/bench/scale-results.md; plans in target/bench/explain-<size>.md. 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000 1000000)
DURATION=${DURATION:-5s}
PORT=${PORT:-18187}
# a fixed heap: with -Xms512m the heap's growth during the first runs cost G1 pauses of 110–130 ms, which were most
# of a 1-connection p99 (142 ms against a p50 of 7 ms for the article at 1M)
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g}
# outside target/: `./mvnw clean` must not delete a million articles that took most of an hour to generate
BENCH_DATA=${BENCH_DATA:-$HOME/.cache/masthead/bench-data}
OUT=target/bench
mkdir -p "$OUT"
RESULTS=$OUT/scale-results.md
CONTENT_KEY=c0ffee0123456789abcdef0123 # the demo site's Content API key
SEED=/articles/russia-stalls-once-again-as-ukraine-pushes-for-new-february-peace-talks

command -v wrk >/dev/null || { echo "Installing wrk (Debian package)"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v psql >/dev/null || { echo "Installing psql (Debian package)"; apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
[ -f target/masthead.jar ] || ./mvnw -B -q -DskipTests package

APP_PID=
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
trap stop_app EXIT

start_app() { # dir size log → READY_SECONDS
  local started
  started=$(date +%s.%N)
  java $JAVA_OPTS -jar target/masthead.jar --server.port=$PORT --masthead.data-dir="$1" \
      --masthead.generate-articles="$2" --masthead.page-cache.enabled=false --masthead.api.cache.enabled=false \
      --logging.level.org.masthead.syndication=WARN >"$3" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 72000); do
    if curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null; then
      READY_SECONDS=$(awk -v now="$(date +%s.%N)" -v then="$started" 'BEGIN { printf "%.1f", now - then }')
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "app died, see $3" >&2; exit 1; }
    sleep 0.1
  done
  echo "app not ready after two hours, see $3" >&2; exit 1
}

sql() { # dir query → rows, unaligned, from the dataset's embedded PostgreSQL as the application role
  local pg=$1/postgres
  PGPASSWORD=$(sed -n 's/^application.password=//p' "$pg/masthead-credentials.properties") \
      psql -h 127.0.0.1 -p "$(sed -n 4p "$pg/postmaster.pid")" -U masthead -d masthead -At -c "$2"
}

rss_mb() { ps -o rss= -p "$1" | awk '{printf "%.0f", $1/1024}'; }

to_micros() { # wrk latency such as 870.00us, 1.06ms, 1.20s → microseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) f = 1; else if (v ~ /ms$/) f = 1000; else if (v ~ /s$/) f = 1000000; else f = 1; printf "%.0f", n * f }'
}

measure() { # connections url [wrk options] → "req/s p50 p99"
  local connections=$1 url=$2 threads=1
  shift 2
  [ "$connections" -gt 1 ] && threads=2
  wrk -t$threads -c"$connections" -d"$DURATION" --latency -H "Accept-Encoding: gzip" "$@" "$url" >"$OUT/wrk.txt"
  if grep -q "Non-2xx" "$OUT/wrk.txt"; then echo "non-2xx responses from $url" >&2; cat "$OUT/wrk.txt" >&2; exit 1; fi
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {printf "%.0f %s %s", rps, p50, p99}' "$OUT/wrk.txt"
}

declare -A P99 SEARCH_P95
as_who() { # request name → the header that says who asks: the newsroom's list is the signed-in editor's, the rest a reader's
  if [ "$1" = newsroom-list ]; then echo "Cookie: $cookie"; else echo "X-Reader: anonymous"; fi
}
NAMES=(article home section section-deep author tag news-feed news-feed-fragment sitemap-index sitemap-month
       sitemap-news rss content-api newsroom-list)

{
  echo "# Masthead at scale, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1), $JAVA_OPTS, embedded PostgreSQL;"
  echo "wrk on the same machine, ${DURATION} per run, Accept-Encoding: gzip; page cache and API cache off (every request rendered)."
  echo
} | tee "$RESULTS"

for size in "${SIZES[@]}"; do
  dir=$BENCH_DATA/$size
  if [ ! -d "$dir/postgres" ]; then
    echo "Generating $size articles into $dir (once)…" >&2
    generated=$(date +%s)
    start_app "$dir" "$size" "$OUT/scale-generate-$size.log"
    stop_app
    echo "Generated $size articles in $(( $(date +%s) - generated )) s (including startup)" | tee -a "$RESULTS"
  fi
  start_app "$dir" "$size" "$OUT/scale-app-$size.log"
  startup=$READY_SECONDS

  # Requests that depend on the dataset: the busiest writer, a month and a cursor half-way back through the archive.
  author=$(sql "$dir" "select a.slug from author a join article_author aa on aa.author_id = a.id group by a.slug order by count(*) desc limit 1")
  read -r middle_cursor middle_month <<<"$(sql "$dir" "select (extract(epoch from published_at) * 1000000)::bigint || '.' || id, to_char(published_at at time zone 'UTC', 'YYYY-MM') from article where status = 'published' and kind = 'article' order by published_at desc, id desc offset $((size / 2)) limit 1" | tr '|' ' ')"
  politics=$(sql "$dir" "select id from section where slug = 'politics'")
  rare=$(sql "$dir" "select word from search_term where word like 'vor%' and length(word) >= 12 order by word limit 1")
  cookie=$(java bench/LoadProbe.java cookie "http://127.0.0.1:$PORT" editor@masthead.test editor-demo1)
  declare -A urls=(
    [article]="$SEED"
    [home]="/"
    [section]="/sections/politics"
    [section-deep]="/sections/politics?before=$middle_cursor"
    [author]="/authors/$author"
    [tag]="/tags/trade"
    [news-feed]="/news-feed"
    [news-feed-fragment]="/news-feed/items?before=$middle_cursor"
    [sitemap-index]="/sitemap.xml"
    [sitemap-month]="/sitemaps/articles-$middle_month.xml"
    [sitemap-news]="/sitemaps/news.xml"
    [rss]="/feed.xml"
    [content-api]="/ghost/api/content/posts/?key=$CONTENT_KEY&include=tags,authors&filter=tag:trade"
    [newsroom-list]="/admin/articles?status=published&section=$politics"
  )
  for name in "${NAMES[@]}"; do
    [ "${SEARCH_AND_PLANS_ONLY:-0}" = 1 ] && break
    for _ in 1 2 3; do
      status=$(curl -s -o "$OUT/first-response" -w '%{http_code}' -H "$(as_who "$name")" "http://127.0.0.1:$PORT${urls[$name]}") || true
      [ "$status" = 200 ] && break
      echo "GET ${urls[$name]} answered ${status:-nothing}; again" >&2; sleep 2
    done
    [ "$status" = 200 ] || { echo "GET ${urls[$name]} answered $status" >&2; head -c 600 "$OUT/first-response" >&2; exit 1; }
    wrk -t2 -c16 -d3s -H "$(as_who "$name")" "http://127.0.0.1:$PORT${urls[$name]}" >/dev/null # warm-up: JIT, PostgreSQL's caches
  done
  {
    echo "## $size articles"
    echo
    echo "| request | connections | requests/s | p50 | p99 |"
    echo "|---|---:|---:|---:|---:|"
  } | tee -a "$RESULTS"
  for name in "${NAMES[@]}"; do
    [ "${SEARCH_AND_PLANS_ONLY:-0}" = 1 ] && break
    for connections in 1 32; do
      read -r rps p50 p99 <<<"$(measure "$connections" "http://127.0.0.1:$PORT${urls[$name]}" -H "$(as_who "$name")")"
      echo "| $name | $connections | $rps | $p50 | $p99 |" | tee -a "$RESULTS"
      P99[$size/$name/$connections]=$(to_micros "$p99")
    done
  done
  {
    echo
    echo "Startup to ready on the existing dataset: **${startup} s**. Resident memory after the runs: JVM $(rss_mb "$APP_PID") MB."
    echo "Database size: $(sql "$dir" "select pg_size_pretty(pg_database_size('masthead'))")."
    echo
    echo "### Search (client-side latency over HTTP, 200 requests each, one connection)"
    echo
    echo "| query | p50 ms | p95 ms | p99 ms |"
    echo "|---|---:|---:|---:|"
  } | tee -a "$RESULTS"
  java bench/LoadProbe.java search "http://127.0.0.1:$PORT" "${SEARCH_ROUNDS:-200}" "$rare" "officials" "\"public consultation\"" "${rare}x" \
      "council -budget" "?q=harbour&section=politics&from=2015-01-01&to=2016-12-31" | tee "$OUT/search.txt" | tee -a "$RESULTS"
  SEARCH_P95[$size]=$(awk -F'|' '{ if ($4 + 0 > max) max = $4 + 0 } END { print max + 0 }' "$OUT/search.txt")
  echo | tee -a "$RESULTS"
  stop_app
done

# The plans, at the largest size: auto_explain logs every statement the requests run, with ANALYZE and BUFFERS.
largest=${SIZES[-1]}
dir=$BENCH_DATA/$largest
conf=$dir/postgres/postgresql.auto.conf
cp "$conf" "$OUT/postgresql.auto.conf.saved"
cat >>"$conf" <<'CONF'
shared_preload_libraries = 'auto_explain'
auto_explain.log_min_duration = 0
auto_explain.log_analyze = on
auto_explain.log_buffers = on
auto_explain.log_timing = on
logging_collector = on
log_directory = 'bench-log'
log_filename = 'explain.log'
CONF
rm -rf "$dir/postgres/bench-log"
start_app "$dir" "$largest" "$OUT/scale-explain-$largest.log"
echo "Startup to ready, second start: $READY_SECONDS s" | tee -a "$RESULTS"
cookie=$(java bench/LoadProbe.java cookie "http://127.0.0.1:$PORT" editor@masthead.test editor-demo1)
urls[search-rare]="/search?q=$rare"
urls[search-common]="/search?q=officials"
urls[search-phrase]="/search?q=%22public+consultation%22"
urls[search-exclusion]="/search?q=council+-budget"
urls[search-filters]="/search?q=harbour&section=politics&from=2015-01-01&to=2016-12-31"
{
  echo "# EXPLAIN (ANALYZE, BUFFERS) at $largest articles, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Each request ran twice; these are the plans of the second run (warm caches), as auto_explain logged them."
} >"$OUT/explain-$largest.md"
log=$dir/postgres/bench-log/explain.log
for name in "${NAMES[@]}" search-rare search-common search-phrase search-exclusion search-filters; do
  curl -sf -o /dev/null -H "$(as_who "$name")" "http://127.0.0.1:$PORT${urls[$name]}"
  sleep 0.5
  from=$(wc -l <"$log")
  curl -sf -o /dev/null -H "$(as_who "$name")" "http://127.0.0.1:$PORT${urls[$name]}"
  sleep 0.5
  {
    echo
    echo "## $name: GET ${urls[$name]}"
    echo
    echo '```'
    # one plan per "LOG:  duration" block; the event registry's and the session store's own statements left out
    tail -n +"$((from + 1))" "$log" | sed -E 's/^[0-9-]+ [0-9:.]+ UTC \[[0-9]+\] //' | awk '
      /^LOG:  duration/ { if (block != "" && tolower(block) !~ /event_publication|pg_notify|spring_session|listen /) printf "%s", block; block = "" }
      { block = block $0 "\n" }
      END { if (block != "" && tolower(block) !~ /event_publication|pg_notify|spring_session|listen /) printf "%s", block }'
    echo '```'
  } >>"$OUT/explain-$largest.md"
done
stop_app
cp "$OUT/postgresql.auto.conf.saved" "$conf"
echo "Plans: $OUT/explain-$largest.md" | tee -a "$RESULTS"

smallest=${SIZES[0]}
verdict=PASS
if [ "$largest" != "$smallest" ]; then
  {
    echo
    echo "## p99 at $largest articles against p99 at $smallest (limit: 2×)"
    echo
    echo "| request | connections | p99 at $smallest | p99 at $largest | ratio |"
    echo "|---|---:|---:|---:|---:|"
  } | tee -a "$RESULTS"
  for name in "${NAMES[@]}"; do
    for connections in 1 32; do
      a=${P99[$largest/$name/$connections]} b=${P99[$smallest/$name/$connections]}
      ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')
      mark=""
      awk -v r="$ratio" 'BEGIN { exit !(r > 2) }' && { verdict=FAIL; mark=" **over**"; }
      printf '| %s | %s | %.2f ms | %.2f ms | %s%s |\n' "$name" "$connections" "$(echo "$b / 1000" | bc -l)" \
          "$(echo "$a / 1000" | bc -l)" "$ratio" "$mark" | tee -a "$RESULTS"
    done
  done
fi
search_verdict=PASS
awk -v p="${SEARCH_P95[$largest]}" 'BEGIN { exit !(p >= 50) }' && search_verdict=FAIL
{
  echo
  echo "p99 at $largest ≤ 2× p99 at $smallest for every request: $verdict"
  echo "Slowest search p95 at $largest: ${SEARCH_P95[$largest]} ms (limit 50): $search_verdict"
} | tee -a "$RESULTS"
echo "Results: $RESULTS" >&2
[ "$verdict" = PASS ] && [ "$search_verdict" = PASS ]
