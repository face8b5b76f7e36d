using Mercato.Kernel.Addresses;
using Mercato.Kernel.Validation;

namespace Mercato.Customers.Addresses;

/// <summary>The address fields as a request carries them; on a change, absent fields keep their value and "" clears an optional one.</summary>
internal sealed record AddressFields(string? FirstName, string? LastName, string? Company, string? Line1, string? Line2, string? City,
    string? Province, string? PostalCode, string? CountryCode, string? Phone)
{
    public AddressFields Over(Address a) => new(FirstName ?? a.FirstName, LastName ?? a.LastName, Company ?? a.Company, Line1 ?? a.Line1,
        Line2 ?? a.Line2, City ?? a.City, Province ?? a.Province, PostalCode ?? a.PostalCode, CountryCode ?? a.CountryCode, Phone ?? a.Phone);
}

/// <summary>The same field rules as a cart's addresses; countryCode is two letters (ISO 3166-1 alpha-2), stored upper case.</summary>
internal static class AddressRules
{
    public const int NameLength = 100;
    public const int LineLength = 200;
    public const int PostalCodeLength = 20;
    public const int PhoneLength = 40;

    public static Address? Validate(Validator v, AddressFields a)
    {
        v.Required("firstName", a.FirstName, NameLength).Required("lastName", a.LastName, NameLength)
            .MaxLength("company", a.Company, LineLength).Required("line1", a.Line1, LineLength).MaxLength("line2", a.Line2, LineLength)
            .Required("city", a.City, NameLength).MaxLength("province", a.Province, NameLength)
            .Required("postalCode", a.PostalCode, PostalCodeLength).MaxLength("phone", a.Phone, PhoneLength);
        var country = a.CountryCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(country)) v.Add("countryCode", "Required.");
        else if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)) v.Add("countryCode", "An ISO 3166-1 alpha-2 code (e.g. DE).");
        if (!v.IsValid) return null;
        return new Address(a.FirstName!.Trim(), a.LastName!.Trim(), Optional(a.Company), a.Line1!.Trim(), Optional(a.Line2), a.City!.Trim(),
            Optional(a.Province), a.PostalCode!.Trim(), country!, Optional(a.Phone));
    }

    private static string? Optional(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
