using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Carts;

/// <summary>
/// Applies or removes a promotion code. A code that gives the cart nothing (unknown, disabled, not started, expired, used up,
/// conditions not met, not combinable) is one answer, <c>400 promotion_code_invalid</c>, and the cart stays as it was.
/// </summary>
internal static class PromotionCodes
{
    public const int MaxCodes = 10;

    public sealed record Request(string Code);

    public static void Map(RouteGroupBuilder store)
    {
        store.MapPost("/carts/{id}/promotion-codes", Apply).WithName("ApplyPromotionCode")
            .WithSummary("Apply a promotion code to a cart").WithTags("Carts");
        store.MapDelete("/carts/{id}/promotion-codes/{code}", Remove).WithName("RemovePromotionCode")
            .WithSummary("Remove a promotion code from a cart").WithTags("Carts");
    }

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Apply(string id, Request request, CartSession carts,
        HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Required("code", request.Code, 40);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var code = request.Code.Trim().ToUpperInvariant();
        var result = await carts.ChangeAsync(id, http.StoreCaller(), cart =>
        {
            if (cart.Codes.Count >= MaxCodes) return Task.FromResult<Error?>(CartErrors.TooManyCodes(MaxCodes));
            cart.AddCode(code);
            return Task.FromResult<Error?>(null);
        }, ct, cart => Task.FromResult(carts.Pricing.LastPromotions.Applied.Any(p => p.Code == code) ? null : CartErrors.PromotionCodeInvalid()));
        return CartHttp.Respond(result, http);
    }

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Remove(string id, string code, CartSession carts,
        HttpContext http, CancellationToken ct)
    {
        // Idempotent: removing a code the cart does not hold answers the cart as it is.
        var result = await carts.ChangeAsync(id, http.StoreCaller(), cart =>
        {
            cart.RemoveCode(code);
            return Task.FromResult<Error?>(null);
        }, ct);
        return CartHttp.Respond(result, http);
    }
}
