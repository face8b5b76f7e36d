using System.Runtime.CompilerServices;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Exports;
using Mercato.Kernel.Http;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Mercato.Catalog.Transfer;

/// <summary><c>Mercato:Imports:*</c>.</summary>
internal sealed class ImportOptions
{
    /// <summary>The largest import file, in bytes; this route's own body limit instead of the global one.</summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;
}

internal sealed record ImportCounts(int Created, int Updated, int Unchanged, int Failed);

internal sealed record ImportErrorResponse(int Row, string Field, string Message);

internal sealed record ImportResponse(string Id, string Status, bool DryRun, string Mode, string ContentType, long Bytes, int RowsProcessed,
    ImportCounts Counts, int ErrorCount, IReadOnlyList<ImportErrorResponse> Errors, string? FailureReason, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static ImportResponse From(ProductImport i, IReadOnlyList<ImportError> firstErrors) => new(i.Id, i.Status, i.DryRun,
        i.AllOrNothing ? "all-or-nothing" : "partial", i.ContentType, i.Bytes, i.RowsProcessed,
        new ImportCounts(i.Created, i.Updated, i.Unchanged, i.Failed), i.ErrorCount,
        [.. firstErrors.Select(e => new ImportErrorResponse(e.Row, e.Field, e.Message))], i.FailureReason, i.CreatedAt, i.StartedAt, i.FinishedAt);
}

/// <summary>
/// Product imports: the file is the raw request body, stored as ~1 MB chunks in the database (so any worker node can run
/// the job, and no node holds the whole file), then imported by the <c>catalog.import</c> job.
/// </summary>
internal static class AdminImports
{
    public const string Csv = "text/csv";
    public const string Ndjson = "application/x-ndjson";
    public const int ChunkBytes = 1024 * 1024;
    private const int FirstErrors = 10;

    /// <summary>A route's own body limit, read by the host's body limit middleware.</summary>
    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

    public static void Map(RouteGroupBuilder admin)
    {
        var maxBytes = ((IEndpointRouteBuilder)admin).ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value.MaxBytes;
        var group = admin.MapGroup("/imports").WithTags("Imports");
        group.MapPost("/", Create).WithName("CreateImport")
            .WithSummary("Import products from a CSV or NDJSON file sent as the body (text/csv or application/x-ndjson)")
            .WithMetadata(new BodyLimit(maxBytes))
            .WithMetadata(new FileBody("The file: one row per variant (CSV) or one product per line (NDJSON); see docs/imports.md.",
                "text/csv", "application/x-ndjson"))
            .RequirePermission(Permissions.CatalogWrite);
        group.MapGet("/", List).WithName("ListImports").WithSummary("List imports, newest first").RequirePermission(Permissions.CatalogRead);
        group.MapGet("/{id}", Get).WithName("GetImport").WithSummary("Get an import's status, progress, counts and first errors")
            .RequirePermission(Permissions.CatalogRead);
        group.MapGet("/{id}/errors", Errors).WithName("DownloadImportErrors")
            .WithSummary("Download all of an import's row errors (format=csv|ndjson)").RequirePermission(Permissions.CatalogRead)
            .Produces(StatusCodes.Status200OK, null, Exports.CsvContentType, Exports.NdjsonContentType);
    }

    private static async Task<Results<Accepted<ImportResponse>, ProblemHttpResult>> Create(HttpContext http, bool? dryRun, string? mode,
        MercatoDb db, IJobQueue jobs, TimeProvider time, CancellationToken ct)
    {
        var contentType = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var media) ? media.MediaType.Value?.ToLowerInvariant() : null;
        if (contentType is not (Csv or Ndjson))
            return new Error("unsupported_media_type", $"Send the file as {Csv} or {Ndjson}.", StatusCodes.Status415UnsupportedMediaType).ToProblem();
        if (mode is not (null or "partial" or "all-or-nothing"))
            return Error.Validation("mode", "One of: partial, all-or-nothing.").ToProblem();

        var buffer = new byte[ChunkBytes];
        var filled = await FillAsync(http.Request.Body, buffer, ct);
        if (filled == 0) return new Error("empty_file", "The file is empty.", StatusCodes.Status400BadRequest).ToProblem();

        var import = new ProductImport(contentType, dryRun ?? false, mode == "all-or-nothing", http.User.CallerKeyId(), time);
        db.Add(import);
        await db.SaveChangesAsync(ct);
        try
        {
            // One chunk at a time: the body is never held whole, and each chunk leaves the change tracker once saved.
            while (filled > 0)
            {
                db.Add(new ImportChunk { ImportId = import.Id, Number = import.Chunks++, Data = buffer[..filled] });
                import.Bytes += filled;
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                db.Attach(import);
                filled = await FillAsync(http.Request.Body, buffer, ct);
            }
            import.Status = ImportStatus.Queued;
            jobs.Enqueue(ImportJob.JobType, import.Id);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // A body cut short or too large leaves no half-stored file behind.
            db.ChangeTracker.Clear();
            await db.Set<ProductImport>().Where(i => i.Id == import.Id).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
        return TypedResults.Accepted($"/admin/imports/{import.Id}", ImportResponse.From(import, []));
    }

    private static async Task<int> FillAsync(Stream body, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await body.ReadAsync(buffer.AsMemory(filled), ct);
            if (read == 0) break;
            filled += read;
        }
        return filled;
    }

    private static async Task<Results<Ok<Page<ImportResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        CancellationToken ct)
    {
        var size = ListQuery.Limit(limit);
        if (size.Error is { } badLimit) return badLimit.ToProblem();
        var query = db.Set<ProductImport>().AsNoTracking().Where(i => i.Status != ImportStatus.Uploading);
        if (cursor is not null)
        {
            if (Cursor.Decode(cursor, 1) is not [{ } before]) return ListQuery.InvalidCursor().ToProblem();
            query = query.Where(i => i.Id.CompareTo(before) < 0);
        }
        var rows = await query.OrderByDescending(i => i.Id).Take(size.Value + 1).ToListAsync(ct);
        var page = rows.Take(size.Value).ToList();
        var next = rows.Count > size.Value ? Cursor.Encode(page[^1].Id) : null;
        return TypedResults.Ok(new Page<ImportResponse>([.. page.Select(i => ImportResponse.From(i, []))], next));
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, CancellationToken ct)
    {
        var import = await db.Set<ProductImport>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.Status != ImportStatus.Uploading, ct);
        if (import is null) return Error.NotFound("import", id).ToProblem();
        var errors = await db.Set<ImportError>().AsNoTracking().Where(e => e.ImportId == id).OrderBy(e => e.Number).Take(FirstErrors).ToListAsync(ct);
        return TypedResults.Ok(ImportResponse.From(import, errors));
    }

    private static async Task<IResult> Errors(string id, string? format, MercatoDb db, CancellationToken ct)
    {
        if (!Exports.TryParseFormat(format, out var kind)) return Error.Validation("format", "One of: csv, ndjson.").ToProblem();
        if (!await db.Set<ProductImport>().AnyAsync(i => i.Id == id && i.Status != ImportStatus.Uploading, ct))
            return Error.NotFound("import", id).ToProblem();
        var errors = Stream(db, id, ct);
        return kind == ExportFormat.Csv
            ? Exports.Csv($"{id}-errors", ["row", "field", "message"],
                errors.Select(e => (IReadOnlyList<string?>)[e.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Field, e.Message]))
            : Exports.Ndjson($"{id}-errors", errors);
    }

    /// <summary>All errors in keyset-ordered batches, never all in memory.</summary>
    private static async IAsyncEnumerable<ImportErrorResponse> Stream(MercatoDb db, string id, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var after = 0;
        while (true)
        {
            var batch = await db.Set<ImportError>().AsNoTracking().Where(e => e.ImportId == id && e.Number > after).OrderBy(e => e.Number)
                .Take(1000).ToListAsync(ct);
            foreach (var e in batch) yield return new ImportErrorResponse(e.Row, e.Field, e.Message);
            if (batch.Count < 1000) yield break;
            after = batch[^1].Number;
        }
    }
}
