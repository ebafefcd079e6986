#!/usr/bin/env bash
# Installs Debian's Chromium for the playground's end-to-end tests (spec/e2e/), when it is missing.
# playwright-core drives it with executablePath /usr/bin/chromium; no browser is downloaded by npm.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
