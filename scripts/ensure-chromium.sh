#!/usr/bin/env bash
# Makes sure Debian's headless-capable Chromium and its ChromeDriver are installed, for the
# end-to-end tests of the review pages. Idempotent: nothing happens when both are there.
set -euo pipefail
log() { printf '[ensure-chromium] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
log "installing chromium and chromium-driver"
as_root apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
log "ready: $(/usr/bin/chromium --version 2>/dev/null), $(/usr/bin/chromedriver --version 2>/dev/null | cut -d' ' -f1-2)"
