#!/usr/bin/env bash
# The test command: installs what the tests need (Azurite from npm, NuGet packages) and runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")"

command -v node >/dev/null || { echo "Node.js 20+ is required (Azurite runs on it)." >&2; exit 1; }
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required." >&2; exit 1; }

npm ci --no-audit --no-fund --loglevel=error

# The guest portal page is tested in a real headless browser: Debian's chromium.
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  sudo_cmd=""
  [[ "$(id -u)" -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
# The RADIUS tests run Debian's FreeRADIUS (with rlm_rest) from a private config, and drive it with radclient.
if ! command -v freeradius >/dev/null || ! command -v radclient >/dev/null || [[ ! -e /usr/lib/freeradius/rlm_rest.so ]]; then
  echo "Installing Debian's FreeRADIUS for the RADIUS tests..."
  sudo_cmd=""
  [[ "$(id -u)" -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends freeradius freeradius-rest freeradius-utils >/dev/null
  # Only the tests' private instances may run: never the system service.
  $sudo_cmd systemctl disable --now freeradius 2>/dev/null || true
fi
dotnet build Hotspot.sln --nologo -v quiet -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test Hotspot.Tests --no-build --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line that any reader of the log understands.
summary=$(grep -E "^(Passed|Failed)!" "$log" | tail -n 1 || true)
if [[ -n "$summary" ]]; then
  passed=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$summary")
  failed=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$summary")
  echo "tests: ${passed} passed, ${failed} failed"
fi
exit "$status"
