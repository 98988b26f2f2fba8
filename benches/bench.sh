#!/usr/bin/env bash
# Benchmarks of govlint (not tests: figures, not pass/fail). Writes target/bench/report.md.
#
#   benches/bench.sh [SHARED_DIR]     # SHARED_DIR defaults to ../shared
#
# Measures, on this machine:
#   - the real corpus SHARED_DIR/corpus/gov (when present): time, MB/s and peak memory at 1
#     and 2 threads (all rules, repository scope), natural duplicate findings per 1 000
#     paragraphs, and the near-duplicate index's recall against an exhaustive search;
#   - a generated corpus of 300 000 paragraphs with planted pastes (examples/gencorpus.rs):
#     time, MB/s, peak memory at 1 and 2 threads, and recall of the pastes by kind;
#   - cost growth at 50k, 100k, 200k and 400k paragraphs (2 threads);
#   - the incremental cache: a cold run writing it, a warm re-run, and a re-run after one
#     file changed (generated 300k, 2 threads);
#   - the slow paths of issue 13 (benches/slow-paths.sh): each output format on a Word file
#     and a GBK file of near copies, and `--fix` over 20 000 to 200 000 files.
# Needs /usr/bin/time (GNU time) for peak memory. Builds into $CARGO_TARGET_DIR when set
# (target/ otherwise), and writes there; GOVLINT=PATH measures another govlint binary
# (benches/recall.sh measures only the recall of pastes, of any binary).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
target=${CARGO_TARGET_DIR:-target}
out=$target/bench
mkdir -p "$out"
report=$out/report.md
cargo build --release --quiet --bin govlint --example gencorpus --example recall --example oracle
govlint=${GOVLINT:-$target/release/govlint}

# Timed runs of each measurement (the median time is reported; the machine is shared, and
# one run can be 10% off). RUNS=1 for a quick look.
runs=${RUNS:-3}
[ "$runs" -ge 1 ] || runs=1

# run LABEL THREADS ARGS... : timed runs, appends a table row (median time, highest peak
# memory). A run that writes the cache is run once: a second run would find it written.
run() {
  local label=$1 threads=$2; shift 2
  local bytes times=() seconds kb peak=0 repeat=$runs
  bytes=$(du -sb "$1" | cut -f1)
  case "$label" in cold* | *changed*) repeat=1 ;; esac
  for _ in $(seq "$repeat"); do
    RAYON_NUM_THREADS=$threads /usr/bin/time -f "%e %M" -o "$out/time.txt" \
      "$govlint" check "$@" --format json > "$out/last.json" || true
    read -r seconds kb < <(tail -n 1 "$out/time.txt")
    times+=("$seconds")
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  seconds=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (${#times[@]} + 1) / 2 ))p")
  kb=$peak
  awk -v l="$label" -v t="$threads" -v s="$seconds" -v k="$kb" -v b="$bytes" \
    'BEGIN { printf "| %s | %d | %.1f MB | %.2f s | %.1f MB/s | %.0f MiB |\n", l, t, b/1e6, s, b/1e6/s, k/1024 }' >> "$report"
}

{
  echo "# govlint benchmarks ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "| corpus | threads | size | time | throughput | peak memory |"
  echo "|---|---|---|---|---|---|"
} > "$report"

if [ -d "$shared/corpus/gov" ]; then
  for t in 1 2; do run "shared/corpus/gov" "$t" "$shared/corpus/gov"; done
  paragraphs=$(cat "$shared"/corpus/gov/*.txt | grep -c .)
  findings=$(grep -c '"rule": "\(near-\)\?duplicate-paragraph"' "$out/last.json" || true)
  echo >> "$report"
  awk -v f="$findings" -v p="$paragraphs" 'BEGIN { printf "Natural duplicate findings on shared/corpus/gov: %d in %d paragraphs (%.2f per 1 000).\n", f, p, 1000*f/p }' >> "$report"
  echo >> "$report"
  echo "Near-duplicate index against an exhaustive search (shared/corpus/gov, repository scope):" >> "$report"
  echo >> "$report"
  for threshold in 0.80 0.85 0.90; do
    echo "- $("$target"/release/examples/oracle "$shared/corpus/gov" "$threshold" 2>/dev/null)" >> "$report"
  done
  source_arg=(--source "$shared/corpus/gov")
else
  echo "($shared/corpus/gov not found: real-corpus figures skipped)" >> "$report"
  source_arg=()
fi

# A corpus already generated with the same arguments by the same generator is kept.
generate() {
  local n=$1
  "$target"/release/examples/gencorpus --paragraphs "$n" --out "$out/$n" "${source_arg[@]}"
}

echo >> "$report"
echo "| corpus | threads | size | time | throughput | peak memory |" >> "$report"
echo "|---|---|---|---|---|---|" >> "$report"
generate 300000
for t in 1 2; do run "generated 300k paragraphs" "$t" "$out/300000/docs"; done
echo >> "$report"
echo "Recall of planted pastes by kind (generated 300k, default settings, repository scope):" >> "$report"
echo >> "$report"
"$target"/release/examples/recall "$out/300000/truth.tsv" "$out/last.json" >> "$report"

echo >> "$report"
echo "Cost growth (2 threads):" >> "$report"
echo >> "$report"
echo "| corpus | threads | size | time | throughput | peak memory |" >> "$report"
echo "|---|---|---|---|---|---|" >> "$report"
for n in 50000 100000 200000 400000; do
  generate "$n"
  run "generated $n paragraphs" 2 "$out/$n/docs"
done

echo >> "$report"
echo "Incremental cache (generated 300k, 2 threads):" >> "$report"
echo >> "$report"
echo "| corpus | threads | size | time | throughput | peak memory |" >> "$report"
echo "|---|---|---|---|---|---|" >> "$report"
rm -rf "$out/cache"
run "cold, writing the cache" 2 "$out/300000/docs" --cache-dir "$out/cache"
run "warm, nothing changed" 2 "$out/300000/docs" --cache-dir "$out/cache"
changed="$out/300000/docs/doc000001.txt"
cp "$changed" "$out/unchanged.txt"
echo "　　新增一段，用于测试缓存。" >> "$changed"
run "warm, one file changed" 2 "$out/300000/docs" --cache-dir "$out/cache"
# The generated corpus stays as generated, for the next run.
mv "$out/unchanged.txt" "$changed"

echo >> "$report"
echo "Slow paths of issue 13 (benches/slow-paths.sh):" >> "$report"
echo >> "$report"
GOVLINT=$govlint RUNS=$runs benches/slow-paths.sh >> "$report"

cat "$report"
