using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Money;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Carts;

/// <summary>The shipping options that apply to a cart now, cheapest first, in the cart's price basis.</summary>
internal static class ListShippingOptions
{
    public sealed record Item(string Id, string Name, MoneyDto Price);

    public sealed record Response(IReadOnlyList<Item> Items);

    public static void Map(RouteGroupBuilder store) => store.MapGet("/carts/{id}/shipping-options", Handle)
        .WithName("ListCartShippingOptions").WithSummary("List the shipping options for a cart").WithTags("Carts");

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(string id, CartSession carts, HttpContext http,
        CancellationToken ct)
    {
        var cart = await carts.ReadAsync(id, http.StoreCaller(), ct);
        if (cart.Error is { } error) return error.ToProblem();
        var quotes = await carts.Pricing.ShippingQuotesAsync(cart.Value!, ct);
        return TypedResults.Ok(new Response([.. quotes.Select(q => new Item(q.OptionId, q.Name, new MoneyDto(q.Amount, q.CurrencyCode)))]));
    }
}

/// <summary>Chooses one of the cart's shipping options; it is re-quoted on every change and dropped when it stops applying.</summary>
internal static class SelectShippingMethod
{
    public sealed record Request(string OptionId);

    public static void Map(RouteGroupBuilder store) => store.MapPost("/carts/{id}/shipping-method", Handle)
        .WithName(nameof(SelectShippingMethod)).WithSummary("Choose a cart's shipping method").WithTags("Carts");

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Handle(string id, Request request, CartSession carts,
        HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Required("optionId", request.OptionId, 40);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var result = await carts.ChangeAsync(id, http.StoreCaller(), async cart =>
        {
            var quote = (await carts.Pricing.ShippingQuotesAsync(cart, ct)).FirstOrDefault(q => q.OptionId == request.OptionId);
            if (quote is null) return CartErrors.ShippingOptionUnavailable(request.OptionId);
            cart.SelectShipping(quote);
            return null;
        }, ct);
        return CartHttp.Respond(result, http);
    }
}
