using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Audit;

/// <summary>Reading the audit log. There are no write routes: entries are made only by the audit trail.</summary>
internal static class AdminAuditLog
{
    public sealed record AuditEntryResponse(string Id, DateTimeOffset OccurredAt, string ActorId, string ActorKind, string Action,
        string Method, string Route, string Path, string ResourceType, string? ResourceId, IReadOnlyList<string> ChangedFields,
        int Status, string? IpAddress, string? UserAgent, string RequestId)
    {
        public static AuditEntryResponse From(AuditEntry e) =>
            new(e.Id, e.OccurredAt, e.ActorId, e.ActorKind, e.Action, e.Method, e.Route, e.Path, e.ResourceType, e.ResourceId,
                e.ChangedFields.Split(',', StringSplitOptions.RemoveEmptyEntries), e.Status, e.IpAddress, e.UserAgent, e.RequestId);
    }

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/audit-log").WithTags("Audit log").RequirePermission(Permissions.AuditRead);
        group.MapGet("/", List).WithName("ListAuditEntries")
            .WithSummary("Admin writes, newest first; filter by actorId, resourceType, resourceId, action, since and until");
        group.MapGet("/{id}", Get).WithName("GetAuditEntry").WithSummary("Get one audit entry");
    }

    private static async Task<Results<Ok<Page<AuditEntryResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        string? actorId, string? resourceType, string? resourceId, string? action, DateTimeOffset? since, DateTimeOffset? until,
        CancellationToken ct)
    {
        var size = ListQuery.Limit(limit);
        if (size.Error is { } badLimit) return badLimit.ToProblem();
        var v = new Validator().MaxLength("actorId", actorId, 64).MaxLength("resourceType", resourceType, 100)
            .MaxLength("resourceId", resourceId, 300).MaxLength("action", action, 100);
        if (since > until) v.Add("until", "Must not be before since.");
        if (v.ToError() is { } invalid) return invalid.ToProblem();

        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrEmpty(actorId)) query = query.Where(e => e.ActorId == actorId);
        if (!string.IsNullOrEmpty(resourceType)) query = query.Where(e => e.ResourceType == resourceType);
        if (!string.IsNullOrEmpty(resourceId)) query = query.Where(e => e.ResourceId == resourceId);
        if (!string.IsNullOrEmpty(action)) query = query.Where(e => e.Action == action);
        if (since is { } from) query = query.Where(e => e.OccurredAt >= from);
        if (until is { } to) query = query.Where(e => e.OccurredAt < to);
        if (cursor is not null)
        {
            if (Cursor.Decode(cursor, 1) is not [{ } before]) return ListQuery.InvalidCursor().ToProblem();
            query = query.Where(e => e.Id.CompareTo(before) < 0);
        }
        var rows = await query.OrderByDescending(e => e.Id).Take(size.Value + 1).ToListAsync(ct);
        var page = rows.Take(size.Value).ToList();
        var next = rows.Count > size.Value ? Cursor.Encode(page[^1].Id) : null;
        return TypedResults.Ok(new Page<AuditEntryResponse>([.. page.Select(AuditEntryResponse.From)], next));
    }

    private static async Task<Results<Ok<AuditEntryResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, CancellationToken ct)
    {
        var entry = await db.Set<AuditEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        return entry is null ? Error.NotFound("audit entry", id).ToProblem() : TypedResults.Ok(AuditEntryResponse.From(entry));
    }
}
