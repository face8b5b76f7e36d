using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Mercato.Kernel.Http;
using Mercato.Kernel.Ids;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Promotions;

internal sealed record PromotionCodeResponse(string Id, string Code, int? UsageLimit, int UsedCount, string? BatchId, DateTimeOffset CreatedAt)
{
    public static PromotionCodeResponse From(PromotionCode c) => new(c.Id, c.Code, c.UsageLimit, c.UsedCount, c.BatchId, c.CreatedAt);
}

internal sealed record CodeBatchResponse(string BatchId, string PromotionId, int Count, IReadOnlyList<string> Codes);

/// <summary>A promotion's codes: one chosen code, generated batches of unique unguessable codes, and the list (JSON or CSV).</summary>
internal static partial class AdminPromotionCodes
{
    public const int MaxBatch = 10_000;
    /// <summary>No 0/O, 1/I/L: codes are read aloud and typed from print.</summary>
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int GeneratedLength = 12;

    public sealed record CreateCodeRequest(string? Code, int? UsageLimit);

    public sealed record CreateBatchRequest(int? Count, string? Prefix, int? UsageLimit);

    public static void Map(RouteGroupBuilder promotions)
    {
        promotions.MapPost("/{id}/codes", CreateCode).WithName("CreatePromotionCode").WithSummary("Add one code to a promotion");
        promotions.MapPost("/{id}/code-batches", CreateBatch).WithName("CreatePromotionCodeBatch")
            .WithSummary($"Generate up to {MaxBatch} unique unguessable codes for a promotion");
        promotions.MapGet("/{id}/codes", ListCodes).WithName("ListPromotionCodes")
            .WithSummary("List a promotion's codes (format=csv streams them all as CSV)");
    }

    [GeneratedRegex("^[A-Z0-9_-]{3,40}$")]
    private static partial Regex CodeShape();

    private static async Task<Results<Created<PromotionCodeResponse>, ProblemHttpResult>> CreateCode(string id, CreateCodeRequest request,
        MercatoDb db, TimeProvider time, CancellationToken ct)
    {
        var code = request.Code is null ? null : PromotionCode.Normalize(request.Code);
        var v = new Validator().Required("code", code, PromotionCode.MaxLength).Range("usageLimit", request.UsageLimit, 1, int.MaxValue);
        if (code is not null && !CodeShape().IsMatch(code)) v.Add("code", "3 to 40 letters, digits, '-' or '_'.");
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        if (!await db.Set<Promotion>().AnyAsync(p => p.Id == id, ct)) return PromotionErrors.NotFound(id).ToProblem();
        async Task<Kernel.Errors.Error?> CheckUnique() =>
            await db.Set<PromotionCode>().AnyAsync(c => c.Code == code, ct) ? PromotionErrors.CodeTaken(code!) : null;
        if (await CheckUnique() is { } taken) return taken.ToProblem();
        var created = new PromotionCode(id, code!, request.UsageLimit, null, time);
        db.Add(created);
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        return TypedResults.Created($"/admin/promotions/{id}/codes", PromotionCodeResponse.From(created));
    }

    private static async Task<Results<Created<CodeBatchResponse>, ProblemHttpResult>> CreateBatch(string id, CreateBatchRequest request,
        MercatoDb db, TimeProvider time, CancellationToken ct)
    {
        var prefix = request.Prefix is null ? "" : PromotionCode.Normalize(request.Prefix);
        var v = new Validator().Range("count", request.Count ?? 0, 1, MaxBatch).Range("usageLimit", request.UsageLimit, 1, int.MaxValue)
            .MaxLength("prefix", prefix, PromotionCode.MaxLength - GeneratedLength - 1);
        if (prefix.Length > 0 && !CodeShape().IsMatch(prefix + "-" + new string('A', GeneratedLength))) v.Add("prefix", "Letters, digits, '-' or '_'.");
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        if (!await db.Set<Promotion>().AnyAsync(p => p.Id == id, ct)) return PromotionErrors.NotFound(id).ToProblem();
        var batchId = EntityId.New("pcb", time);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (codes.Count < request.Count)
        {
            var random = new string(RandomNumberGenerator.GetItems<char>(Alphabet, GeneratedLength));
            codes.Add(prefix.Length == 0 ? random : $"{prefix}-{random}");
        }
        // ~59 random bits each: a clash with an existing code is practically impossible, but checked rather than assumed.
        var list = codes.ToList();
        var clashes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in list.Chunk(500))
            clashes.UnionWith(await db.Set<PromotionCode>().Where(c => chunk.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct));
        list.RemoveAll(clashes.Contains);
        db.AddRange(list.Select(c => new PromotionCode(id, c, request.UsageLimit, batchId, time)));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/admin/promotions/{id}/codes?batchId={batchId}", new CodeBatchResponse(batchId, id, list.Count, list));
    }

    private static async Task<Results<Ok<Page<PromotionCodeResponse>>, PushStreamHttpResult, ProblemHttpResult>> ListCodes(string id,
        MercatoDb db, int? limit, string? cursor, string? format, string? batchId, CancellationToken ct)
    {
        if (format is not (null or "json" or "csv")) return Kernel.Errors.Error.Validation("format", "Use json or csv.").ToProblem();
        if (!await db.Set<Promotion>().AnyAsync(p => p.Id == id, ct)) return PromotionErrors.NotFound(id).ToProblem();
        var query = db.Set<PromotionCode>().AsNoTracking().Where(c => c.PromotionId == id && (batchId == null || c.BatchId == batchId));
        if (format == "csv")
        {
            return TypedResults.Stream(async stream =>
            {
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                await writer.WriteAsync("code,usage_limit,used_count,batch_id,created_at\n");
                var after = "";
                while (true)
                {
                    var rows = await query.Where(c => c.Code.CompareTo(after) > 0).OrderBy(c => c.Code).Take(1000).ToListAsync(ct);
                    if (rows.Count == 0) break;
                    foreach (var c in rows)
                        await writer.WriteAsync($"{c.Code},{c.UsageLimit},{c.UsedCount},{c.BatchId},{c.CreatedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n");
                    after = rows[^1].Code;
                }
            }, "text/csv", $"{id}-codes.csv");
        }
        var page = await query.PageByAsync(c => c.Code, limit, cursor, PromotionCodeResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }
}
