#!/usr/bin/env bash
# Installs what the test suites need on a fresh Debian machine. Idempotent and
# quiet: anything already present is left alone, and tools print only on change
# or failure. CI machines start bare, so test.sh runs this every time.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

log() { echo "test-prerequisites: $*" >&2; }

# Runs a command as root: directly if we are root, else through sudo if present.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    log "need root to run: $*"
    return 1
  fi
}

apt_updated=false
apt_install() {
  if ! $apt_updated; then
    as_root apt-get update -qq >/dev/null
    apt_updated=true
  fi
  log "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# kubectl v1.33 (the compatibility suite drives the simulator with it).
"$here/kubectl.sh" >/dev/null

# The official Python client; Debian's package imports under /usr/bin/python3
# only (the python3 first on PATH may be another interpreter).
if ! /usr/bin/python3 -c 'import kubernetes' 2>/dev/null; then
  apt_install python3-kubernetes
fi

# tshark reads back the pcap files the exporter writes. Its package asks whether
# non-root users may capture packets; answer "no" before installing so the
# install never stops to ask.
if ! command -v tshark >/dev/null; then
  echo "wireshark-common wireshark-common/install-setuid boolean false" | as_root debconf-set-selections
  apt_install tshark
fi

# axe-core, which the site's browser tests inject to check each page's accessibility.
"$here/axe-core.sh" >/dev/null

# The site's browser tests drive Debian's chromium through Playwright (Playwright's own browser
# download needs a network this machine may not have). A developer elsewhere can point
# KUBELAB_CHROMIUM at another browser instead.
if [[ -z ${KUBELAB_CHROMIUM:-} && ! -x /usr/bin/chromium ]]; then
  apt_install chromium
fi
