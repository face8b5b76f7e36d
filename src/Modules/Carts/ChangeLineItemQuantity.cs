using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Carts;

/// <summary>Sets a line's quantity (1 to <c>Mercato:Carts:MaxQuantityPerLine</c>); more units are checked against available stock.</summary>
internal static class ChangeLineItemQuantity
{
    public sealed record Request(int Quantity);

    public static void Map(RouteGroupBuilder store) => store.MapPatch("/carts/{id}/line-items/{lineId}", Handle)
        .WithName(nameof(ChangeLineItemQuantity)).WithSummary("Change a line's quantity").WithTags("Carts");

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Handle(string id, string lineId, Request request,
        CartSession carts, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Range("quantity", request.Quantity, 1, carts.Limits.MaxQuantityPerLine);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var grew = false;
        string? sku = null;
        var result = await carts.ChangeAsync(id, http.StoreCaller(), cart =>
        {
            var line = cart.Lines.Find(l => l.Id == lineId);
            if (line is null) return Task.FromResult<Error?>(CartErrors.LineNotFound(lineId));
            (grew, sku) = (request.Quantity > line.Quantity, line.Sku);
            return Task.FromResult(line.SetQuantity(request.Quantity, carts.Limits.MaxQuantityPerLine));
        }, ct, cart => grew ? carts.Pricing.CheckStockAsync(cart, sku!, ct) : Task.FromResult<Error?>(null));
        return CartHttp.Respond(result, http);
    }
}
