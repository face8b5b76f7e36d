#!/usr/bin/env bash
# The browser tests' Mercato server: SQLite in a temp folder, the demo shop, on 127.0.0.1:$E2E_API_PORT, with the owner key
# $E2E_ADMIN_KEY. Builds src/Mercato.Api first unless MERCATO_E2E_NO_BUILD=1 (then it runs the build of
# MERCATO_E2E_CONFIGURATION, Debug by default, that the caller made).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
configuration=${MERCATO_E2E_CONFIGURATION:-Debug}
data=$(mktemp -d -t mercato-e2e-XXXXXX)
pid=
stop() {
  [[ -z $pid ]] || kill "$pid" 2>/dev/null || true
  [[ -z $pid ]] || wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}
trap stop EXIT
trap 'exit 0' TERM INT
if [[ ${MERCATO_E2E_NO_BUILD:-} != 1 ]]; then
  dotnet build "$root/src/Mercato.Api" -c "$configuration" -nr:false -v q -clp:ErrorsOnly
fi
cd "$data"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1
export ConnectionStrings__Mercato="Data Source=$data/mercato.db"
export Mercato__Seed=demo
export MERCATO_BOOTSTRAP_ADMIN_KEY="$E2E_ADMIN_KEY"
# One test run makes more calls from one address than a shopper would; the real limits would throttle it.
export Mercato__RateLimits__Global__PermitLimit=1000000 Mercato__RateLimits__Auth__PermitLimit=1000000
# The storefront's /api/revalidate listens on 127.0.0.1: webhooks may reach it here (never by default).
export Mercato__Webhooks__AllowPrivateNetworks=true
dotnet run --no-build -c "$configuration" --project "$root/src/Mercato.Api" -- --urls "http://127.0.0.1:$E2E_API_PORT" &
pid=$!
wait "$pid"
