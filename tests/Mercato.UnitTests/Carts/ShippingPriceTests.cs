using Mercato.Shipping.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.UnitTests.Carts;

public class ShippingPriceTests
{
    private static ShippingOption Banded(long? freeAbove = null, bool openEnded = false)
    {
        var option = new ShippingOption("reg_x", "Express", new FakeTimeProvider()) { Pricing = ShippingPricing.WeightBands, FreeAboveSubtotal = freeAbove };
        option.SetBands(openEnded ? [(1000, 500L), (5000, 900L), (null, 1500L)] : [(1000, 500L), (5000, 900L)]);
        return option;
    }

    [Theory]
    [InlineData(0, 500L)]
    [InlineData(1000, 500L)]
    [InlineData(1001, 900L)]
    [InlineData(5000, 900L)]
    [InlineData(5001, null)]
    public void Weight_beyond_the_last_closed_band_does_not_apply(int grams, long? expected) =>
        Assert.Equal(expected, Banded().PriceFor(1000, grams));

    [Fact]
    public void An_open_ended_last_band_takes_any_weight() => Assert.Equal(1500, Banded(openEnded: true).PriceFor(0, 1_000_000));

    [Fact]
    public void Free_once_the_subtotal_reaches_the_threshold()
    {
        var flat = new ShippingOption("reg_x", "Standard", new FakeTimeProvider()) { Pricing = ShippingPricing.Flat, Amount = 490, FreeAboveSubtotal = 5000 };
        Assert.Equal(490, flat.PriceFor(4999, 0));
        Assert.Equal(0, flat.PriceFor(5000, 0));
        Assert.Null(Banded(freeAbove: 10).PriceFor(100, 6000));
    }
}
