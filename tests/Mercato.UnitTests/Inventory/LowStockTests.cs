using Mercato.Inventory.Levels;

namespace Mercato.UnitTests.Inventory;

public class LowStockTests
{
    [Theory]
    [InlineData(6, 5, true)]
    [InlineData(10, 0, true)]
    [InlineData(6, -3, true)]
    [InlineData(6, 6, false)]
    [InlineData(5, 4, false)]
    [InlineData(5, 5, false)]
    [InlineData(3, 8, false)]
    [InlineData(4, 6, false)]
    public void Low_stock_is_reported_only_when_available_stock_falls_from_above_the_threshold_to_at_or_below_it(int before, int after,
        bool crossed) =>
        Assert.Equal(crossed, LowStock.Crossed(before, after, threshold: 5));
}
