using Mercato.Kernel.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Carts;

/// <summary>The cart as last priced (every change re-prices it); only through its own sales channel.</summary>
internal static class GetCart
{
    public static void Map(RouteGroupBuilder store) => store.MapGet("/carts/{id}", Handle)
        .WithName(nameof(GetCart)).WithSummary("Get a cart with its lines and totals").WithTags("Carts");

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Handle(string id, CartSession carts, HttpContext http,
        CancellationToken ct) =>
        CartHttp.Respond(await carts.ReadAsync(id, http.StoreCaller(), ct), http);
}
