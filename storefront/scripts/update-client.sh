#!/usr/bin/env bash
# Refreshes the storefront's API client from the server: fetches Mercato's OpenAPI document into openapi/mercato.json and
# regenerates src/api/schema.d.ts from it. Uses the server at MERCATO_API_URL if set; otherwise builds and starts one
# (SQLite in a temp folder, no seed) on a free port and stops it afterwards.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(cd .. && pwd)
url=${MERCATO_API_URL:-}
pid=
tmp=$(mktemp -d)
cleanup() { [[ -z $pid ]] || kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
if [[ -z $url ]]; then
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  url="http://127.0.0.1:$port"
  dotnet build "$root/src/Mercato.Api" -nr:false -v q >/dev/null
  ConnectionStrings__Mercato="Data Source=$tmp/mercato.db" Mercato__Seed=none \
    dotnet run --no-build --project "$root/src/Mercato.Api" -- --urls "$url" >"$tmp/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -fs "$url/health/live" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/server.log" >&2; exit 1; }
    sleep 1
  done
fi
curl -fsS "$url/openapi/v1.json" | node scripts/normalize-openapi.mjs >"$tmp/mercato.json"
mv "$tmp/mercato.json" openapi/mercato.json
npx --no-install openapi-typescript openapi/mercato.json -o src/api/schema.d.ts --silent
echo "Updated openapi/mercato.json and src/api/schema.d.ts from $url."
