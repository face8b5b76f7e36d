using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Operations;

/// <summary>
/// The context is resolved from the app itself, so it is built exactly as the app builds it (efcore#34967 shows false
/// positives otherwise): a model change without a migration for this provider fails here.
/// </summary>
public abstract class MigrationTests(MercatoApp app)
{
    [Fact]
    public async Task The_database_has_every_migration_applied()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();

        var pending = await db.Database.GetPendingMigrationsAsync();
        var applied = await db.Database.GetAppliedMigrationsAsync();

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        Assert.Equal(db.Database.GetMigrations(), applied);
    }

    [Fact]
    public async Task The_model_has_no_changes_without_a_migration()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {app.Provider} model differs from its last migration: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public async Task The_context_uses_the_provider_and_migrations_of_the_app_under_test()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();

        Assert.Equal(app.Provider == DatabaseProvider.Sqlite, db.Database.IsSqlite());
        Assert.Equal(app.Provider == DatabaseProvider.Postgres, db.Database.IsNpgsql());
        Assert.All(db.Database.GetMigrations(), m => Assert.Matches("^[0-9]{14}_", m));
    }
}

public sealed class MigrationOnSqlite(SqliteApp app) : MigrationTests(app), IClassFixture<SqliteApp>;

public sealed class MigrationOnPostgres(PostgresApp app) : MigrationTests(app), IClassFixture<PostgresApp>;
