#!/usr/bin/env bash
# Runs govlint for the action: a Markdown report to the job summary, then the findings as
# annotations; the step's exit status is that run's (1: findings at or above `fail-on`,
# 2: a path could not be linted).
#
# GOVLINT_PATHS and GOVLINT_ARGS are split as a shell splits words, quotes included
# (`"my docs/a.md" content`), but nothing in them is run or expanded: xargs reads them.
set -euo pipefail

# The words of $1, each ended by a NUL; fails on an unmatched quote.
words() {
  [ -n "${1//[[:space:]]/}" ] || return 0
  printf '%s\n' "$1" | xargs printf '%s\0'
}
list=$(mktemp)
trap 'rm -f "$list"' EXIT
paths=()
words "${GOVLINT_PATHS:-.}" > "$list"
while IFS= read -r -d '' word; do paths+=("$word"); done < "$list"
extra=()
words "${GOVLINT_ARGS:-}" > "$list"
while IFS= read -r -d '' word; do extra+=("$word"); done < "$list"
[ "${#paths[@]}" -gt 0 ] || paths=(.)

options=()
[ -z "${GOVLINT_CONFIG:-}" ] || options+=(--config "$GOVLINT_CONFIG")
[ -z "${GOVLINT_BASELINE:-}" ] || options+=(--baseline "$GOVLINT_BASELINE")
[ -z "${GOVLINT_FAIL_ON:-}" ] || options+=(--fail-on "$GOVLINT_FAIL_ON")
# Both runs share a cache: the second reads nothing the first has read.
options+=(--cache-dir "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/govlint-cache")
options+=("${extra[@]+"${extra[@]}"}")

govlint=${GOVLINT:-govlint}
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  # Its notes and errors are said once, by the run below.
  "$govlint" check "${options[@]}" --format markdown --exit-zero -- "${paths[@]}" \
    >> "$GITHUB_STEP_SUMMARY" 2> /dev/null || true
fi
"$govlint" check "${options[@]}" --format github -- "${paths[@]}"
