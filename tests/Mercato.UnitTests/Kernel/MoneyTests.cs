using Mercato.Kernel.Money;

namespace Mercato.UnitTests.Kernel;

public class MoneyTests
{
    private static readonly Currency Usd = Currency.Of("USD");

    [Theory]
    [InlineData(100, new long[] { 1, 1, 1 }, new long[] { 34, 33, 33 })]
    [InlineData(-100, new long[] { 1, 1, 1 }, new long[] { -34, -33, -33 })]
    [InlineData(1000, new long[] { 3, 1 }, new long[] { 750, 250 })]
    [InlineData(1, new long[] { 1, 1, 1, 1 }, new long[] { 1, 0, 0, 0 })]
    [InlineData(999_999_999_999, new long[] { 999_999_999_999, 1 }, new long[] { 999_999_999_999, 0 })]
    public void Allocation_parts_always_sum_to_the_whole(long amount, long[] weights, long[] expected)
    {
        var parts = new Money(amount, Usd).Allocate(weights);
        Assert.Equal(expected, parts.Select(p => p.Amount));
        Assert.Equal(amount, parts.Sum(p => p.Amount));
    }

    [Fact]
    public void Adding_different_currencies_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new Money(1, Usd) + new Money(1, Currency.Of("EUR")));
    }

    [Fact]
    public void Multiplying_past_long_range_throws_instead_of_wrapping()
    {
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue / 2, Usd).Times(3));
    }

    [Theory]
    [InlineData("usd", "USD", 2)]
    [InlineData("JPY", "JPY", 0)]
    [InlineData("KWD", "KWD", 3)]
    public void Currencies_parse_case_insensitively_with_their_minor_digits(string code, string expected, int digits)
    {
        Assert.True(Currency.TryParse(code, out var currency));
        Assert.Equal(expected, currency.Value.Code);
        Assert.Equal(digits, currency.Value.Digits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("US")]
    [InlineData("XXX")]
    [InlineData("DOLLARS")]
    public void Unknown_currencies_are_rejected(string? code) => Assert.False(Currency.TryParse(code, out _));
}
