#!/usr/bin/env bash
# Regenerates the compiled model of each provider (src/Migrations/*/CompiledModel) from the entity configurations. The host
# loads it instead of building the model at start-up; CompiledModelTests fails until it is regenerated after a model change.
# scripts/add-migration.sh runs this itself; run it alone after a change that needs no migration (a converter, a navigation).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# dotnet ef warns that the project does not hold MercatoDb, so the model is not discovered automatically: the host passes
# the provider's model with UseModel (src/Mercato.Api/Hosting/CompiledModels.cs).
for provider in Sqlite Postgres; do
  project=src/Migrations/Mercato.Migrations.$provider
  # The old files go first: they may no longer compile (a removed property), and dotnet ef builds the project.
  rm -rf "$project/CompiledModel"
  dotnet ef dbcontext optimize --project "$project" --startup-project "$project" --output-dir CompiledModel \
    --namespace "Mercato.Migrations.$provider.CompiledModel"
  # dotnet ef gives the model a new random id at every run, so regenerating an unchanged model changed a file: the id is
  # derived from the generated code instead (the same model keeps its id; a changed model gets another).
  hash=$(find "$project/CompiledModel" -name '*.cs' | LC_ALL=C sort | xargs sed -E 's/modelId: new Guid\("[^"]*"\)/modelId/' | sha256sum)
  id="${hash:0:8}-${hash:8:4}-${hash:12:4}-${hash:16:4}-${hash:20:12}"
  sed -i -E "s/modelId: new Guid\(\"[^\"]*\"\)/modelId: new Guid(\"$id\")/" "$project/CompiledModel/MercatoDbModelBuilder.cs"
done
