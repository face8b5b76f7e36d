using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Mercato.Kernel.Persistence;

/// <summary>
/// Writes entities straight into their tables, bypassing change tracking: one prepared INSERT per table on SQLite, binary
/// COPY on PostgreSQL. Tables, columns and value conversions come from the EF model, so the rows are exactly what
/// SaveChanges would write (versions, events and derived rows are the caller's business).
/// </summary>
public sealed class BulkRows : IAsyncDisposable
{
    private readonly MercatoDb _db;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly bool _ownsTransaction;
    private readonly Dictionary<Type, Table> _tables = [];

    private BulkRows(MercatoDb db, DbConnection connection, DbTransaction transaction, bool ownsTransaction)
    {
        _db = db;
        _connection = connection;
        _transaction = transaction;
        _ownsTransaction = ownsTransaction;
    }

    public bool IsPostgres => _connection is NpgsqlConnection;

    /// <summary>Opens the context's connection and starts the one transaction every row is written in.</summary>
    public static async Task<BulkRows> BeginAsync(MercatoDb db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        if (connection is SqliteConnection)
        {
            await using var pragma = connection.CreateCommand();
            // One big transaction: the journal only has to survive a crash of this command, not of the machine.
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000; PRAGMA temp_store=MEMORY;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        var transaction = await connection.BeginTransactionAsync(ct);
        return new BulkRows(db, connection, transaction, ownsTransaction: true);
    }

    /// <summary>
    /// Writes inside the context's current transaction, which the caller commits (with whatever else it wrote); the
    /// connection's settings are left as they are.
    /// </summary>
    public static BulkRows InCurrentTransaction(MercatoDb db)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkRows.InCurrentTransaction needs a transaction begun on the context.");
        return new BulkRows(db, db.Database.GetDbConnection(), transaction, ownsTransaction: false);
    }

    /// <summary>Writes <paramref name="rows"/> (all of one entity type) into that type's table.</summary>
    public async Task WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        if (!_tables.TryGetValue(typeof(T), out var table)) _tables[typeof(T)] = table = Table.For(_db, typeof(T));
        if (_connection is NpgsqlConnection npgsql) await CopyAsync(npgsql, table, rows, ct);
        else Insert(table, rows);
    }

    /// <summary>SQLite runs in-process: the synchronous call saves a task per row.</summary>
    private void Insert<T>(Table table, IReadOnlyCollection<T> rows) where T : class
    {
        if (table.Insert is null)
        {
            var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
                $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})";
            for (var i = 0; i < table.Columns.Length; i++)
                command.Parameters.Add(table.Columns[i].Mapping.CreateParameter(command, $"@p{i}", null));
            command.Prepare();
            table.Insert = command;
        }
        var parameters = table.Insert.Parameters;
        foreach (var row in rows)
        {
            for (var i = 0; i < table.Columns.Length; i++) parameters[i].Value = table.Columns[i].Read(row) ?? DBNull.Value;
            table.Insert.ExecuteNonQuery();
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, Table table, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var column in table.Columns)
            {
                if (column.Read(row) is { } value) await writer.WriteAsync(value, PostgresType(column.StoreType), ct);
                else await writer.WriteNullAsync(ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>
    /// The COPY type of a column. Binary COPY sends no type names, only each type's wire format, so varchar columns take
    /// text values. (Npgsql 10.0.3 overflows its stack resolving some display names such as "character varying".)
    /// </summary>
    private static NpgsqlDbType PostgresType(string storeType) => storeType switch
    {
        "text" or "character varying" or "character" => NpgsqlDbType.Text,
        "text[]" or "character varying[]" => NpgsqlDbType.Array | NpgsqlDbType.Text,
        "integer" => NpgsqlDbType.Integer,
        "bigint" => NpgsqlDbType.Bigint,
        "smallint" => NpgsqlDbType.Smallint,
        "boolean" => NpgsqlDbType.Boolean,
        "double precision" => NpgsqlDbType.Double,
        "numeric" => NpgsqlDbType.Numeric,
        "timestamp with time zone" => NpgsqlDbType.TimestampTz,
        "uuid" => NpgsqlDbType.Uuid,
        "bytea" => NpgsqlDbType.Bytea,
        "jsonb" => NpgsqlDbType.Jsonb,
        _ => throw new NotSupportedException($"No COPY type for the column type '{storeType}'."),
    };

    /// <summary>
    /// Commits the load. The planner's statistics are the caller's to refresh (the tables grew by orders of magnitude): the
    /// catalog generator's search index rebuild, which follows every load, ends with a full ANALYZE, so one here would
    /// only scan every table twice.
    /// </summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        if (!_ownsTransaction) throw new InvalidOperationException("The caller owns this transaction: commit it there.");
        await _transaction.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var table in _tables.Values)
        {
            if (table.Insert is not null) await table.Insert.DisposeAsync();
        }
        if (_ownsTransaction) await _transaction.DisposeAsync();
    }

    private sealed record Column(string Name, string StoreType, RelationalTypeMapping Mapping, Func<object, object?> Read);

    private sealed class Table(string name, Column[] columns)
    {
        public string Name { get; } = name;
        public Column[] Columns { get; } = columns;
        public DbCommand? Insert { get; set; }

        public static Table For(MercatoDb db, Type clrType)
        {
            var entity = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not mapped.");
            var name = entity.GetTableName() ?? throw new InvalidOperationException($"{clrType.Name} has no table.");
            var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
            var columns = entity.GetProperties().Select(p =>
            {
                if (p.IsShadowProperty()) throw new InvalidOperationException($"{clrType.Name}.{p.Name} is a shadow property: not supported.");
                var mapping = p.GetRelationalTypeMapping();
                var getter = p.GetGetter();
                var converter = mapping.Converter;
                // "character varying(40)" is written as "character varying": COPY takes the base type.
                var storeType = mapping.StoreType.Split('(')[0].Trim();
                if (mapping.StoreType.EndsWith("[]", StringComparison.Ordinal) && !storeType.EndsWith("[]", StringComparison.Ordinal)) storeType += "[]";
                Func<object, object?> read = converter is null
                    ? getter.GetClrValue
                    : row => getter.GetClrValue(row) is { } value ? converter.ConvertToProvider(value) : null;
                return new Column(p.GetColumnName(store) ?? p.Name, storeType, mapping, read);
            }).ToArray();
            return new Table(name, columns);
        }
    }
}
