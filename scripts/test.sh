#!/usr/bin/env bash
# Every test: the .NET suites (unit, and HTTP on SQLite and a throwaway PostgreSQL), then the storefront's checks and its
# browser tests (Playwright on /usr/bin/chromium against a production build and a real Mercato server with the demo shop).
# Extra arguments go to `dotnet test` (e.g. -c Release --no-build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
configuration=Debug
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [[ ${args[i]} == -c || ${args[i]} == --configuration ]] && configuration=${args[i + 1]}
done
dotnet_rc=0
dotnet test Mercato.slnx "$@" || dotnet_rc=$?
cd storefront
[[ -d node_modules ]] || npm ci --no-audit --no-fund
# The .NET tests just built the server, so the browser tests run that build instead of building again.
storefront_rc=0
MERCATO_E2E_NO_BUILD=1 MERCATO_E2E_CONFIGURATION=$configuration npm test || storefront_rc=$?
((dotnet_rc == 0 && storefront_rc == 0))
