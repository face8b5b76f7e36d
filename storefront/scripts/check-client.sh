#!/usr/bin/env bash
# Fails when src/api/schema.d.ts is not what openapi-typescript generates from openapi/mercato.json.
# (Whether openapi/mercato.json matches the server is checked by the xUnit test StorefrontClient_matches_the_server.)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npx --no-install openapi-typescript openapi/mercato.json -o "$tmp/schema.d.ts" --silent >/dev/null
if ! diff -u src/api/schema.d.ts "$tmp/schema.d.ts" >"$tmp/diff"; then
  head -n 40 "$tmp/diff" >&2
  echo "src/api/schema.d.ts is out of date with openapi/mercato.json: run storefront/scripts/update-client.sh and commit the result." >&2
  exit 1
fi
echo "API client is up to date with openapi/mercato.json."
