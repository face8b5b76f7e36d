#!/usr/bin/env bash
# Starts the Mercato API (SQLite in src/Mercato.Api/data, demo shop) and the storefront in development mode together;
# Ctrl+C stops both. The storefront reads the demo channel's publishable key through the Admin API with a local owner key.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(cd .. && pwd)
api_port=${API_PORT:-5000}
web_port=${PORT:-3000}
export MERCATO_BOOTSTRAP_ADMIN_KEY=${MERCATO_BOOTSTRAP_ADMIN_KEY:-sk_local_development_key_0001}
[[ -d node_modules ]] || npm install --no-audit --no-fund
dotnet run --project "$root/src/Mercato.Api" -- --urls "http://localhost:$api_port" &
api=$!
trap 'kill $api 2>/dev/null; wait 2>/dev/null' EXIT INT TERM
echo "Waiting for the API on :$api_port ..."
until curl -fs "http://localhost:$api_port/health/ready" >/dev/null 2>&1; do
  kill -0 $api 2>/dev/null || exit 1
  sleep 1
done
key=${MERCATO_PUBLISHABLE_KEY:-$(curl -fsS "http://localhost:$api_port/admin/sales-channels" -H "Authorization: Bearer $MERCATO_BOOTSTRAP_ADMIN_KEY" |
  node -e 'let t="";process.stdin.on("data",c=>t+=c).on("end",()=>{const c=JSON.parse(t).items.find(x=>x.isDefault)??JSON.parse(t).items[0];console.log(c.publishableKeys[0].token)})')}
MERCATO_API_URL="http://localhost:$api_port" MERCATO_PUBLISHABLE_KEY="$key" SITE_URL="http://localhost:$web_port" \
  npx --no-install next dev -p "$web_port"
