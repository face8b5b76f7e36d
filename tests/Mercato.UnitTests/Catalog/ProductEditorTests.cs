using Mercato.Catalog.Products;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.UnitTests.Catalog;

public class ProductEditorTests
{
    private static readonly FakeTimeProvider Clock = new() { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    [Theory]
    [InlineData("Linen Shirt", "linen-shirt")]
    [InlineData("  Crème Brûlée Mug (Large) ", "creme-brulee-mug-large")]
    [InlineData("A -- B", "a-b")]
    [InlineData("!!!", "product")]
    public void Slugify_makes_lowercase_hyphenated_handles(string title, string handle) =>
        Assert.Equal(handle, ProductEditor.Slugify(title));

    private static Dictionary<string, string> Options(string size, string color, string colorKey = "Color") =>
        new() { ["Size"] = size, [colorKey] = color };

    private static Product ProductWith(params Dictionary<string, string>[] variants)
    {
        var product = new Product("T-shirt", "t-shirt", Clock);
        ProductEditor.ApplyOptions(product, [new OptionRequest("Size", ["S", "M"]), new OptionRequest("Color", ["Red", "Blue"])], Clock);
        var i = 0;
        foreach (var options in variants)
            product.Variants.Add(ProductEditor.NewVariant(product, new VariantRequest($"SKU-{i++}", null, null, options, null, null, null, null), Clock));
        return product;
    }

    [Fact]
    public void Variants_with_one_allowed_value_per_option_pass()
    {
        var product = ProductWith(Options("S", "Red"), Options("M", "blue", colorKey: "color"));
        Assert.Null(ProductEditor.CheckVariantOptions(product));
    }

    [Fact]
    public void A_value_outside_the_option_is_refused()
    {
        var error = ProductEditor.CheckVariantOptions(ProductWith(Options("XL", "Red")));
        Assert.Equal("validation_failed", error?.Code);
    }

    [Fact]
    public void A_missing_option_is_refused()
    {
        var error = ProductEditor.CheckVariantOptions(ProductWith(new Dictionary<string, string> { ["Size"] = "S" }));
        Assert.Contains(error!.Fields!.Values.SelectMany(v => v), m => m.Contains("Color", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_variants_with_the_same_combination_are_refused()
    {
        var error = ProductEditor.CheckVariantOptions(ProductWith(Options("S", "Red"), Options("s", "red")));
        Assert.NotNull(error);
    }

    [Fact]
    public void Price_summaries_follow_the_variants()
    {
        var product = new Product("Mug", "mug", Clock);
        product.Variants.Add(ProductEditor.NewVariant(product, new VariantRequest("MUG-1", null, null, null, null, null, null,
            [new PriceRequest(1500, "USD"), new PriceRequest(1400, "EUR")]), Clock));
        product.Variants.Add(ProductEditor.NewVariant(product, new VariantRequest("MUG-2", null, null, null, null, null, null,
            [new PriceRequest(2500, "usd")]), Clock));
        product.Touch(Clock.GetUtcNow());

        var usd = product.PriceSummaries.Single(s => s.CurrencyCode == "USD");
        Assert.Equal((1500, 2500), (usd.MinAmount, usd.MaxAmount));
        Assert.Equal(1400, product.PriceSummaries.Single(s => s.CurrencyCode == "EUR").MaxAmount);

        product.Variants.RemoveAt(0);
        product.Touch(Clock.GetUtcNow());
        Assert.DoesNotContain(product.PriceSummaries, s => s.CurrencyCode == "EUR");
    }
}
