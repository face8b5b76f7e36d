namespace Mercato.Tax.Contracts;

/// <summary>One taxable amount: a cart line after its discount, or the shipping charge, in the region's price basis.</summary>
public sealed record TaxableAmount(string Key, string? TaxClassId, long Amount);

/// <summary>
/// What to tax. <see cref="PricesIncludeTax"/> says whether amounts already contain tax (the tax is then extracted, not added).
/// <see cref="CountryCode"/> is the shipping address's country when known.
/// </summary>
public sealed record TaxRequest(string RegionId, string CurrencyCode, bool PricesIncludeTax, string? CountryCode,
    IReadOnlyList<TaxableAmount> Lines, TaxableAmount? Shipping);

/// <summary>The tax on one amount, already rounded to the currency's minor unit.</summary>
public sealed record TaxLine(string Key, int RateBasisPoints, long Tax);

public sealed record TaxResult(IReadOnlyList<TaxLine> Lines, TaxLine? Shipping);

/// <summary>
/// Computes tax for a cart. The built-in calculator uses region rates and tax classes; an external tax service can replace it
/// by registering another implementation.
/// </summary>
public interface ITaxCalculator
{
    Task<TaxResult> CalculateAsync(TaxRequest request, CancellationToken ct);
}
