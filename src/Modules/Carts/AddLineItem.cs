using Mercato.Kernel.Http;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Carts;

/// <summary>Adds a variant at the server's current price; the same variant again adds to its line.</summary>
internal static class AddLineItem
{
    public sealed record Request(string VariantId, int Quantity);

    public static void Map(RouteGroupBuilder store) => store.MapPost("/carts/{id}/line-items", Handle)
        .WithName(nameof(AddLineItem)).WithSummary("Add a variant to a cart").WithTags("Carts");

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Handle(string id, Request request, CartSession carts,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Required("variantId", request.VariantId, 40)
            .Range("quantity", request.Quantity, 1, carts.Limits.MaxQuantityPerLine);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var caller = http.StoreCaller();
        var channelId = caller.SalesChannelId;
        string? sku = null;
        var result = await carts.ChangeAsync(id, caller, async cart =>
        {
            var variant = await carts.Pricing.SaleableAsync(request.VariantId, channelId, cart.CurrencyCode, ct, cart);
            if (variant.Error is { } unavailable) return unavailable;
            sku = variant.Value!.Sku;
            return cart.AddLine(variant.Value, request.Quantity, carts.Limits, time.GetUtcNow(), time);
        }, ct, cart => carts.Pricing.CheckStockAsync(cart, sku!, ct));
        return CartHttp.Respond(result, http);
    }
}
