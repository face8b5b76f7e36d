using Mercato.Tax;

namespace Mercato.UnitTests.Tax;

public class TaxMathTests
{
    [Theory]
    [InlineData(1000, 2000, 200)]
    [InlineData(1, 5000, 1)]       // 0.5 rounds away from zero
    [InlineData(1, 4999, 0)]       // 0.4999 rounds down
    [InlineData(25, 2000, 5)]
    [InlineData(1999, 825, 165)]   // 164.9175
    [InlineData(2, 2500, 1)]       // 0.5
    [InlineData(0, 2000, 0)]
    [InlineData(-1, 5000, -1)]     // -0.5 rounds away from zero too
    public void Added_tax_is_rounded_once_half_away_from_zero(long amount, int rate, long expected) =>
        Assert.Equal(expected, TaxMath.Added(amount, rate));

    [Theory]
    [InlineData(1200, 2000, 200)]  // 1200 × 2000 / 12000
    [InlineData(1899, 2000, 317)]  // 316.5 rounds up
    [InlineData(1999, 2000, 333)]  // 333.17
    [InlineData(107, 700, 7)]
    [InlineData(3, 10_000, 2)]     // 1.5 rounds up
    [InlineData(0, 2000, 0)]
    public void Extracted_tax_is_rounded_once_half_away_from_zero(long amount, int rate, long expected) =>
        Assert.Equal(expected, TaxMath.Extracted(amount, rate));

    [Fact]
    public void Large_amounts_use_exact_integer_math()
    {
        const long amount = 100_000_000_000L * 10_000; // a maximal price times the maximal quantity
        Assert.Equal(amount / 5, TaxMath.Added(amount, 2000));
        Assert.Equal(166_666_666_666_667, TaxMath.Extracted(amount, 2000)); // 166 666 666 666 666.67
    }

    [Fact]
    public void A_zero_rate_is_no_tax_both_ways()
    {
        Assert.Equal(0, TaxMath.Tax(123_456, 0, pricesIncludeTax: true));
        Assert.Equal(0, TaxMath.Tax(123_456, 0, pricesIncludeTax: false));
    }
}
