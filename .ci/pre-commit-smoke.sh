#!/usr/bin/env bash
# Proves the pre-commit hook works: `pre-commit try-repo` builds govlint from this checkout
# and runs it on a scratch repository with one faulty and one clean article. Needs Python
# (pre-commit is installed into a virtual environment) and cargo.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit
mkdir "$work/repo"
cd "$work/repo"
git init --quiet
git config user.email ci@example.com
git config user.name ci
printf '　　海门区荣获“全国法治政府建设示范地区”称号,获评江苏省法治建设杰出项目大奖.\n' > draft.txt
printf '　　海门区荣获“全国法治政府建设示范地区”称号。\n' > clean.txt
printf 'not an article: commas, colons: ignored\n' > notes.yaml
git add .
status=0
"$work/venv/bin/pre-commit" try-repo "$root" govlint --all-files --verbose > out.txt 2>&1 || status=$?
cat out.txt
test "$status" -eq 1 || { echo "expected the hook to fail on draft.txt (status $status)"; exit 1; }
grep -q "stray-period" out.txt
grep -q "draft.txt" out.txt
! grep -q "notes.yaml" out.txt
git rm --quiet --cached draft.txt && rm draft.txt
"$work/venv/bin/pre-commit" try-repo "$root" govlint --all-files
echo "pre-commit hook: fails on the faulty article, passes on the clean one"
