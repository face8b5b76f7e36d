using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Carts;

/// <summary>Removes a line; answers the re-priced cart.</summary>
internal static class RemoveLineItem
{
    public static void Map(RouteGroupBuilder store) => store.MapDelete("/carts/{id}/line-items/{lineId}", Handle)
        .WithName(nameof(RemoveLineItem)).WithSummary("Remove a line from a cart").WithTags("Carts");

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Handle(string id, string lineId, CartSession carts,
        HttpContext http, CancellationToken ct)
    {
        var result = await carts.ChangeAsync(id, http.StoreCaller(), cart =>
            Task.FromResult(cart.Lines.RemoveAll(l => l.Id == lineId) == 0 ? CartErrors.LineNotFound(lineId) : null), ct);
        return CartHttp.Respond(result, http);
    }
}
