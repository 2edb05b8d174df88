#!/usr/bin/env bash
# Installs Debian's chromium for the browser test of `appcmd ui` (test/ui). Playwright's own
# browser download cannot work here (no network at npm install time), so the test drives the
# distribution's package through playwright-core. Idempotent: returns at once when it is there.
set -euo pipefail
CHROMIUM="${APPCMD_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$CHROMIUM" != /usr/bin/chromium ]; then
  echo "setup-chromium: APPCMD_CHROMIUM=$CHROMIUM is not an executable file." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-chromium: no apt-get here; install Chromium and set APPCMD_CHROMIUM to its path." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
"$CHROMIUM" --version
