#!/usr/bin/env bash
# The browser tests' storefront: reads the demo channel's publishable key from the test server's Admin API, then makes a
# production build (into .next-e2e) and serves it on 127.0.0.1:$E2E_WEB_PORT. E2E_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
api="http://127.0.0.1:$E2E_API_PORT"
key=$(curl -fsS "$api/admin/sales-channels" -H "Authorization: Bearer $E2E_ADMIN_KEY" |
  node -e 'let t="";process.stdin.on("data",c=>t+=c).on("end",()=>{const c=JSON.parse(t).items.find(x=>x.name==="Web");console.log(c.publishableKeys[0].token)})')
export MERCATO_API_URL="$api" MERCATO_PUBLISHABLE_KEY="$key" SITE_URL="http://127.0.0.1:$E2E_WEB_PORT"
# A small sitemap limit, so the tests see the demo catalog split into a sitemap index and several files.
export SITEMAP_LIMIT=${SITEMAP_LIMIT:-40}
# The secret of the webhook endpoint the revalidation test registers in Mercato (see tests/revalidation.spec.ts).
export MERCATO_WEBHOOK_SECRET=${E2E_WEBHOOK_SECRET:-}
export NEXT_DIST_DIR=.next-e2e NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production
[[ ${E2E_SKIP_BUILD:-} == 1 && -d .next-e2e ]] || npx --no-install next build
exec npx --no-install next start -p "$E2E_WEB_PORT" -H 127.0.0.1
