using System.Security.Cryptography;
using System.Text;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Events;
using Mercato.Kernel.Http;
using Mercato.Kernel.Idempotency;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Mercato.Kernel.Validation;
using Mercato.Orders.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Orders;

/// <summary>
/// Admin reads of orders (list with filters, detail), the integrator's fields and archiving; the other writes have their
/// own slices.
/// </summary>
internal static class AdminOrders
{
    public const int MaxQuantity = 10_000;

    /// <summary>Absent fields stay as they are; <c>externalId: ""</c> removes the external id.</summary>
    public sealed record UpdateRequest(string? ExternalId);

    public static RouteGroupBuilder Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/orders").WithTags("Orders")
            .RequirePermissions(Permissions.OrdersRead, Permissions.OrdersWrite);
        group.MapGet("/", List).WithName("ListOrders").WithSummary("List orders, newest first, with filters and search");
        group.MapGet("/{id}", Get).WithName("GetOrder").WithSummary("Get an order with its items, payments, fulfillments, returns and timeline");
        group.MapPatch("/{id}", Update).WithName("UpdateOrder").WithSummary("Set the integrator's fields of an order (externalId; If-Match)");
        group.MapPost("/{id}/archive", Archive).WithName("ArchiveOrder").WithSummary("Archive a completed or canceled order");
        return group;
    }

    public static IQueryable<Order> WithGraph(this IQueryable<Order> orders) => orders
        .Include(o => o.Lines).Include(o => o.Fulfillments).ThenInclude(f => f.Lines).Include(o => o.Returns).ThenInclude(r => r.Lines)
        .Include(o => o.Refunds).Include(o => o.Timeline).AsSplitQuery();

    /// <summary>Who is acting, for the timeline: the admin user or key.</summary>
    public static string Actor(this HttpContext http) => http.User.AdminActor() ?? "admin";

    /// <summary>The order to change, tracked, after the If-Match check.</summary>
    public static async Task<Result<Order>> LoadForWriteAsync(this MercatoDb db, HttpContext http, string id, CancellationToken ct)
    {
        var order = await db.Set<Order>().WithGraph().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return OrderErrors.NotFound(id);
        if (http.CheckIfMatch(order.Version) is { } stale) return stale;
        return order;
    }

    /// <summary>Raises an order event with the order as the Admin API shows it after the change (saved with the change).</summary>
    public static void RaiseFor(this IDomainEvents events, Order order, string type) =>
        events.Raise(type, order.Id, () => AdminOrderResponse.From(order));

    public static Ok<AdminOrderResponse> Answer(this HttpContext http, Order order)
    {
        http.SetETag(order.Version);
        return TypedResults.Ok(AdminOrderResponse.From(order));
    }

    /// <summary>
    /// The idempotency key sent to the payment provider: from the request's Idempotency-Key when there is one, else from the
    /// order's operation counter, so a retry of an operation whose result was never recorded cannot move money twice.
    /// </summary>
    public static string PaymentKey(this HttpContext http, Order order, string operation)
    {
        var header = http.Request.Headers[IdempotencyMiddleware.Header].ToString();
        if (header.Length == 0) return $"{order.Id}:{operation}:{order.PaymentOperations + 1}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{http.Actor()}\n{header}")))[..32];
        return $"{order.Id}:{operation}:{hash}";
    }

    public sealed record ItemRequest(string? LineId, int? Quantity);

    /// <summary>Checks lines and quantities of a request against the order; an unknown line is a validation error on its path.</summary>
    public static List<(string LineId, int Quantity)> Items(Validator v, Order? order, IReadOnlyList<ItemRequest?>? items, bool required)
    {
        var result = new List<(string, int)>();
        if (items is null || items.Count == 0)
        {
            if (required) v.Add("items", "At least one item.");
            return result;
        }
        v.Count("items", items, 500);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                v.Add($"items[{i}]", "Required.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(item.LineId)) v.Add($"items[{i}].lineId", "Required.");
            else if (order is not null && order.Line(item.LineId) is null) v.Add($"items[{i}].lineId", "Not a line of this order.");
            if (item.Quantity is null) v.Add($"items[{i}].quantity", "Required.");
            else v.Range($"items[{i}].quantity", item.Quantity, 1, MaxQuantity);
            if (item.LineId is not null && item.Quantity is { } q) result.Add((item.LineId, q));
        }
        return result;
    }

    private static async Task<Results<Ok<Page<AdminOrderSummary>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        string? status, string? paymentStatus, string? fulfillmentStatus, DateTimeOffset? createdFrom, DateTimeOffset? createdTo,
        string? email, long? minTotal, long? maxTotal, string? salesChannelId, string? q, string? externalId, CancellationToken ct)
    {
        var v = new Validator();
        var size = ListQuery.Limit(limit);
        if (size.Error is { } badLimit) return badLimit.ToProblem();
        var query = db.Set<Order>().AsNoTracking();
        if (status is not null)
        {
            if (Parse<OrderStatus>(v, "status", status) is { } s) query = query.Where(o => o.Status == s);
        }
        if (paymentStatus is not null)
        {
            if (Parse<OrderPaymentStatus>(v, "paymentStatus", paymentStatus) is { } s) query = query.Where(o => o.PaymentStatus == s);
        }
        if (fulfillmentStatus is not null)
        {
            if (Parse<OrderFulfillmentStatus>(v, "fulfillmentStatus", fulfillmentStatus) is { } s) query = query.Where(o => o.FulfillmentStatus == s);
        }
        v.MaxLength("email", email, 320).MaxLength("q", q, 320).MaxLength("salesChannelId", salesChannelId, 40)
            .MaxLength("externalId", externalId, Order.ExternalIdLength);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        if (createdFrom is { } from) query = query.Where(o => o.CreatedAt >= from);
        if (createdTo is { } to) query = query.Where(o => o.CreatedAt < to);
        if (!string.IsNullOrWhiteSpace(email))
        {
            var normalized = Order.NormalizeEmail(email);
            query = query.Where(o => o.Email == normalized);
        }
        if (minTotal is { } min) query = query.Where(o => o.Total >= min);
        if (maxTotal is { } max) query = query.Where(o => o.Total <= max);
        if (externalId?.Trim() is { Length: > 0 } external) query = query.Where(o => o.ExternalId == external);
        if (!string.IsNullOrWhiteSpace(salesChannelId)) query = query.Where(o => o.SalesChannelId == salesChannelId);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().TrimStart('#').ToLowerInvariant();
            query = long.TryParse(term, out var number)
                ? query.Where(o => o.Number == number || o.Email.Contains(term))
                : query.Where(o => o.Email.Contains(term));
        }
        if (cursor is not null)
        {
            if (Cursor.Decode(cursor, 1) is not [{ } before]) return ListQuery.InvalidCursor().ToProblem();
            query = query.Where(o => o.Id.CompareTo(before) < 0);
        }
        var rows = await query.OrderByDescending(o => o.Id).Take(size.Value + 1).ToListAsync(ct);
        var page = rows.Take(size.Value).ToList();
        var next = rows.Count > size.Value ? Cursor.Encode(page[^1].Id) : null;
        return TypedResults.Ok(new Page<AdminOrderSummary>([.. page.Select(AdminOrderSummary.From)], next));
    }

    private static async Task<Results<Ok<AdminOrderResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var order = await db.Set<Order>().AsNoTracking().WithGraph().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return OrderErrors.NotFound(id).ToProblem();
        return http.Answer(order);
    }

    private static async Task<Results<Ok<AdminOrderResponse>, ProblemHttpResult>> Update(string id, UpdateRequest request, MercatoDb db,
        HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var externalId = request.ExternalId?.Trim() is { Length: > 0 } e ? e : null;
        if (new Validator().MaxLength("externalId", externalId, Order.ExternalIdLength).ToError() is { } invalid) return invalid.ToProblem();
        var loaded = await db.LoadForWriteAsync(http, id, ct);
        if (loaded.Error is { } error) return error.ToProblem();
        var order = loaded.Value!;
        if (request.ExternalId is null || !order.SetExternalId(externalId, http.Actor(), time)) return http.Answer(order);
        if (await ExternalIdTakenAsync(db, id, externalId, ct) is { } taken) return taken.ToProblem();
        if (await db.SaveOrConflictAsync(() => ExternalIdTakenAsync(db, id, externalId, ct), ct) is { } conflict) return conflict.ToProblem();
        return http.Answer(order);
    }

    private static async Task<Error?> ExternalIdTakenAsync(MercatoDb db, string id, string? externalId, CancellationToken ct) =>
        externalId is not null && await db.Set<Order>().AnyAsync(o => o.ExternalId == externalId && o.Id != id, ct)
            ? OrderErrors.ExternalIdTaken(externalId)
            : null;

    private static async Task<Results<Ok<AdminOrderResponse>, ProblemHttpResult>> Archive(string id, MercatoDb db, HttpContext http,
        TimeProvider time, CancellationToken ct)
    {
        var loaded = await db.LoadForWriteAsync(http, id, ct);
        if (loaded.Error is { } error) return error.ToProblem();
        var order = loaded.Value!;
        if (order.Archive(http.Actor(), time) is { } refused) return refused.ToProblem();
        await db.SaveChangesAsync(ct);
        return http.Answer(order);
    }

    private static T? Parse<T>(Validator v, string field, string value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (OrderErrors.Name(candidate).Equals(value, StringComparison.OrdinalIgnoreCase)) return candidate;
        }
        v.Add(field, $"One of: {string.Join(", ", Enum.GetValues<T>().Select(OrderErrors.Name))}.");
        return null;
    }
}
