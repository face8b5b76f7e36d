using Mercato.GiftCards.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Security;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Carts;

/// <summary>
/// Applies or removes a gift card. A card that cannot pay (unknown, disabled, expired, empty, other currency) is one answer,
/// <c>400 gift_card_invalid</c>, and the cart stays as it was. Attempts count against the strict <c>codes</c> rate limit.
/// </summary>
internal static class CartGiftCards
{
    public sealed record Request(string Code);

    public static void Map(RouteGroupBuilder store)
    {
        store.MapPost("/carts/{id}/gift-cards", Apply).WithName("ApplyGiftCard").RequireRateLimiting(RateLimits.Codes)
            .WithSummary("Apply a gift card to a cart (it pays after promotions and tax)").WithTags("Carts");
        store.MapDelete("/carts/{id}/gift-cards/{giftCardId}", Remove).WithName("RemoveGiftCard")
            .WithSummary("Remove a gift card from a cart").WithTags("Carts");
    }

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Apply(string id, Request request, CartSession carts,
        ICartGiftCards giftCards, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Required("code", request.Code, 64);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        // Refused before the code is looked up, so the answer says nothing about the code (ADR 9).
        var result = await carts.ChangeAsync(id, http.StoreCaller(), async cart => cart.Lines.Any(l => l.IsGiftCard)
            ? GiftCardProblems.NotAllowed() : (await giftCards.ApplyAsync(cart.Id, request.Code, cart.CurrencyCode, ct)).Error, ct);
        return CartHttp.Respond(result, http);
    }

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Remove(string id, string giftCardId, CartSession carts,
        ICartGiftCards giftCards, HttpContext http, CancellationToken ct)
    {
        // Idempotent: removing a card the cart does not hold answers the cart as it is.
        var result = await carts.ChangeAsync(id, http.StoreCaller(), async cart =>
        {
            await giftCards.RemoveAsync(cart.Id, giftCardId, ct);
            return (Error?)null;
        }, ct);
        return CartHttp.Respond(result, http);
    }
}
