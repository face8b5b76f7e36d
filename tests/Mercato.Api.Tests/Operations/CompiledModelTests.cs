using System.Globalization;
using Mercato.Api.Hosting;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Operations;

/// <summary>
/// The host loads a model generated ahead of time for its provider; it must say exactly what the entity configurations say,
/// or the app would read and write with a stale mapping while the migrations (built from the configurations) look right.
/// </summary>
public abstract class CompiledModelTests(MercatoApp app)
{
    private const string Regenerate = "run scripts/optimize-model.sh (scripts/add-migration.sh does it after a migration)";

    [Fact]
    public async Task The_app_runs_on_the_compiled_model_of_its_provider()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();

        Assert.Same(CompiledModels.For(app.Provider), db.Model);
        Assert.Equal(app.Provider == DatabaseProvider.Sqlite ? "Sqlite" : "Postgres",
            db.Model.GetType().Namespace!.Split('.')[2]);
    }

    [Fact]
    public async Task The_compiled_model_has_the_debug_view_of_the_model_built_from_the_entity_configurations()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        await using var built = BuiltFromConfigurations(app.Provider);

        var compiled = db.Model.ToDebugString(MetadataDebugStringOptions.LongDefault).Split('\n');
        var expected = built.Model.ToDebugString(MetadataDebugStringOptions.LongDefault).Split('\n');

        var first = Enumerable.Range(0, Math.Min(compiled.Length, expected.Length)).FirstOrDefault(i => compiled[i] != expected[i], -1);
        Assert.True(first < 0 && compiled.Length == expected.Length,
            $"The compiled {app.Provider} model differs from the configurations ({Regenerate}) at line {first}:\n"
            + $"configurations: {expected.ElementAtOrDefault(first)}\ncompiled:       {compiled.ElementAtOrDefault(first)}");
    }

    [Fact]
    public async Task The_compiled_model_maps_every_property_as_the_entity_configurations_do()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        await using var built = BuiltFromConfigurations(app.Provider);

        var compiled = Describe(db.Model);
        var expected = Describe(built.Model);

        Assert.NotEmpty(expected);
        var missing = expected.Except(compiled).ToList();
        var extra = compiled.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"The compiled {app.Provider} model differs from the configurations ({Regenerate}).\n"
            + $"Configurations only:\n  {string.Join("\n  ", missing)}\nCompiled model only:\n  {string.Join("\n  ", extra)}");
    }

    [Fact]
    public async Task Migrations_are_diffed_against_the_model_built_from_the_configurations()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();

        var designTime = db.GetService<IDesignTimeModel>().Model;

        Assert.NotSame(db.Model, designTime);
        Assert.IsNotType(db.Model.GetType(), designTime);
    }

    /// <summary>The model as the host built it before it had a compiled one: the same options, without UseModel.</summary>
    private static MercatoDb BuiltFromConfigurations(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<MercatoDb>();
        MercatoDbOptions.Configure(options, provider,
            provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=model", Modules.Assemblies);
        return new MercatoDb(options.Options);
    }

    /// <summary>One line per fact of the mapping, so a difference names the entity and what differs.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var e = $"{entity.Name} [{entity.GetTableName()}]";
            lines.Add($"{e} base={entity.BaseType?.Name} discriminator={entity.FindDiscriminatorProperty()?.Name}");
            foreach (var p in entity.GetProperties())
            {
                var mapping = p.GetRelationalTypeMapping();
                var converter = mapping.Converter;
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{e}.{p.Name}: {p.ClrType} column={p.GetColumnName()} type={Get(() => p.GetColumnType())} store={mapping.StoreType} "
                    + $"nullable={p.IsNullable} maxLength={p.GetMaxLength()} precision={Get(() => p.GetPrecision())} unicode={Get(() => p.IsUnicode())} "
                    + $"concurrency={p.IsConcurrencyToken} generated={p.ValueGenerated} default={Get(() => p.GetDefaultValue())} "
                    + $"defaultSql={Get(() => p.GetDefaultValueSql())} computed={Get(() => p.GetComputedColumnSql())} collation={Get(() => p.GetCollation())} "
                    + $"provider={p.GetProviderClrType()} field={p.FieldInfo?.Name} access={p.GetPropertyAccessMode()} "
                    + $"converter={converter?.ModelClrType}->{converter?.ProviderClrType} "
                    + $"to={converter?.ConvertToProviderExpression} from={converter?.ConvertFromProviderExpression}"));
            }
            foreach (var key in entity.GetKeys())
                lines.Add($"{e} key {Names(key.Properties)} primary={key.IsPrimaryKey()} name={Get(() => key.GetName())}");
            foreach (var index in entity.GetIndexes())
                lines.Add($"{e} index {Names(index.Properties)} unique={index.IsUnique} name={Get(() => index.GetDatabaseName())} "
                    + $"filter={Get(() => index.GetFilter())}");
            foreach (var fk in entity.GetForeignKeys())
                lines.Add($"{e} fk {Names(fk.Properties)} -> {fk.PrincipalEntityType.Name}{Names(fk.PrincipalKey.Properties)} "
                    + $"required={fk.IsRequired} unique={fk.IsUnique} delete={fk.DeleteBehavior} name={Get(() => fk.GetConstraintName())} "
                    + $"nav={fk.DependentToPrincipal?.Name}/{fk.PrincipalToDependent?.Name}");
            foreach (var navigation in entity.GetNavigations())
                lines.Add($"{e} navigation {navigation.Name} field={navigation.FieldInfo?.Name} collection={navigation.IsCollection}");
        }
        foreach (var sequence in Get(() => model.GetSequences()) ?? [])
            lines.Add($"sequence {sequence.Schema}.{sequence.Name} start={sequence.StartValue} by={sequence.IncrementBy} type={sequence.Type}");
        return lines;
    }

    /// <summary>
    /// A fact only the design-time model keeps (a collation, an index filter: the migrations' business) reads as absent on both
    /// sides; the compiled model holds what queries and saves use.
    /// </summary>
    private static T? Get<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    private static string Names(IEnumerable<IReadOnlyProperty> properties) => $"({string.Join(", ", properties.Select(p => p.Name))})";
}

public sealed class CompiledModelOnSqlite(SqliteApp app) : CompiledModelTests(app), IClassFixture<SqliteApp>;

public sealed class CompiledModelOnPostgres(PostgresApp app) : CompiledModelTests(app), IClassFixture<PostgresApp>;
