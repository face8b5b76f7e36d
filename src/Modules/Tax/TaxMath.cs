namespace Mercato.Tax;

/// <summary>
/// The one rounding rule for tax: computed per amount (a line after its discount, or the shipping charge) in exact integer
/// arithmetic and rounded once to the minor unit, half away from zero. Rates are basis points (2000 = 20 %).
/// </summary>
internal static class TaxMath
{
    public const int MaxRate = 10_000;

    /// <summary>Tax added on top of a price that excludes it: <c>round(amount × rate / 10000)</c>.</summary>
    public static long Added(long amount, int rateBasisPoints) => Divide((Int128)amount * rateBasisPoints, 10_000);

    /// <summary>Tax contained in a price that includes it: <c>round(amount × rate / (10000 + rate))</c>.</summary>
    public static long Extracted(long amount, int rateBasisPoints) => Divide((Int128)amount * rateBasisPoints, 10_000 + rateBasisPoints);

    public static long Tax(long amount, int rateBasisPoints, bool pricesIncludeTax) =>
        pricesIncludeTax ? Extracted(amount, rateBasisPoints) : Added(amount, rateBasisPoints);

    /// <summary>n / d rounded half away from zero (d &gt; 0).</summary>
    public static long Divide(Int128 numerator, Int128 denominator)
    {
        var (quotient, remainder) = Int128.DivRem(numerator, denominator);
        if (Int128.Abs(remainder) * 2 >= denominator) quotient += Int128.Sign(numerator);
        return checked((long)quotient);
    }
}
