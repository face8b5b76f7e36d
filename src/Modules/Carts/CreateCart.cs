using Mercato.Kernel.Http;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Carts;

/// <summary>Starts a cart in the key's sales channel, in the given region or the default one.</summary>
internal static class CreateCart
{
    public sealed record Request(string? RegionId, string? Email);

    public static void Map(RouteGroupBuilder store) => store.MapPost("/carts", Handle)
        .WithName(nameof(CreateCart)).WithSummary("Create a cart").WithTags("Carts");

    private static async Task<Results<Created<CartResponse>, ProblemHttpResult>> Handle(Request request, CartSession carts,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().MaxLength("regionId", request.RegionId, 40);
        var email = UpdateCart.ValidateEmail(v, request.Email);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var region = request.RegionId is null
            ? await carts.Pricing.DefaultRegionAsync(ct)
            : await carts.Pricing.RegionAsync(request.RegionId, ct);
        if (region is null) return (request.RegionId is null ? CartErrors.NoRegion() : CartErrors.RegionNotFound(request.RegionId)).ToProblem();
        var now = time.GetUtcNow();
        var cart = new Cart(http.SalesChannelId(), region.Id, region.CurrencyCode, region.PricesIncludeTax, now, now + carts.IdleExpiry)
        {
            Email = email,
        };
        await carts.CreateAsync(cart, ct);
        http.SetETag(cart.Version);
        return TypedResults.Created($"/store/carts/{cart.Id}", CartResponse.From(cart));
    }
}
