#!/usr/bin/env bash
# Prints the absolute path of axe-core's axe.min.js on stdout (one line): the accessibility
# checker the site's browser tests inject into each page. Order: $AXE_CORE_JS, the cached copy
# in <repo>/.tools/axe-core/<version>/, and finally `npm pack` from npm.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version="${AXE_CORE_VERSION:-4.14.1}"
cached="$repo/.tools/axe-core/$version/axe.min.js"

log() { echo "axe-core.sh: $*" >&2; }
. "$repo/scripts/npm-package.sh"

if [[ -n "${AXE_CORE_JS:-}" ]]; then
  if [[ ! -f "$AXE_CORE_JS" ]]; then
    log "\$AXE_CORE_JS=$AXE_CORE_JS is not a file"
    exit 1
  fi
  realpath "$AXE_CORE_JS"
  exit 0
fi

if [[ -f "$cached" ]]; then
  echo "$cached"
  exit 0
fi

log "downloading axe-core $version from npm"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm_unpack "axe-core@$version" "$tmp"
install_atomically "$tmp/package/axe.min.js" "$cached"
echo "$cached"
