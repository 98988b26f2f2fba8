#!/usr/bin/env bash
# Runs govlint for the action: a Markdown report to the job summary, then the findings as
# annotations; the step's exit status is that run's (1: findings at or above `fail-on`,
# 2: a path could not be linted).
#
# GOVLINT_PATHS and GOVLINT_ARGS are split as a shell splits words, quotes included
# (`"my docs/a.md" content`), but nothing in them is run or expanded: xargs reads them.
set -euo pipefail

# Words of $1, one per array element, into the array named $2.
split_words() {
  local -a words=()
  local word
  if [ -n "${1//[[:space:]]/}" ]; then
    while IFS= read -r -d '' word; do
      words+=("$word")
    done < <(printf '%s\n' "$1" | xargs printf '%s\0')
  fi
  eval "$2"='("${words[@]+"${words[@]}"}")'
}

split_words "${GOVLINT_PATHS:-.}" paths
split_words "${GOVLINT_ARGS:-}" extra
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
