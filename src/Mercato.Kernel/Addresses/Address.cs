namespace Mercato.Kernel.Addresses;

/// <summary>
/// A postal address as carts, orders and customers store it. <see cref="CountryCode"/> is ISO 3166-1 alpha-2, upper case.
/// </summary>
public sealed record Address(string FirstName, string LastName, string? Company, string Line1, string? Line2, string City,
    string? Province, string PostalCode, string CountryCode, string? Phone);
