namespace Mercato.Inventory.Levels;

/// <summary>SKUs are stored as Catalog stores them (trimmed, upper case), so a level pushed before the product exists still matches it.</summary>
internal static class Skus
{
    public const int MaxLength = 64;

    public static string Normalize(string sku) => sku.Trim().ToUpperInvariant();
}

internal static class Reservations
{
    public const int MaxHolderId = 64;
}

internal static class Adjustments
{
    public const int MaxReason = 200;

    /// <summary>The largest on-hand quantity a level may have; keeps every sum far from int overflow.</summary>
    public const int MaxOnHand = 1_000_000_000;
}
