using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mercato.Api.Hosting;

/// <summary>
/// The model of each provider generated ahead of time (<c>dotnet ef dbcontext optimize</c>, scripts/optimize-model.sh): the
/// host loads it instead of running every entity configuration at start-up. Design-time tools and the migrator still build the
/// model from the configurations; CompiledModelTests fails when a generated model no longer matches them.
/// </summary>
internal static class CompiledModels
{
    /// <summary>Only the provider's own model is loaded (each is a static instance built on first use).</summary>
    public static IModel For(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? Migrations.Sqlite.CompiledModel.MercatoDbModel.Instance
        : Migrations.Postgres.CompiledModel.MercatoDbModel.Instance;
}
