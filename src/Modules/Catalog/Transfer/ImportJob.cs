using System.Text;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Persistence;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Catalog.Transfer;

/// <summary>
/// Runs a product import: streams the file back from its chunks, parses it row by row and upserts products in batches of
/// about <see cref="BatchRows"/> rows, each in one transaction with the import's progress, counts and errors. A restarted
/// job skips the rows already committed. All-or-nothing imports validate the whole file first and import only a clean one.
/// </summary>
internal sealed class ImportJob(MercatoDb db, ImportBatch batch, IOptions<JsonOptions> json, TimeProvider time) : IJobHandler
{
    public const string JobType = "catalog.import";
    public const int BatchRows = 500;

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        var import = await db.Set<ProductImport>().SingleOrDefaultAsync(i => i.Id == job.Payload, ct);
        if (import is null || import.Status is ImportStatus.Succeeded or ImportStatus.Failed) return JobOutcome.Done;
        if (import.Status == ImportStatus.Queued)
        {
            import.Status = ImportStatus.Running;
            import.StartedAt = time.GetUtcNow();
            import.Validating = import.AllOrNothing && !import.DryRun;
            await db.SaveChangesAsync(ct);
        }
        await batch.LoadLookupsAsync(ct);

        if (import.Validating)
        {
            if (!await PassAsync(import.Id, write: false, ct)) return JobOutcome.Done;
            import = await db.Set<ProductImport>().SingleAsync(i => i.Id == job.Payload, ct);
            if (import.ErrorCount > 0)
            {
                await FinishAsync(import.Id, ImportStatus.Failed, "The file has errors; in all-or-nothing mode nothing was imported.", ct);
                return JobOutcome.Done;
            }
            (import.Validating, import.RowsProcessed, import.Created, import.Updated, import.Unchanged, import.Failed) = (false, 0, 0, 0, 0, 0);
            await db.SaveChangesAsync(ct);
        }
        if (!await PassAsync(import.Id, write: !import.DryRun, ct)) return JobOutcome.Done;
        var done = await db.Set<ProductImport>().AsNoTracking().SingleAsync(i => i.Id == job.Payload, ct);
        var failed = done.AllOrNothing && done.ErrorCount > 0;
        await FinishAsync(done.Id, failed ? ImportStatus.Failed : ImportStatus.Succeeded,
            failed ? "The file has errors; in all-or-nothing mode nothing was imported." : null, ct);
        return JobOutcome.Done;
    }

    /// <summary>One pass over the file from the last committed row; false when the file itself is unreadable (the import failed).</summary>
    private async Task<bool> PassAsync(string importId, bool write, CancellationToken ct)
    {
        var import = await db.Set<ProductImport>().AsNoTracking().SingleAsync(i => i.Id == importId, ct);
        var fileErrors = new List<RowError>();
        await using var chunks = new ChunkStream(db, importId, import.Chunks);
        using var text = new StreamReader(chunks, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, 64 * 1024);
        var products = import.ContentType == AdminImports.Csv
            ? CsvProducts.ReadAsync(text, import.RowsProcessed, fileErrors.Add, ct)
            : NdjsonProducts.ReadAsync(text, import.RowsProcessed, json.Value.SerializerOptions, ct);
        var pending = new List<ParsedProduct>();
        var rows = 0;
        await foreach (var product in products)
        {
            pending.Add(product);
            rows += product.LastRow - product.Row + 1;
            if (rows >= BatchRows)
            {
                if (!await CommitAsync(importId, pending, write, ct)) return false;
                (pending, rows) = ([], 0);
            }
        }
        if (pending.Count > 0 && !await CommitAsync(importId, pending, write, ct)) return false;
        if (fileErrors.Count == 0) return true;
        await AddErrorsAsync(importId, fileErrors, ct);
        await FinishAsync(importId, ImportStatus.Failed, "The file could not be read to its end: " + fileErrors[0].Message, ct);
        return false;
    }

    /// <summary>Runs one batch; false when an all-or-nothing import has to stop (the import is then failed).</summary>
    private async Task<bool> CommitAsync(string importId, List<ParsedProduct> products, bool write, CancellationToken ct)
    {
        await using var transaction = write ? await db.Database.BeginTransactionAsync(ct) : null;
        var outcome = await batch.RunAsync(products, write, $"Import {importId}", ct);
        var import = await db.Set<ProductImport>().SingleAsync(i => i.Id == importId, ct);
        if (write && import.AllOrNothing && outcome.Errors.Count > 0)
        {
            // The file validated clean, but a change made since (e.g. another product took a SKU) breaks this batch: keep
            // none of it, stop, and say exactly what the earlier batches did commit rather than claim nothing was imported.
            await transaction!.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var committed = await db.Set<ProductImport>().AsNoTracking().SingleAsync(i => i.Id == importId, ct);
            await AddErrorsAsync(importId, outcome.Errors, ct);
            await FinishAsync(importId, ImportStatus.Failed, committed.RowsProcessed == 0
                ? "A change made after validation conflicts with the file; nothing was imported."
                : $"A change made after validation conflicts with the file; rows 1 to {committed.RowsProcessed} had already been " +
                  "imported, the rest was not.", ct);
            return false;
        }
        import.RowsProcessed = products[^1].LastRow;
        import.Created += outcome.Created;
        import.Updated += outcome.Updated;
        import.Unchanged += outcome.Unchanged;
        import.Failed += outcome.Failed;
        AddErrors(import, outcome.Errors);
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    private async Task AddErrorsAsync(string importId, List<RowError> errors, CancellationToken ct)
    {
        var import = await db.Set<ProductImport>().SingleAsync(i => i.Id == importId, ct);
        AddErrors(import, errors);
        await db.SaveChangesAsync(ct);
    }

    private void AddErrors(ProductImport import, IEnumerable<RowError> errors)
    {
        foreach (var error in errors.OrderBy(e => e.Row))
        {
            db.Add(new ImportError
            {
                ImportId = import.Id, Number = ++import.ErrorCount, Row = error.Row, Field = Truncate(error.Field, 300),
                Message = Truncate(error.Message, 1000),
            });
        }
    }

    private async Task FinishAsync(string importId, string status, string? reason, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var import = await db.Set<ProductImport>().SingleAsync(i => i.Id == importId, ct);
        (import.Status, import.FailureReason, import.FinishedAt) = (status, reason, time.GetUtcNow());
        // The file is no longer needed once the import is over.
        await db.Set<ImportChunk>().Where(c => c.ImportId == importId).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
