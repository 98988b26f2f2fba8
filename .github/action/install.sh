#!/usr/bin/env bash
# Installs govlint for the action: the release archive for this runner, else
# `cargo install` of the release's tag, else (the action run from a checkout of govlint,
# `uses: ./`) a build of that checkout. The binary goes to GOVLINT_DIR/bin, which is put
# on PATH for the later steps.
#
# Release assets are `govlint-<target>.tar.gz` (`.zip` on Windows) with the targets below,
# as .github/workflows/release.yml names them; a `<asset>.sha256` beside one is checked.
set -euo pipefail

: "${GOVLINT_DIR:?}" "${GOVLINT_VERSION:?}"
repo="${GOVLINT_REPOSITORY:-}"
bin="$GOVLINT_DIR/bin"
mkdir -p "$bin"

exe=govlint
case "${RUNNER_OS:-$(uname -s)}-${RUNNER_ARCH:-$(uname -m)}" in
  Linux-X64 | Linux-x86_64) target=x86_64-unknown-linux-musl ;;
  Linux-ARM64 | Linux-aarch64) target=aarch64-unknown-linux-musl ;;
  macOS-X64 | Darwin-x86_64) target=x86_64-apple-darwin ;;
  macOS-ARM64 | Darwin-arm64) target=aarch64-apple-darwin ;;
  Windows-X64) target=x86_64-pc-windows-msvc exe=govlint.exe ;;
  *) target="" ;;
esac

if [ -x "$bin/$exe" ]; then
  echo "govlint $GOVLINT_VERSION from the cache"
  exit 0
fi

download() {
  [ -n "$repo" ] && [ -n "$target" ] || return 1
  local asset url work
  case "$target" in
    *windows*) asset="govlint-$target.zip" ;;
    *) asset="govlint-$target.tar.gz" ;;
  esac
  if [ "$GOVLINT_VERSION" = latest ]; then
    url="https://github.com/$repo/releases/latest/download/$asset"
  else
    url="https://github.com/$repo/releases/download/$GOVLINT_VERSION/$asset"
  fi
  work=$(mktemp -d)
  echo "Downloading $url"
  curl --fail --silent --show-error --location --retry 3 --output "$work/$asset" "$url" || return 1
  if curl --fail --silent --location --output "$work/$asset.sha256" "$url.sha256"; then
    local want got
    want=$(cut -d ' ' -f 1 < "$work/$asset.sha256")
    if command -v sha256sum > /dev/null; then
      got=$(sha256sum "$work/$asset" | cut -d ' ' -f 1)
    else
      got=$(shasum -a 256 "$work/$asset" | cut -d ' ' -f 1)
    fi
    if [ "$want" != "$got" ]; then
      echo "::error title=govlint::$asset does not match its checksum"
      return 1
    fi
  fi
  case "$asset" in
    *.zip) unzip -q -o "$work/$asset" -d "$work/x" ;;
    *) mkdir "$work/x" && tar -xzf "$work/$asset" -C "$work/x" ;;
  esac
  # Wherever the archive keeps it (at its top or in a folder).
  local found
  found=$(find "$work/x" -type f -name "$exe" | head -n 1)
  [ -n "$found" ] || return 1
  cp "$found" "$bin/$exe"
  chmod +x "$bin/$exe"
}

from_source() {
  command -v cargo > /dev/null || {
    echo "::error title=govlint::no release binary for ${target:-this runner}, and no cargo to build one"
    return 1
  }
  if [ -n "$repo" ]; then
    local tag=()
    [ "$GOVLINT_VERSION" = latest ] || tag=(--tag "$GOVLINT_VERSION")
    cargo install --locked --quiet --root "$GOVLINT_DIR" --git "https://github.com/$repo" "${tag[@]}" govlint
  else
    cargo install --locked --quiet --root "$GOVLINT_DIR" --path "${GOVLINT_SOURCE:?}"
  fi
}

if ! download; then
  echo "No release binary installed; building govlint with cargo"
  from_source
fi
"$bin/$exe" --version
