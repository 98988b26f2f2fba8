#!/usr/bin/env bash
# Recall of realistic pastes by kind (examples/gencorpus.rs plants them, examples/recall.rs
# counts them), for any govlint binary:
#
#   benches/recall.sh [GOVLINT] [PARAGRAPHS] [SOURCE_DIR]
#
# GOVLINT defaults to the release binary built from this checkout, PARAGRAPHS to 20000,
# SOURCE_DIR to ../shared/corpus/gov (the fixtures when it is absent). The corpus is written
# to target/bench/recall-PARAGRAPHS (under $CARGO_TARGET_DIR when set), once: it is
# generated again only when the arguments or the generator change. govlint runs with
# repository scope; its JSON output is kept beside the corpus as out.json.
set -euo pipefail
govlint=${1:-}
[ -z "$govlint" ] || govlint=$(realpath "$govlint")
n=${2:-20000}
source=${3:-../shared/corpus/gov}
[ -z "${3:-}" ] || source=$(realpath "$source")
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
if [ -z "$govlint" ]; then
  cargo build --release --quiet --bin govlint
  govlint=$target/release/govlint
fi
cargo build --release --quiet --example gencorpus --example recall
out=$target/bench/recall-$n
source_arg=()
[ -d "$source" ] && source_arg=(--source "$source")
"$target"/release/examples/gencorpus --paragraphs "$n" --out "$out" "${source_arg[@]}"
status=0
"$govlint" check "$out/docs" --format json --dup-scope repository > "$out/out.json" || status=$?
# 1 means findings; anything else is a failure.
[ "$status" -le 1 ] || { echo "$govlint exited with $status" >&2; exit "$status"; }
"$target"/release/examples/recall "$out/truth.tsv" "$out/out.json"
