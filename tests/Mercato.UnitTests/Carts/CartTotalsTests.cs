using Mercato.Carts;
using Mercato.Tax;

namespace Mercato.UnitTests.Carts;

public class CartTotalsTests
{
    [Fact]
    public void Exclusive_prices_add_tax_to_the_sums()
    {
        var lines = new[] { new CartTotals.Line(2000, 0, TaxMath.Added(2000, 825)), new CartTotals.Line(999, 0, TaxMath.Added(999, 825)) };

        var totals = CartTotals.Compute(lines, 500, TaxMath.Added(500, 825), pricesIncludeTax: false);

        Assert.Equal(new CartTotals.Result(2999, 0, 500, 165 + 82 + 41, 2999 + 500 + 288), totals);
    }

    [Fact]
    public void Inclusive_prices_show_subtotal_and_shipping_net_of_the_extracted_tax_and_the_total_is_what_is_charged()
    {
        var lines = new[] { new CartTotals.Line(1200, 0, 200), new CartTotals.Line(600, 0, 100) };

        var totals = CartTotals.Compute(lines, 600, 100, pricesIncludeTax: true);

        Assert.Equal(new CartTotals.Result(1500, 0, 500, 400, 2400), totals);
        Assert.Equal(1200, CartTotals.LineTotal(1200, 0, 200, pricesIncludeTax: true));
        Assert.Equal(1400, CartTotals.LineTotal(1200, 0, 200, pricesIncludeTax: false));
    }

    /// <summary>Property-style: many random carts, each checked for the identity and for no negative figure.</summary>
    [Fact]
    public void Random_carts_always_add_up_and_never_go_negative()
    {
        var random = new Random(20261125);
        for (var run = 0; run < 5_000; run++)
        {
            var inclusive = random.Next(2) == 0;
            var lines = new List<CartTotals.Line>();
            var expectedCharged = 0L;
            for (var i = random.Next(0, 12); i > 0; i--)
            {
                var unit = random.Next(4) == 0 ? random.NextInt64(0, 100_000_000_000) : random.NextInt64(0, 100_000);
                var quantity = random.Next(1, 10_001);
                var subtotal = unit * quantity;
                var discount = CartTotals.ClampDiscount(subtotal, random.NextInt64(-1_000, subtotal + 1_000));
                var rate = random.Next(0, 10_001);
                var tax = TaxMath.Tax(subtotal - discount, rate, inclusive);
                lines.Add(new CartTotals.Line(subtotal, discount, tax));
                var lineTotal = CartTotals.LineTotal(subtotal, discount, tax, inclusive);
                Assert.True(lineTotal >= 0 && tax >= 0 && tax <= (inclusive ? subtotal - discount : long.MaxValue));
                expectedCharged += lineTotal;
            }
            var shipping = random.Next(3) == 0 ? 0 : random.NextInt64(0, 10_000);
            var shippingTax = TaxMath.Tax(shipping, random.Next(0, 10_001), inclusive);
            expectedCharged += inclusive ? shipping : shipping + shippingTax;

            var t = CartTotals.Compute(lines, shipping, shippingTax, inclusive);

            Assert.Equal(t.Total, t.Subtotal - t.Discount + t.Shipping + t.Tax);
            Assert.Equal(expectedCharged, t.Total);
            Assert.True(t.Subtotal >= 0 && t.Discount >= 0 && t.Shipping >= 0 && t.Tax >= 0 && t.Total >= 0, $"Negative figure in run {run}: {t}");
            Assert.True(t.Subtotal - t.Discount >= 0);
        }
    }
}
