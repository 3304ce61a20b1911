#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing. Browsers are never
# downloaded by a test tool: playwright-core drives this system package.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "ensure-chromium: $(chromium --version 2>/dev/null | head -1) is installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: chromium is missing; run 'sudo apt-get install -y chromium' (or run this script as root)" >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium (apt-get)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium fonts-noto-cjk
echo "ensure-chromium: $(chromium --version | head -1) installed"
