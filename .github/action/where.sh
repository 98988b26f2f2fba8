#!/usr/bin/env bash
# Where the action installs govlint (`dir`), and which repository its releases are in
# (`repo`), as step outputs. The repository is read from the action's own path, where the
# runner checked it out (`…/_actions/OWNER/REPO/REF`): `github.action_repository` is empty
# in a composite action's steps (actions/runner#2525). An action run from a checkout
# (`uses: ./`) has no repository: it builds that checkout.
set -euo pipefail
: "${GOVLINT_VERSION:?}" "${GITHUB_ACTION_PATH:?}" "${GITHUB_OUTPUT:?}"
path=${GITHUB_ACTION_PATH//\\//}
repo=""
case "$path" in
  */_actions/*/*/*)
    rest=${path##*/_actions/}
    owner=${rest%%/*}
    rest=${rest#*/}
    repo="$owner/${rest%%/*}"
    ;;
esac
base=${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}}
{
  echo "dir=$base/govlint/$GOVLINT_VERSION/${RUNNER_OS:-$(uname -s)}-${RUNNER_ARCH:-$(uname -m)}"
  echo "repo=$repo"
} >> "$GITHUB_OUTPUT"
