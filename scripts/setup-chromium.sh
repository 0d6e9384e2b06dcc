#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests, when it is missing and we are root with apt.
# Elsewhere the browser tests skip with a message saying Chromium is absent.
set -uo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-chromium: not root or no apt-get; browser tests will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
if [ -x /usr/bin/chromium ]; then echo "setup-chromium: installed $(/usr/bin/chromium --version)"; else echo "setup-chromium: install failed" >&2; exit 1; fi
