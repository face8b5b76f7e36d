using System.Globalization;
using System.Text.Json;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Events;
using Mercato.Kernel.Http;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mercato.Api.Hosting;

/// <summary>
/// The events feed: every domain event in the order the outbox recorded it, oldest first, so an integrator can catch up
/// from where it stopped (the cursor) instead of relying on webhooks alone. It belongs to no module.
/// </summary>
internal static class AdminEvents
{
    public sealed record EventResponse(string Id, string Type, string ResourceType, string ResourceId, long Sequence,
        DateTimeOffset OccurredAt, JsonElement Data)
    {
        public static EventResponse From(DomainEvent e) => new(e.Id, e.Type, e.ResourceType, e.ResourceId, e.Sequence, e.OccurredAt, e.Data);
    }

    public static void Map(RouteGroupBuilder admin) => admin.MapGet("/events", List).WithName("ListEvents")
        .WithSummary("Domain events, oldest first, optionally of one type or about one resource").WithTags("Events")
        .RequirePermission(Permissions.EventsRead);

    private static async Task<Results<Ok<Page<EventResponse>>, ProblemHttpResult>> List(IEventOutbox outbox, int? limit, string? cursor,
        string? type, string? resourceId, CancellationToken ct)
    {
        var size = ListQuery.Limit(limit);
        if (size.Error is { } badLimit) return badLimit.ToProblem();
        var v = new Kernel.Validation.Validator().MaxLength("type", type, 100).MaxLength("resourceId", resourceId, 100);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var after = 0L;
        if (cursor is not null)
        {
            if (Cursor.Decode(cursor, 1) is not [{ } position] || !long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out after))
                return ListQuery.InvalidCursor().ToProblem();
        }
        var rows = await outbox.ReadAsync(after, size.Value + 1, Blank(type), Blank(resourceId), ct);
        var page = rows.Take(size.Value).ToList();
        var next = rows.Count > size.Value ? Cursor.Encode(page[^1].Position.ToString(CultureInfo.InvariantCulture)) : null;
        return TypedResults.Ok(new Page<EventResponse>([.. page.Select(e => EventResponse.From(e.Event))], next));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
