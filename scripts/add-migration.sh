#!/usr/bin/env bash
# Adds a migration with the same name to both providers' histories (one model, two migrations projects), then regenerates
# both compiled models (scripts/optimize-model.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project=src/Migrations/Mercato.Migrations.$provider
  # The old compiled model may no longer compile against the changed entities; it is regenerated below.
  rm -rf "$project/CompiledModel"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
scripts/optimize-model.sh
