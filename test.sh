#!/usr/bin/env bash
# The test command: installs what the tests need (Azurite from npm, NuGet packages) and runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")"

command -v node >/dev/null || { echo "Node.js 20+ is required (Azurite runs on it)." >&2; exit 1; }
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required." >&2; exit 1; }

npm ci --no-audit --no-fund --loglevel=error
dotnet build Hotspot.Local.slnf --nologo -v quiet -clp:ErrorsOnly

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
