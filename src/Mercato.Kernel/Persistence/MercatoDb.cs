using System.Reflection;
using Mercato.Kernel.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mercato.Kernel.Persistence;

/// <summary>An aggregate whose <see cref="Version"/> is bumped on every saved change and guards concurrent writes.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>
/// The one database context: each module contributes its <see cref="IEntityTypeConfiguration{TEntity}"/> classes
/// (found in the assemblies named by <see cref="MercatoDbOptions.UseMercatoModules"/>). One context gives one
/// migrations history per provider and local ACID transactions across modules on single-writer SQLite.
/// </summary>
public sealed class MercatoDb(DbContextOptions<MercatoDb> options) : DbContext(options)
{
    /// <summary>Events written in the open transaction, handed to the commit observers when it commits (see <c>CommitHooks</c>).</summary>
    internal List<CommittedChange> Uncommitted { get; } = [];

    /// <summary>
    /// Whether this context runs on SQLite (otherwise PostgreSQL). EF's <c>Database.IsSqlite()</c> builds the provider
    /// assembly's name at every call, and request paths ask several times per request; a context's provider never changes.
    /// </summary>
    public bool OnSqlite => _onSqlite ??= Database.IsSqlite();

    private bool? _onSqlite;

    private IReadOnlyList<Assembly> ModuleAssemblies =>
        options.FindExtension<ModulesOptionsExtension>()?.Assemblies ?? [];

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite compares and orders DateTimeOffset on the client; as a long it sorts and filters in SQL.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var assembly in ModuleAssemblies) modelBuilder.ApplyConfigurationsFromAssembly(assembly);
        var postgres = Database.IsNpgsql();
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.ClrType.IsAssignableTo(typeof(IVersioned)))
                modelBuilder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            if (!postgres) continue;
            // Binary ("C") collation: sorting, equality and LIKE then behave exactly as on SQLite, whatever the server's locale.
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
                property.SetCollation("C");
        }
    }

    /// <summary>
    /// A timestamp as a raw SQL statement must pass it to compare with or write to a mapped column: on SQLite the long the
    /// model stores (see <see cref="ConfigureConventions"/>), on PostgreSQL the UTC value.
    /// </summary>
    public object SqlTime(DateTimeOffset value) =>
        OnSqlite ? SqliteTime.ConvertToProvider(value.ToUniversalTime())! : value.ToUniversalTime();

    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        if (!EventStreams.HasPendingEvents(this)) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // Events are numbered and written in the same transaction as the change they describe: the caller's, or one of our own.
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await EventStreams.NumberPendingAsync(this, cancellationToken);
        Uncommitted.AddRange(ScannedEntries<OutboxEvent>().Where(e => e.State == EntityState.Added)
            .Select(e => new CommittedChange(e.Entity.Type, e.Entity.ResourceId)));
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        if (EventStreams.HasPendingEvents(this))
            throw new InvalidOperationException("Changes that raise events are saved with SaveChangesAsync.");
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Gives every changed aggregate the version its save will store (once per save however often it runs), so a state read
    /// before the save (an event's) shows the version the change commits with.
    /// </summary>
    internal void BumpVersions()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ScannedEntries<IVersioned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.Version == 0) entry.Entity.Version = 1;
            else if (entry.State == EntityState.Modified)
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
        }
    }

    /// <summary>
    /// The tracked entries as the last scan for changes left them. A save scans once up front (<see cref="BumpVersions"/>) and
    /// EF scans again after the save interceptors; each <c>ChangeTracker.Entries()</c> in between would compare every tracked
    /// property with its snapshot once more (six more scans per save, about 8% of a checkout's server time).
    /// </summary>
    public IReadOnlyList<EntityEntry<T>> ScannedEntries<T>() where T : class => WithoutScan(ChangeTracker.Entries<T>);

    /// <inheritdoc cref="ScannedEntries{T}"/>
    public IReadOnlyList<EntityEntry> ScannedEntries() => WithoutScan(ChangeTracker.Entries);

    private List<TEntry> WithoutScan<TEntry>(Func<IEnumerable<TEntry>> entries)
    {
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. entries()];
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }
}
