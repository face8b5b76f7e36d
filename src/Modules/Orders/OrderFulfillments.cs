using Mercato.GiftCards.Contracts;
using Mercato.Inventory.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Validation;
using Mercato.Orders.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Orders;

/// <summary>
/// Fulfilments: pick lines (consuming their reserved stock), ship them, mark them delivered. Fulfilling gift-card lines (ADR 9)
/// issues one card per unit and emails the codes, in the same transaction.
/// </summary>
internal static class OrderFulfillments
{
    public sealed record CreateRequest(IReadOnlyList<AdminOrders.ItemRequest?>? Items, string? LocationId, string? Carrier, string? TrackingNumber);

    public sealed record ShipRequest(string? Carrier, string? TrackingNumber);

    public static void Map(RouteGroupBuilder orders)
    {
        orders.MapPost("/{id}/fulfillments", Create).WithName("CreateFulfillment")
            .WithSummary("Fulfil lines of an order, consuming their stock");
        orders.MapPost("/{id}/fulfillments/{fulfillmentId}/ship", Ship).WithName("ShipFulfillment")
            .WithSummary("Mark a fulfillment shipped, with carrier and tracking number");
        orders.MapPost("/{id}/fulfillments/{fulfillmentId}/deliver", Deliver).WithName("DeliverFulfillment")
            .WithSummary("Mark a shipped fulfillment delivered");
    }

    private static async Task<Results<Ok<AdminOrderResponse>, ProblemHttpResult>> Create(string id, CreateRequest request, MercatoDb db,
        [FromServices] IStockReservations stock, [FromServices] IGiftCardIssuing giftCards, [FromServices] IDomainEvents events,
        HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var v = new Validator().MaxLength("locationId", request.LocationId, 40).MaxLength("carrier", request.Carrier, 100)
            .MaxLength("trackingNumber", request.TrackingNumber, 200);
        AdminOrders.Items(v, null, request.Items, required: true);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var loaded = await db.LoadForWriteAsync(http, id, ct);
        if (loaded.Error is { } error) return error.ToProblem();
        var order = loaded.Value!;
        v = new Validator();
        var items = AdminOrders.Items(v, order, request.Items, required: true);
        if (v.ToError() is { } unknownLine) return unknownLine.ToProblem();

        var fulfilled = order.Fulfill(items, Blank(request.LocationId), Blank(request.Carrier), Blank(request.TrackingNumber), http.Actor(), time);
        if (fulfilled.Error is { } refused) return refused.ToProblem();
        var fulfillment = fulfilled.Value!;
        var demand = items.Select(i => order.Line(i.LineId)!).Zip(items)
            .Where(x => x.First.ManageInventory)
            .Select(x => new StockDemand(x.First.Sku, x.Second.Quantity, x.First.AllowBackorder)).ToList();

        // Stock and the fulfilment commit together: no stock taken for a fulfilment that was not recorded, and the reverse.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (demand.Count > 0)
        {
            var consumed = await stock.ConsumeAsync(order.Id, demand, fulfillment.LocationId, ct);
            if (consumed.Error is { } shortage) return shortage.ToProblem();
            fulfillment.LocationId ??= consumed.Value!.Select(c => c.LocationId).FirstOrDefault();
        }
        // Gift cards sold as products: one card per fulfilled unit, keyed by line and unit so none is ever issued twice.
        var units = order.GiftCardUnits(fulfillment);
        if (units.Count > 0)
        {
            var issued = await giftCards.IssueForOrderAsync(new GiftCardIssueRequest(order.Id, order.Number, order.Currency, order.CustomerId,
                order.Email, [.. units.Select(u => new GiftCardIssueLine(u.Line.Id, u.Line.VariantTitle is null ? u.Line.ProductTitle
                    : $"{u.Line.ProductTitle} ({u.Line.VariantTitle})", u.Line.UnitPrice, u.FirstUnit, u.Count))]), http.Actor(), ct);
            order.RecordGiftCardsIssued([.. issued.Select(c => (c.OrderLineId, new OrderLineGiftCard(c.GiftCardId, c.Last4, c.Unit)))],
                http.Actor(), time);
        }
        events.RaiseFor(order, OrderEvents.Fulfilled);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return http.Answer(order);
    }

    private static async Task<Results<Ok<AdminOrderResponse>, ProblemHttpResult>> Ship(string id, string fulfillmentId, ShipRequest request,
        MercatoDb db, [FromServices] IDomainEvents events, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var v = new Validator().MaxLength("carrier", request.Carrier, 100).MaxLength("trackingNumber", request.TrackingNumber, 200);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var loaded = await db.LoadForWriteAsync(http, id, ct);
        if (loaded.Error is { } error) return error.ToProblem();
        var order = loaded.Value!;
        if (order.Ship(fulfillmentId, Blank(request.Carrier), Blank(request.TrackingNumber), http.Actor(), time) is { } refused)
            return refused.ToProblem();
        events.RaiseFor(order, OrderEvents.Shipped);
        await db.SaveChangesAsync(ct);
        return http.Answer(order);
    }

    private static async Task<Results<Ok<AdminOrderResponse>, ProblemHttpResult>> Deliver(string id, string fulfillmentId, MercatoDb db,
        [FromServices] IDomainEvents events, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var loaded = await db.LoadForWriteAsync(http, id, ct);
        if (loaded.Error is { } error) return error.ToProblem();
        var order = loaded.Value!;
        if (order.Deliver(fulfillmentId, http.Actor(), time) is { } refused) return refused.ToProblem();
        events.RaiseFor(order, OrderEvents.Delivered);
        await db.SaveChangesAsync(ct);
        return http.Answer(order);
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
