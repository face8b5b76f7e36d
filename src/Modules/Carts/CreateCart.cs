using Mercato.Kernel.Http;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Carts;

/// <summary>
/// Starts a cart in the key's sales channel, in the given region or the default one. With a customer token the cart is the
/// customer's (reachable only with their token) and counts against <c>Mercato:Carts:MaxOpenCartsPerCustomer</c>.
/// </summary>
internal static class CreateCart
{
    public sealed record Request(string? RegionId, string? Email);

    public static void Map(RouteGroupBuilder store) => store.MapPost("/carts", Handle)
        .WithName(nameof(CreateCart)).WithSummary("Create a cart").WithTags("Carts");

    private static async Task<Results<Created<CartResponse>, ProblemHttpResult>> Handle(Request request, CartSession carts,
        IOptions<CartOptions> options, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().MaxLength("regionId", request.RegionId, 40);
        var email = UpdateCart.ValidateEmail(v, request.Email);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var region = request.RegionId is null
            ? await carts.Pricing.DefaultRegionAsync(ct)
            : await carts.Pricing.RegionAsync(request.RegionId, ct);
        if (region is null) return (request.RegionId is null ? CartErrors.NoRegion() : CartErrors.RegionNotFound(request.RegionId)).ToProblem();
        var caller = http.StoreCaller();
        if (caller.CustomerId is { } customerId && await carts.OpenCartsOf(customerId).CountAsync(ct) >= options.Value.MaxOpenCartsPerCustomer)
            return CartErrors.TooManyOpenCarts(options.Value.MaxOpenCartsPerCustomer).ToProblem();
        var now = time.GetUtcNow();
        // The customer's email is not copied in: the cart asks for the address it should use, like a guest's.
        var cart = new Cart(caller.SalesChannelId, region.Id, region.CurrencyCode, region.PricesIncludeTax, now, now + carts.IdleExpiry)
        {
            Email = email,
            CustomerId = caller.CustomerId,
        };
        await carts.CreateAsync(cart, ct);
        http.SetETag(cart.Version);
        return TypedResults.Created($"/store/carts/{cart.Id}", CartResponse.From(cart));
    }
}
