#!/usr/bin/env bash
# Import benchmark (issue 13): generates a WordPress export of N made-up posts (default 100,000, no pictures) and
# imports it with the packaged jar's command line into a fresh embedded database, timing it; then runs the import
# again (nothing to do: every post is already there) and, with BIG=1, checks memory with a ~2 GB WXR read under
# -Xmx512m as a dry run.
#
#   bench/import.sh [posts]
#   BIG=1 bench/import.sh           also the 2 GB memory check (needs ~3 GB of disk in target/bench)
#
# Results go to stdout and target/bench/import-results.md. Everything runs on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."

POSTS=${1:-100000}
OUT=target/bench
mkdir -p "$OUT"
RESULTS=$OUT/import-results.md
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
[ -f target/masthead.jar ] || ./mvnw -B -q -DskipTests package

FILE=$OUT/wxr-$POSTS.xml
[ -f "$FILE" ] || { echo "Generating $FILE"; java bench/WxrGenerator.java "$POSTS" "$FILE"; }
DATA=$OUT/import-data-$POSTS
rm -rf "$DATA"

{
  echo "# Masthead import benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $JAVA_OPTS"
  echo
  echo "WXR with $POSTS posts, $(du -h "$FILE" | cut -f1), no pictures; fresh embedded PostgreSQL in $DATA."
  echo
} | tee "$RESULTS"

run_import() { # label args…
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$OUT/import-rss.txt" java $JAVA_OPTS -jar target/masthead.jar import "$@" \
      --masthead.data-dir="$DATA" > "$OUT/import-report.txt" 2> "$OUT/import-progress.txt" || {
    echo "import failed, see $OUT/import-progress.txt" >&2; tail -5 "$OUT/import-progress.txt" >&2; exit 1; }
  end=$(date +%s.%N)
  local seconds rss
  seconds=$(echo "$end - $start" | bc)
  rss=$(cat "$OUT/import-rss.txt")
  printf '| %s | %.1f s | %.0f posts/s | %d MB |\n' "$label" "$seconds" "$(echo "$POSTS / $seconds" | bc -l)" \
      "$((rss / 1024))" | tee -a "$RESULTS"
}

echo "| run | wall time (JVM start included) | pace | peak RSS |" | tee -a "$RESULTS"
echo "|---|---:|---:|---:|" | tee -a "$RESULTS"
run_import "first import" "$FILE"
head -8 "$OUT/import-report.txt" | sed 's/^/    /' >> "$RESULTS"
run_import "same file again (all unchanged)" "$FILE"

if [ "${BIG:-0}" = 1 ]; then
  BIGFILE=$OUT/wxr-big.xml
  [ -f "$BIGFILE" ] || { echo "Generating $BIGFILE (~2 GB)"; java bench/WxrGenerator.java 20000 "$BIGFILE" 300; }
  echo | tee -a "$RESULTS"
  echo "2 GB check: $(du -h "$BIGFILE" | cut -f1) WXR (20,000 posts of ~100 KB), imported under -Xmx512m:" | tee -a "$RESULTS"
  DATA=$OUT/import-data-big; rm -rf "$DATA"
  JAVA_OPTS=-Xmx512m POSTS=20000 run_import "import of the 2 GB file" "$BIGFILE"
fi
echo | tee -a "$RESULTS"
echo "Target: 100,000 posts in under 5 minutes on 2 cores." | tee -a "$RESULTS"
