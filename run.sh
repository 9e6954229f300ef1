#!/usr/bin/env bash
# The run command: installs what the DevHost needs and serves the API on http://localhost:7071
# (override with --urls or ASPNETCORE_URLS). Without Hotspot__Storage__ConnectionString it starts Azurite itself.
set -euo pipefail
cd "$(dirname "$0")"

command -v node >/dev/null || { echo "Node.js 20+ is required (Azurite runs on it)." >&2; exit 1; }
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required." >&2; exit 1; }

npm ci --no-audit --no-fund --loglevel=error
exec dotnet run --project Hotspot.DevHost -- "$@"
