using Mercato.Catalog.Products;
using Mercato.Inventory.Contracts;
using Mercato.Inventory.Levels;

namespace Mercato.UnitTests.Inventory;

public class StockStatusTests
{
    [Theory]
    [InlineData(-2, StockStatus.OutOfStock)]
    [InlineData(0, StockStatus.OutOfStock)]
    [InlineData(1, StockStatus.LowStock)]
    [InlineData(5, StockStatus.LowStock)]
    [InlineData(6, StockStatus.InStock)]
    public void Availability_reads_as_a_state_around_the_low_stock_threshold(int available, StockStatus status) =>
        Assert.Equal(status, StockAvailability.StatusOf(available, lowStockThreshold: 5));

    [Theory]
    [InlineData(" ls-m-wht ")]
    [InlineData("Ab-12\t")]
    [InlineData("straße-1")]
    public void Inventory_normalizes_skus_exactly_as_the_catalog_does(string sku) =>
        Assert.Equal(ProductEditor.NormalizeSku(sku), Skus.Normalize(sku));
}
