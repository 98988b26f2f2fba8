#!/usr/bin/env bash
# Runs the action's scripts (.github/action/*.sh) as its steps would, against a govlint
# binary (GOVLINT, default: a debug build of this checkout) and stand-ins for curl and
# cargo: the paths input split as the shell splits words, quotes and spaces included, and
# nothing in it run; the summary and annotations written; the exit status kept; the
# release download tried first and cargo the fallback.
# The patterns in single quotes are literal on purpose (`$(…)`, backticks).
# shellcheck disable=SC2016
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${GOVLINT:-}" ]; then
  cargo build --quiet --manifest-path "$root/Cargo.toml"
  GOVLINT="${CARGO_TARGET_DIR:-$root/target}/debug/govlint"
fi
export GOVLINT
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "action-test: $*" >&2; exit 1; }

# --- lint.sh -------------------------------------------------------------------------
repo="$work/repo"
mkdir -p "$repo/.git" "$repo/my docs" "$repo/content" "$repo/drafts"
printf '　　今年4月，区行政审批局获“中国智慧政务建设杰出项目”大奖.\n' > "$repo/my docs/a.md"
printf '　　近年来，全区法治政府建设迈上新台阶。\n' > "$repo/content/b.md"
printf '　　近年来,全区法治政府建设迈上新台阶。\n' > "$repo/drafts/c.md"
export GITHUB_STEP_SUMMARY="$work/summary.md" RUNNER_TEMP="$work"
cd "$repo"

status=0
GOVLINT_PATHS='"my docs" content $(touch pwned) `touch pwned2`' \
  bash "$root/.github/action/lint.sh" > "$work/out" 2> "$work/err" || status=$?
if [ -e pwned ] || [ -e pwned2 ]; then fail "a path was run as a command"; fi
[ "$status" -eq 2 ] || fail "expected 2 (two paths do not exist), got $status"
grep -qx '::error file=my docs/a.md,line=1,col=31,endLine=1,endColumn=32,title=stray-period::ASCII `.` used as a Chinese full stop' "$work/out" \
  || { cat "$work/out" "$work/err"; fail "no annotation for my docs/a.md"; }
grep -q 'content/b.md' "$work/out" && fail "content/b.md is clean"
grep -q '$(touch' "$work/err" || fail "the odd paths are reported as paths"
grep -q '^| my docs/a.md:1:31 | `stray-period` |' "$GITHUB_STEP_SUMMARY" \
  || { cat "$GITHUB_STEP_SUMMARY"; fail "the summary lists the error"; }

# An unmatched quote is an error, not a guess.
status=0
GOVLINT_PATHS='"my docs' bash "$root/.github/action/lint.sh" > /dev/null 2>&1 || status=$?
[ "$status" -ne 0 ] || fail "an unmatched quote should fail the step"

# Newline-separated paths, fail-on and args, from a subdirectory.
: > "$GITHUB_STEP_SUMMARY"
cd "$repo/content"
status=0
GOVLINT_PATHS=$'../drafts\n.\n' GOVLINT_FAIL_ON=warning GOVLINT_ARGS="--lang zh" \
  bash "$root/.github/action/lint.sh" > "$work/out" 2> "$work/err" || status=$?
[ "$status" -eq 1 ] || { cat "$work/out" "$work/err"; fail "a warning fails with fail-on warning ($status)"; }
grep -q '^::warning file=drafts/c.md,' "$work/out" || fail "warning annotation for drafts/c.md"
grep -q '^| drafts/c.md | 1 | 0 | 1 |' "$GITHUB_STEP_SUMMARY" || fail "file table"
grep -q '按文件统计' "$GITHUB_STEP_SUMMARY" || fail "the summary follows --lang"

# A clean run passes; a baseline and a configuration are passed on. The baseline's paths
# are relative to the configuration's directory, so it is written with that configuration.
cd "$repo"
mkdir -p "$work/settings"
printf 'exclude = ["my docs"]\n' > "$work/settings/govlint.toml"
"$GOVLINT" check drafts --config "$work/settings/govlint.toml" \
  --write-baseline "$work/baseline.json" 2> /dev/null
GOVLINT_PATHS=. GOVLINT_BASELINE="$work/baseline.json" GOVLINT_CONFIG="$work/settings/govlint.toml" \
  GOVLINT_FAIL_ON=warning bash "$root/.github/action/lint.sh" > "$work/out" \
  || { cat "$work/out"; fail "expected a clean run"; }
[ ! -s "$work/out" ] || fail "no annotations expected"

# --- where.sh ------------------------------------------------------------------------
where() {
  : > "$work/output"
  GITHUB_OUTPUT="$work/output" GITHUB_ACTION_PATH="$1" GOVLINT_VERSION=v1.2.3 \
    RUNNER_TOOL_CACHE=/opt/hostedtoolcache RUNNER_OS=Linux RUNNER_ARCH=X64 \
    bash "$root/.github/action/where.sh"
  cat "$work/output"
}
[ "$(where /home/runner/work/_actions/someone/govlint/v1.2.3)" = "$(printf 'dir=/opt/hostedtoolcache/govlint/v1.2.3/Linux-X64\nrepo=someone/govlint')" ] \
  || fail "where.sh: $(where /home/runner/work/_actions/someone/govlint/v1.2.3)"
where 'D:\a\_actions\someone\govlint\main' | grep -qx 'repo=someone/govlint' || fail "where.sh on Windows"
where /home/runner/work/content/content | grep -qx 'repo=' || fail "where.sh from a checkout"

# --- install.sh ----------------------------------------------------------------------
stub="$work/stub"
mkdir -p "$stub"
cat > "$stub/curl" <<'STUB'
#!/usr/bin/env bash
echo "curl $*" >> "$STUB_LOG"
exit 22
STUB
cat > "$stub/cargo" <<'STUB'
#!/usr/bin/env bash
echo "cargo $*" >> "$STUB_LOG"
while [ $# -gt 0 ]; do [ "$1" = --root ] && root=$2; shift; done
mkdir -p "$root/bin" && printf '#!/bin/sh\necho govlint 9.9.9\n' > "$root/bin/govlint"
chmod +x "$root/bin/govlint"
STUB
chmod +x "$stub/curl" "$stub/cargo"
export STUB_LOG="$work/stub.log"
PATH="$stub:$PATH" RUNNER_OS=Linux RUNNER_ARCH=X64 GOVLINT_DIR="$work/install" \
  GOVLINT_VERSION=v1.2.3 GOVLINT_REPOSITORY=someone/govlint \
  bash "$root/.github/action/install.sh" > "$work/out"
grep -qx 'curl .* https://github.com/someone/govlint/releases/download/v1.2.3/govlint-x86_64-unknown-linux-musl.tar.gz' "$STUB_LOG" \
  || { cat "$STUB_LOG"; fail "the release asset is tried first"; }
grep -qx 'cargo install --locked --quiet --root .*/install --git https://github.com/someone/govlint --tag v1.2.3 govlint' "$STUB_LOG" \
  || { cat "$STUB_LOG"; fail "cargo installs the tag"; }
grep -q 'govlint 9.9.9' "$work/out" || fail "the installed binary runs"
# Installed already (a cache hit): nothing is fetched.
: > "$STUB_LOG"
PATH="$stub:$PATH" RUNNER_OS=Windows RUNNER_ARCH=X64 GOVLINT_DIR="$work/install" \
  GOVLINT_VERSION=latest GOVLINT_REPOSITORY=someone/govlint \
  bash "$root/.github/action/install.sh" > /dev/null 2>&1 || true
PATH="$stub:$PATH" RUNNER_OS=Linux RUNNER_ARCH=X64 GOVLINT_DIR="$work/install" \
  GOVLINT_VERSION=v1.2.3 GOVLINT_REPOSITORY=someone/govlint \
  bash "$root/.github/action/install.sh" > "$work/out"
grep -q 'from the cache' "$work/out" || fail "a cached binary is used"
grep -q 'releases/latest/download/govlint-x86_64-pc-windows-msvc.zip' "$STUB_LOG" \
  || { cat "$STUB_LOG"; fail "Windows takes the zip of the latest release"; }
echo "action scripts: paths with spaces and quotes, summary, annotations, exit status, install fallback"
