using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mercato.Carts;

internal static class CartHttp
{
    /// <summary>The cart with its version as the ETag, or the problem.</summary>
    public static Results<Ok<CartResponse>, ProblemHttpResult> Respond(Result<Cart> result, HttpContext http)
    {
        if (result.Error is { } error) return error.ToProblem();
        http.SetETag(result.Value!.Version);
        return TypedResults.Ok(CartResponse.From(result.Value));
    }
}
