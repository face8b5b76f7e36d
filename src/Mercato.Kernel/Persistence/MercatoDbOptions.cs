using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mercato.Kernel.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Builds <see cref="MercatoDb"/> options the same way for the host, the tests and the migrations tools.</summary>
public static class MercatoDbOptions
{
    public const string SqliteMigrationsAssembly = "Mercato.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Mercato.Migrations.Postgres";

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Mercato:Database:Provider '{value}' is not 'sqlite' or 'postgres'."),
    };

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider,
        string connectionString, IEnumerable<Assembly> moduleAssemblies)
    {
        // A list in a query (ids.Contains(x)) goes as one parameter (a JSON array on SQLite, an array on PostgreSQL): EF's
        // default expands it into one parameter per item, so the SQL depends on the list's length and EF generated it again on
        // every request; it was most of the CPU of a product page.
        if (provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
            builder.AddInterceptors(new SqliteBusyWait());
        }
        else
            builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        builder.UseSnakeCaseNamingConvention();
        return builder.UseMercatoModules(moduleAssemblies);
    }

    /// <summary>
    /// Automatic preparation, and no reset of pooled connections, for PostgreSQL unless the connection string sets them: the API repeats a small set of statements,
    /// and a prepared one skips PostgreSQL's parse and plan (kept per pooled connection, least recently used evicted).
    /// <c>Max Auto Prepare=0</c> turns it off (for example behind PgBouncer in transaction mode).
    /// </summary>
    public static string NormalizePostgres(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        // Keys lists the settings the string gives (canonical names); ContainsKey is true for every keyword Npgsql knows, so
        // testing it left automatic preparation off: each statement was parsed and planned again, and each connection going
        // back to the pool was reset with DISCARD ALL (Npgsql's reset when the connection holds no prepared statement).
        var given = csb.Keys.Cast<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!given.Contains("Max Auto Prepare")) csb.MaxAutoPrepare = 128;
        if (!given.Contains("Auto Prepare Min Usages")) csb.AutoPrepareMinUsages = 2;
        // A connection holding prepared statements is reset with seven statements (RESET ALL, UNLISTEN *...) on its next use
        // after going back to the pool, and EF returns it after every query outside a transaction: about 100 statements per
        // checkout. Mercato sets no session state (no SET, LISTEN, advisory or temp table), so there is nothing to reset.
        if (!given.Contains("No Reset On Close")) csb.NoResetOnClose = true;
        return csb.ToString();
    }

    /// <summary>Foreign keys on and a generous busy timeout for SQLite; the file's folder is created if missing.</summary>
    public static string NormalizeSqlite(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
        if (csb.DefaultTimeout < 30) csb.DefaultTimeout = 30;
        var path = csb.DataSource;
        if (!string.IsNullOrEmpty(path) && path != ":memory:" && !path.StartsWith("file:", StringComparison.Ordinal))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        return csb.ToString();
    }

    public static DbContextOptionsBuilder UseMercatoModules(this DbContextOptionsBuilder builder, IEnumerable<Assembly> assemblies)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ModulesOptionsExtension([.. assemblies]));
        return builder;
    }
}

internal sealed class ModulesOptionsExtension(IReadOnlyList<Assembly> assemblies) : IDbContextOptionsExtension
{
    public IReadOnlyList<Assembly> Assemblies { get; } = assemblies;

    public DbContextOptionsExtensionInfo Info => new ModulesInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ModulesInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => "";
        public override int GetServiceProviderHashCode() => 0;
        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ModulesInfo;
        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}
