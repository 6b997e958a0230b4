#!/usr/bin/env bash
# Starts Chromium for playwright-core (scripts/lib/chromium.ts) with Playwright's
# arguments, adding $CHROMIUM_DISABLE_FEATURES to the one --disable-features switch
# Playwright passes: Chromium keeps only the last such switch, so a second one
# would silently drop Playwright's own list.
set -euo pipefail
args=()
added=""
for a in "$@"; do
  case "$a" in
    --disable-features=*)
      a="$a,$CHROMIUM_DISABLE_FEATURES"
      added=1
      ;;
  esac
  args+=("$a")
done
if [ -z "$added" ]; then args+=("--disable-features=$CHROMIUM_DISABLE_FEATURES"); fi
exec "$CHROMIUM_EXECUTABLE" "${args[@]}"
