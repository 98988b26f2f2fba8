#!/usr/bin/env bash
# The slow paths of issue 13, timed (figures, not tests). Prints a Markdown table;
# benches/bench.sh appends it to its report.
#
#   benches/slow-paths.sh
#
# Measures, on inputs examples/genslow.rs generates:
#   - human, JSON and SARIF output on a Word file of 4 000 near copies of a paragraph (13 KB)
#     and on a 2.6 MB GBK file of near copies: JSON and SARIF keep no text, and read a file
#     again for the diffs of its near copies, which must cost one reading, not one a copy;
#   - each format on 1 000 small files, each with a near copy of a paragraph of one 2.6 MB
#     GBK file: SARIF and rdjson read that file again to place the copies, once, not once
#     for each file;
#   - `--fix` over 20 000, 40 000 and 200 000 small files with two safe fixes each
#     (FIX_FILES="20000 40000" to change): the time must grow with the number of files.
#     Each run writes every file through a temporary file and fsync, so the disk weighs in
#     the time: FIX_DIR=/dev/shm/govlint-fix (a tmpfs) leaves the CPU alone; the directory
#     is emptied before each run.
# Each time is the median of RUNS runs (default 3; `--fix` runs FIX_RUNS times, default 1),
# with the CPU time (user + system) of the same run and the highest peak memory. Needs GNU
# /usr/bin/time. GOVLINT=PATH measures another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
out=$target/bench/slow
mkdir -p "$out"
cargo build --release --quiet --bin govlint --example genslow
govlint=${GOVLINT:-$target/release/govlint}
genslow=$target/release/examples/genslow
runs=${RUNS:-3}
fix_runs=${FIX_RUNS:-1}
fix_dir=${FIX_DIR:-$out/fix}

# timed LABEL RUNS SETUP DIR ARGS... : runs `govlint ARGS` in DIR, after the command SETUP
# (untimed), RUNS times; prints a table row.
timed() {
  local label=$1 n=$2 setup=$3 dir=$4; shift 4
  local rows=() peak=0 wall user sys kb
  for _ in $(seq "$n"); do
    eval "$setup"
    (cd "$dir" && /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" "$govlint" "$@" \
      > /dev/null 2> "$out/stderr.txt") || true
    read -r wall user sys kb < <(tail -n 1 "$out/time.txt")
    rows+=("$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  read -r wall cpu < <(printf '%s\n' "${rows[@]}" | sort -n | sed -n "$(( (${#rows[@]} + 1) / 2 ))p")
  awk -v l="$label" -v w="$wall" -v c="$cpu" -v k="$peak" \
    'BEGIN { printf "| %s | %.2f s | %.2f s | %.0f MiB |\n", l, w, c, k/1024 }'
}

"$genslow" docx "$out/near.docx" 4000
"$genslow" gbk "$out/near-gbk.txt" 2600000
rm -rf "$out/copies"
"$genslow" copies "$out/copies" 1000

echo "| case | time | CPU (user + system) | peak memory |"
echo "|---|---|---|---|"
for file in near.docx near-gbk.txt; do
  for format in human json sarif; do
    size=$(wc -c < "$out/$file" | awk '{ printf "%.0f KB", $1 / 1000 }')
    timed "$file ($size), --format $format" "$runs" : "$out" \
      check "$file" --format "$format" --color never
  done
done
for format in json sarif rdjson; do
  timed "1 000 files with copies of a 2.6 MB GBK file, --format $format" "$runs" : \
    "$out/copies" check . --format "$format"
done
for files in ${FIX_FILES:-20000 40000 200000}; do
  timed "--fix, $files files" "$fix_runs" \
    "rm -rf '$fix_dir' && mkdir -p '$fix_dir' && '$genslow' fixable '$fix_dir' $files" \
    "$fix_dir" check . --fix --format json
done
rm -rf "$fix_dir"
