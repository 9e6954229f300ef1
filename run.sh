#!/usr/bin/env bash
# The run command: installs what the DevHost needs and serves the API on http://localhost:7071
# (override with --urls or ASPNETCORE_URLS). Without Hotspot__Storage__ConnectionString it starts Azurite itself.
set -euo pipefail
cd "$(dirname "$0")"

command -v node >/dev/null || { echo "Node.js 20+ is required (Azurite runs on it)." >&2; exit 1; }
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required." >&2; exit 1; }

npm ci --no-audit --no-fund --loglevel=error
# FreeRADIUS (if installed: ./test.sh installs it) beside the API, on loopback, from a private copy of radius/,
# unprivileged ports, stopped on exit. Its rlm_rest calls the DevHost at HOTSPOT_RADIUS_API (default port 7071).
if command -v freeradius >/dev/null && [[ -e /usr/lib/freeradius/rlm_rest.so ]]; then
  radius_dir=$(mktemp -d)
  cp -r radius/. "$radius_dir" && mkdir -p "$radius_dir/run"
  export HOTSPOT_RADIUS_ADDRESS=127.0.0.1 HOTSPOT_RADIUS_AUTH_PORT="${HOTSPOT_RADIUS_AUTH_PORT:-18212}"
  export HOTSPOT_RADIUS_ACCT_PORT="${HOTSPOT_RADIUS_ACCT_PORT:-18213}" HOTSPOT_RADIUS_RUN_DIR="$radius_dir/run"
  export HOTSPOT_RADIUS_API="${HOTSPOT_RADIUS_API:-http://127.0.0.1:7071}"
  export HOTSPOT_RADIUS_SECRET="${HOTSPOT_RADIUS_SECRET:-$(head -c 18 /dev/urandom | base64 | tr -d '+/=')}"
  export HOTSPOT_RADIUS_REST_SECRET="$(head -c 24 /dev/urandom | base64 | tr -d '+/=')"
  export Hotspot__Radius__RestSecret="$HOTSPOT_RADIUS_REST_SECRET"
  freeradius -f -l "$radius_dir/run/radius.log" -d "$radius_dir" &
  radius_pid=$!
  trap 'kill "$radius_pid" 2>/dev/null; wait "$radius_pid" 2>/dev/null; rm -rf "$radius_dir"' EXIT
  echo "FreeRADIUS: 127.0.0.1:$HOTSPOT_RADIUS_AUTH_PORT (auth) and :$HOTSPOT_RADIUS_ACCT_PORT (acct), UDP secret $HOTSPOT_RADIUS_SECRET, calling $HOTSPOT_RADIUS_API"
fi
dotnet run --project Hotspot.DevHost -- "$@"
