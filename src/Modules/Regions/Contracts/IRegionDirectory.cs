namespace Mercato.Regions.Contracts;

/// <summary>A region as other modules see it.</summary>
public sealed record RegionSummary(string Id, string CurrencyCode, int TaxRateBasisPoints, bool PricesIncludeTax)
{
    /// <summary>The ISO 3166-1 alpha-2 codes (upper case) of the countries the region serves.</summary>
    public IReadOnlyList<string> CountryCodes { get; init; } = [];
}

/// <summary>What other modules may ask about regions.</summary>
public interface IRegionDirectory
{
    Task<RegionSummary?> FindAsync(string regionId, CancellationToken ct);

    /// <summary>The region used when a store request names none: the oldest region.</summary>
    Task<RegionSummary?> DefaultAsync(CancellationToken ct);

    /// <summary>Every region, oldest first (a shop has a handful).</summary>
    Task<IReadOnlyList<RegionSummary>> ListAsync(CancellationToken ct);
}
