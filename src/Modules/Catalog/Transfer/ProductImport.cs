using Mercato.Kernel.Ids;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Catalog.Transfer;

/// <summary>Import statuses as stored and shown; <c>uploading</c> only while the request body is being stored.</summary>
internal static class ImportStatus
{
    public const string Uploading = "uploading";
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

/// <summary>
/// A product import: the uploaded file (as chunks), the job's progress and its outcome. Progress, counts and errors are
/// saved with each batch in the batch's transaction, so a restarted job resumes after <see cref="RowsProcessed"/>.
/// </summary>
internal sealed class ProductImport
{
    private ProductImport()
    {
    }

    public ProductImport(string contentType, bool dryRun, bool allOrNothing, string? callerKeyId, TimeProvider time)
    {
        Id = EntityId.New("imp", time);
        ContentType = contentType;
        DryRun = dryRun;
        AllOrNothing = allOrNothing;
        CallerKeyId = callerKeyId;
        CreatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Status { get; set; } = ImportStatus.Uploading;
    /// <summary><c>text/csv</c> or <c>application/x-ndjson</c>.</summary>
    public string ContentType { get; private init; } = "";
    public bool DryRun { get; private init; }
    public bool AllOrNothing { get; private init; }
    /// <summary>All-or-nothing imports first validate the whole file (this flag), then import it.</summary>
    public bool Validating { get; set; }
    public string? CallerKeyId { get; private init; }
    public long Bytes { get; set; }
    public int Chunks { get; set; }
    public int RowsProcessed { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Failed { get; set; }
    public int ErrorCount { get; set; }
    /// <summary>Why the whole import failed (a malformed file, errors in all-or-nothing mode), when it did.</summary>
    public string? FailureReason { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>About 1 MB of the uploaded file: any worker node reads the file back from the database, never from a local disk.</summary>
internal sealed class ImportChunk
{
    public string ImportId { get; init; } = "";
    public int Number { get; init; }
    public byte[] Data { get; init; } = [];
}

/// <summary>One problem with one row: <see cref="Row"/> is the data row (CSV, header not counted) or line (NDJSON); 0 is the file itself.</summary>
internal sealed class ImportError
{
    public string ImportId { get; init; } = "";
    public int Number { get; init; }
    public int Row { get; init; }
    public string Field { get; init; } = "";
    public string Message { get; init; } = "";
}

internal sealed class ProductImportConfiguration : IEntityTypeConfiguration<ProductImport>
{
    public void Configure(EntityTypeBuilder<ProductImport> b)
    {
        b.ToTable("catalog_import");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).HasMaxLength(40);
        b.Property(i => i.Status).HasMaxLength(16);
        b.Property(i => i.ContentType).HasMaxLength(40);
        b.Property(i => i.CallerKeyId).HasMaxLength(40);
        b.Property(i => i.FailureReason).HasMaxLength(500);
        b.HasMany<ImportChunk>().WithOne().HasForeignKey(c => c.ImportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany<ImportError>().WithOne().HasForeignKey(e => e.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportChunkConfiguration : IEntityTypeConfiguration<ImportChunk>
{
    public void Configure(EntityTypeBuilder<ImportChunk> b)
    {
        b.ToTable("catalog_import_chunk");
        b.HasKey(c => new { c.ImportId, c.Number });
        b.Property(c => c.ImportId).HasMaxLength(40);
    }
}

internal sealed class ImportErrorConfiguration : IEntityTypeConfiguration<ImportError>
{
    public void Configure(EntityTypeBuilder<ImportError> b)
    {
        b.ToTable("catalog_import_error");
        b.HasKey(e => new { e.ImportId, e.Number });
        b.Property(e => e.ImportId).HasMaxLength(40);
        b.Property(e => e.Field).HasMaxLength(300);
        b.Property(e => e.Message).HasMaxLength(1000);
    }
}
