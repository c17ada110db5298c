#!/bin/sh
# Playwright drives Debian's Chromium: no browser download works on these machines.
# Installs it when missing (needs root or passwordless sudo, as on CI).
set -e
# CHROMIUM_PATH: the same variable e2e/chromium.ts reads.
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then exit 0; fi
echo "Installing Debian's chromium for the browser tests…"
if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
