using Mercato.Kernel.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Carts;

/// <summary>A signed-in customer takes over a guest cart they hold the id of, merged with their own open cart (see <see cref="SignInCartMerger"/>).</summary>
internal static class TakeOverCart
{
    public static void Map(RouteGroupBuilder store) => store.MapPost("/carts/{id}/customer", Handle)
        .RequireAuthorization(Callers.CustomerPolicy)
        .WithName(nameof(TakeOverCart)).WithSummary("Make a guest cart the signed-in customer's, merged with their open cart")
        .WithTags("Carts");

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Handle(string id, SignInCartMerger merger, HttpContext http,
        CancellationToken ct) =>
        CartHttp.Respond(await merger.TakeOverAsync(id, http.CustomerId()!, http.SalesChannelId(), ct), http);
}

/// <summary>The signed-in customer's current cart in the key's channel: the most recently changed open one.</summary>
internal static class GetCustomerCart
{
    public static void Map(RouteGroupBuilder store) => store.MapGet("/customers/me/cart", Handle)
        .RequireAuthorization(Callers.CustomerPolicy)
        .WithName(nameof(GetCustomerCart)).WithSummary("Get the signed-in customer's open cart").WithTags("Carts");

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Handle(CartSession carts, HttpContext http,
        CancellationToken ct)
    {
        var cart = await carts.LatestOpenCartAsync(http.CustomerId()!, http.SalesChannelId(), except: null, ct);
        if (cart is null) return CartErrors.NoOpenCart().ToProblem();
        return CartHttp.Respond(await carts.WithGiftCardsAsync(cart, ct), http);
    }
}
