using Mercato.Kernel.Addresses;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Carts;

/// <summary>
/// Sets the email, addresses or region. A new region re-prices everything in its currency; addresses must be in the
/// cart's region (countryCode is ISO 3166-1 alpha-2, stored upper case).
/// </summary>
internal static class UpdateCart
{
    public sealed record AddressRequest(string? FirstName, string? LastName, string? Company, string? Line1, string? Line2,
        string? City, string? Province, string? PostalCode, string? CountryCode, string? Phone);

    /// <summary>Absent fields stay as they are; <c>email: ""</c> removes the email.</summary>
    public sealed record Request(string? Email, AddressRequest? ShippingAddress, AddressRequest? BillingAddress, string? RegionId);

    public static void Map(RouteGroupBuilder store) => store.MapPatch("/carts/{id}", Handle)
        .WithName(nameof(UpdateCart)).WithSummary("Set a cart's email, addresses or region").WithTags("Carts");

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Handle(string id, Request request, CartSession carts,
        HttpContext http, CancellationToken ct)
    {
        var v = new Validator().MaxLength("regionId", request.RegionId, 40);
        var email = ValidateEmail(v, request.Email);
        var shipping = ValidateAddress(v, "shippingAddress", request.ShippingAddress);
        var billing = ValidateAddress(v, "billingAddress", request.BillingAddress);
        if (v.ToError() is { } invalid) return invalid.ToProblem();

        var result = await carts.ChangeAsync(id, http.StoreCaller(), async cart =>
        {
            if (request.RegionId is not null && request.RegionId != cart.RegionId)
            {
                if (await carts.Pricing.RegionAsync(request.RegionId, ct) is null) return CartErrors.RegionNotFound(request.RegionId);
                cart.RegionId = request.RegionId;
            }
            if (request.Email is not null) cart.Email = email;
            if (shipping is not null) cart.ShippingAddress = shipping;
            if (billing is not null) cart.BillingAddress = billing;
            var region = await carts.Pricing.RegionAsync(cart.RegionId, ct);
            var countries = region?.CountryCodes ?? [];
            if (cart.ShippingAddress is { } s && !countries.Contains(s.CountryCode))
                return CartErrors.CountryNotInRegion("shippingAddress.countryCode", s.CountryCode);
            if (cart.BillingAddress is { } b && !countries.Contains(b.CountryCode))
                return CartErrors.CountryNotInRegion("billingAddress.countryCode", b.CountryCode);
            return null;
        }, ct);
        return CartHttp.Respond(result, http);
    }

    /// <summary>The trimmed email, or null for "" (no email).</summary>
    public static string? ValidateEmail(Validator v, string? email)
    {
        if (email is null) return null;
        var trimmed = email.Trim();
        if (trimmed.Length == 0) return null;
        if (!Validator.IsEmail(trimmed)) v.Add("email", "Not an email address.");
        return trimmed;
    }

    private static Address? ValidateAddress(Validator v, string path, AddressRequest? a)
    {
        if (a is null) return null;
        v.Required($"{path}.firstName", a.FirstName, 100).Required($"{path}.lastName", a.LastName, 100)
            .MaxLength($"{path}.company", a.Company, 200).Required($"{path}.line1", a.Line1, 200).MaxLength($"{path}.line2", a.Line2, 200)
            .Required($"{path}.city", a.City, 100).MaxLength($"{path}.province", a.Province, 100)
            .Required($"{path}.postalCode", a.PostalCode, 20).MaxLength($"{path}.phone", a.Phone, 40);
        var country = a.CountryCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(country)) v.Add($"{path}.countryCode", "Required.");
        else if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)) v.Add($"{path}.countryCode", "An ISO 3166-1 alpha-2 code (e.g. DE).");
        if (!v.IsValid) return null;
        static string? Optional(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return new Address(a.FirstName!.Trim(), a.LastName!.Trim(), Optional(a.Company), a.Line1!.Trim(), Optional(a.Line2), a.City!.Trim(),
            Optional(a.Province), a.PostalCode!.Trim(), country!, Optional(a.Phone));
    }
}
