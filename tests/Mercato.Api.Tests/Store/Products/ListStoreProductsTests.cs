namespace Mercato.Api.Tests.Store.Products;

public abstract class ListStoreProductsTests(MercatoApp app)
{
    [Fact]
    public async Task Only_published_products_of_the_keys_sales_channel_are_listed()
    {
        var tag = Given.Unique("vis");
        var (otherChannelId, otherStore) = await app.Given.ChannelAsync();
        var published = await app.TaggedProductAsync(tag);
        await app.TaggedProductAsync(tag, change: b => b["status"] = "draft");
        await app.TaggedProductAsync(tag, change: b => b["status"] = "archived");
        var elsewhere = await app.TaggedProductAsync(tag, change: b => b["salesChannelIds"] = new[] { otherChannelId });
        var everywhere = await app.TaggedProductAsync(tag, change: b => b["salesChannelIds"] = new[] { app.ChannelId, otherChannelId });

        Assert.Equal([everywhere.Str("handle"), published.Str("handle")], await app.Store.ListHandlesAsync($"tag={tag}"));
        Assert.Equal([everywhere.Str("handle"), elsewhere.Str("handle")], await otherStore.ListHandlesAsync($"tag={tag}"));
    }

    [Fact]
    public async Task A_product_disappears_from_the_list_when_it_goes_back_to_draft()
    {
        var tag = Given.Unique("unpublish");
        var product = await app.TaggedProductAsync(tag);
        Assert.Equal([product.Str("handle")], await app.Store.ListHandlesAsync($"tag={tag}"));

        await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}", new { status = "draft" });

        Assert.Empty(await app.Store.ListHandlesAsync($"tag={tag}"));
    }

    [Fact]
    public async Task Category_filter_by_id_or_handle_includes_descendants_at_any_depth()
    {
        var root = await app.Given.CategoryAsync();
        var child = await app.Given.CategoryAsync(parentId: root.Str("id"));
        var grandchild = await app.Given.CategoryAsync(parentId: child.Str("id"));
        var unrelated = await app.Given.CategoryAsync();
        var tag = Given.Unique("cat");
        var inRoot = await InCategoryAsync(tag, root);
        var inChild = await InCategoryAsync(tag, child);
        var inGrandchild = await InCategoryAsync(tag, grandchild);
        await InCategoryAsync(tag, unrelated);
        await app.TaggedProductAsync(tag);

        Assert.Equal([inGrandchild, inChild, inRoot], await app.Store.ListHandlesAsync($"category={root.Str("id")}"));
        Assert.Equal([inGrandchild, inChild, inRoot], await app.Store.ListHandlesAsync($"category={root.Str("handle")}"));
        Assert.Equal([inGrandchild, inChild], await app.Store.ListHandlesAsync($"category={child.Str("handle")}"));
        Assert.Equal([inGrandchild], await app.Store.ListHandlesAsync($"category={grandchild.Str("id")}"));
    }

    [Fact]
    public async Task An_inactive_or_unknown_category_filter_is_400()
    {
        var category = await app.Given.CategoryAsync();
        await InCategoryAsync(Given.Unique("cat"), category);
        await app.Admin.PatchJsonAsync($"/admin/categories/{category.Str("id")}", new { isActive = false });

        await (await app.Store.GetAsync($"/store/products?category={category.Str("id")}")).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Store.GetAsync($"/store/products?category={category.Str("handle")}")).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Store.GetAsync($"/store/products?category={Given.Unique("nope")}")).ShouldBeProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task A_category_under_an_inactive_one_is_hidden_so_it_is_no_filter_either()
    {
        var root = await app.Given.CategoryAsync();
        var child = await app.Given.CategoryAsync(parentId: root.Str("id"));
        var grandchild = await app.Given.CategoryAsync(parentId: child.Str("id"));
        await InCategoryAsync(Given.Unique("cat"), grandchild);
        await app.Admin.PatchJsonAsync($"/admin/categories/{root.Str("id")}", new { isActive = false });

        await (await app.Store.GetAsync($"/store/products?category={child.Str("id")}")).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Store.GetAsync($"/store/products?category={grandchild.Str("handle")}")).ShouldBeProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task Collection_filter_takes_an_id_or_a_handle()
    {
        var collection = await app.Given.CollectionAsync();
        var tag = Given.Unique("col");
        var member = await app.TaggedProductAsync(tag, change: b => b["collectionIds"] = new[] { collection.Str("id") });
        await app.TaggedProductAsync(tag);

        Assert.Equal([member.Str("handle")], await app.Store.ListHandlesAsync($"collection={collection.Str("id")}"));
        Assert.Equal([member.Str("handle")], await app.Store.ListHandlesAsync($"collection={collection.Str("handle")}&tag={tag}"));
        await (await app.Store.GetAsync($"/store/products?collection={Given.Unique("nope")}")).ShouldBeProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task Repeated_tags_must_all_match_and_compare_case_insensitively()
    {
        var (red, linen) = (Given.Unique("red"), Given.Unique("linen"));
        var both = await app.TaggedProductAsync(red, change: b => b["tags"] = new[] { red, linen });
        var onlyRed = await app.TaggedProductAsync(red);
        await app.TaggedProductAsync(linen);

        Assert.Equal([both.Str("handle")], await app.Store.ListHandlesAsync($"tag={red}&tag={linen}"));
        Assert.Equal([onlyRed.Str("handle"), both.Str("handle")], await app.Store.ListHandlesAsync($"tag={red.ToUpperInvariant()}"));
    }

    [Fact]
    public async Task Option_filter_matches_a_variants_option_value_case_insensitively()
    {
        var tag = Given.Unique("opt");
        var small = await app.TaggedProductAsync(tag, change: b => Replace(b, Given.ProductBody(sizes: ["S", "M"])));
        var large = await app.TaggedProductAsync(tag, change: b => Replace(b, Given.ProductBody(sizes: ["L", "XL"])));

        Assert.Equal([small.Str("handle")], await app.Store.ListHandlesAsync($"tag={tag}&option=Size:M"));
        Assert.Equal([small.Str("handle")], await app.Store.ListHandlesAsync($"tag={tag}&option=size:m"));
        Assert.Equal([large.Str("handle")], await app.Store.ListHandlesAsync($"tag={tag}&option=SIZE:xl"));
        Assert.Empty(await app.Store.ListHandlesAsync($"tag={tag}&option=Size:M&option=Size:XL"));
        Assert.Empty(await app.Store.ListHandlesAsync($"tag={tag}&option=Color:M"));
        await (await app.Store.GetAsync($"/store/products?option=Size")).ShouldBeProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task Attribute_filter_matches_the_typed_value()
    {
        var material = await app.AttributeAsync("enum", ["linen", "cotton"]);
        var capacity = await app.AttributeAsync("number");
        var tag = Given.Unique("attr");
        var linen = await app.TaggedProductAsync(tag, change: b => b["attributes"] = new Dictionary<string, object> { [material] = "linen", [capacity] = 350 });
        var cotton = await app.TaggedProductAsync(tag, change: b => b["attributes"] = new Dictionary<string, object> { [material] = "cotton" });
        await app.TaggedProductAsync(tag);

        Assert.Equal([linen.Str("handle")], await app.Store.ListHandlesAsync($"attribute={material}:linen"));
        Assert.Equal([cotton.Str("handle")], await app.Store.ListHandlesAsync($"attribute={material}:cotton"));
        Assert.Equal([linen.Str("handle")], await app.Store.ListHandlesAsync($"attribute={capacity}:350&attribute={material}:linen"));
        Assert.Empty(await app.Store.ListHandlesAsync($"attribute={capacity}:350&attribute={material}:cotton"));
        Assert.Empty(await app.Store.ListHandlesAsync($"attribute={material}:wool"));
    }

    [Fact]
    public async Task Attribute_filter_values_match_by_type_not_by_spelling()
    {
        var material = await app.AttributeAsync("enum", ["linen", "cotton"]);
        var capacity = await app.AttributeAsync("number");
        var organic = await app.AttributeAsync("boolean");
        var tag = Given.Unique("attr-typed");
        var product = await app.TaggedProductAsync(tag, change: b =>
            b["attributes"] = new Dictionary<string, object> { [material] = "linen", [capacity] = 350, [organic] = true });
        await app.TaggedProductAsync(tag);

        Assert.Equal([product.Str("handle")], await app.Store.ListHandlesAsync($"tag={tag}&attribute={material}:Linen"));
        Assert.Equal([product.Str("handle")], await app.Store.ListHandlesAsync($"tag={tag}&attribute={capacity}:350.0"));
        Assert.Equal([product.Str("handle")], await app.Store.ListHandlesAsync($"tag={tag}&attribute={organic}:TRUE"));
        Assert.Empty(await app.Store.ListHandlesAsync($"tag={tag}&attribute={organic}:false"));
        Assert.Empty(await app.Store.ListHandlesAsync($"tag={tag}&attribute={capacity}:350.5"));
    }

    [Fact]
    public async Task Price_filters_match_any_variant_in_the_regions_currency()
    {
        var tag = Given.Unique("price");
        // Variants are priced base and base + 100.
        var cheapInUsd = (await app.TaggedProductAsync(tag, usd: 1000, eur: 5000)).Str("handle");
        var cheapInEur = (await app.TaggedProductAsync(tag, usd: 2000, eur: 900)).Str("handle");
        var (us, eu) = (app.UsRegionId, app.EuRegionId);

        Assert.Equal([cheapInUsd], await app.Store.ListHandlesAsync($"tag={tag}&region={us}&minPrice=1050&maxPrice=1150"));
        Assert.Equal([cheapInUsd], await app.Store.ListHandlesAsync($"tag={tag}&region={us}&maxPrice=1000"));
        Assert.Equal([cheapInEur], await app.Store.ListHandlesAsync($"tag={tag}&region={us}&minPrice=2100"));
        Assert.Equal([cheapInEur], await app.Store.ListHandlesAsync($"tag={tag}&region={eu}&maxPrice=1000"));
        Assert.Equal([cheapInUsd], await app.Store.ListHandlesAsync($"tag={tag}&region={eu}&minPrice=5100"));
        Assert.Equal([cheapInEur, cheapInUsd], await app.Store.ListHandlesAsync($"tag={tag}&region={eu}&minPrice=900&maxPrice=5100"));
        Assert.Empty(await app.Store.ListHandlesAsync($"tag={tag}&region={us}&minPrice=1101&maxPrice=1999"));
        await (await app.Store.GetAsync("/store/products?minPrice=-1")).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Store.GetAsync("/store/products?maxPrice=lots")).ShouldBeProblemAsync(400, "malformed_request");
    }

    [Fact]
    public async Task Search_matches_title_words_tags_and_sku_parts()
    {
        var word = Guid.NewGuid().ToString("N")[..10];
        var tag = Given.Unique("q");
        var byTitle = await app.TaggedProductAsync(tag, title: $"Weathered Zephyr{word} Jacket");
        var byTag = await app.TaggedProductAsync(tag, change: b => b["tags"] = new[] { tag, "kw" + word });
        var bySku = await app.TaggedProductAsync(tag, change: b => b["variants"] = new[] { StoreTestData.Variant($"SKU{word}-X", "S", ("USD", 1000)) });

        Assert.Equal([byTitle.Str("handle")], await app.Store.ListHandlesAsync($"q=ZEPHYR{word}%20jac"));
        Assert.Equal([byTag.Str("handle")], await app.Store.ListHandlesAsync($"q=KW{word}"));
        Assert.Equal([bySku.Str("handle")], await app.Store.ListHandlesAsync($"q=sku{word}-x"));
        Assert.Equal([bySku.Str("handle")], await app.Store.ListHandlesAsync($"q=sku{word}x"));
        Assert.Empty(await app.Store.ListHandlesAsync($"q=sku{word}-y"));
        Assert.Empty(await app.Store.ListHandlesAsync($"tag={tag}&q=%25"));
        Assert.Empty(await app.Store.ListHandlesAsync($"tag={tag}&q=_"));
    }

    [Fact]
    public async Task Each_sort_gives_its_exact_order()
    {
        var tag = Given.Unique("sort");
        var cherry = (await app.TaggedProductAsync(tag, "Cherry", usd: 3000, eur: 100)).Str("handle");
        var apple = (await app.TaggedProductAsync(tag, "apple", usd: 1000, eur: 400)).Str("handle");
        var banana = (await app.TaggedProductAsync(tag, "Banana", usd: 4000, eur: 300)).Str("handle");
        var date = (await app.TaggedProductAsync(tag, "date", usd: 2000, eur: 200)).Str("handle");
        var us = $"tag={tag}&region={app.UsRegionId}";

        Assert.Equal([date, banana, apple, cherry], await app.Store.ListHandlesAsync(us));
        Assert.Equal([date, banana, apple, cherry], await app.Store.ListHandlesAsync(us + "&sort=newest"));
        Assert.Equal([apple, date, cherry, banana], await app.Store.ListHandlesAsync(us + "&sort=price_asc"));
        Assert.Equal([banana, cherry, date, apple], await app.Store.ListHandlesAsync(us + "&sort=price_desc"));
        Assert.Equal([apple, banana, cherry, date], await app.Store.ListHandlesAsync(us + "&sort=title"));
        Assert.Equal([cherry, date, banana, apple], await app.Store.ListHandlesAsync($"tag={tag}&region={app.EuRegionId}&sort=price_asc"));
        await (await app.Store.GetAsync($"/store/products?sort=cheapest")).ShouldBeProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task Prices_are_given_in_the_requested_regions_currency()
    {
        var tag = Given.Unique("region");
        var product = await app.TaggedProductAsync(tag, usd: 2500, eur: 2300);

        var us = (await app.Store.GetJsonAsync($"/store/products?tag={tag}&region={app.UsRegionId}")).Arr("items").Single();
        var eu = (await app.Store.GetJsonAsync($"/store/products?tag={tag}&region={app.EuRegionId}")).Arr("items").Single();

        Assert.Equal(product.Str("id"), us.Str("id"));
        Assert.Equal(product.Str("title"), us.Str("title"));
        Assert.Equal((2500, "USD"), Money(us!["price"]!["min"]));
        Assert.Equal((2600, "USD"), Money(us["price"]!["max"]));
        Assert.Equal((2300, "EUR"), Money(eu!["price"]!["min"]));
        Assert.Equal((2400, "EUR"), Money(eu["price"]!["max"]));
    }

    [Fact]
    public async Task A_product_without_a_price_in_the_regions_currency_is_not_listed()
    {
        var tag = Given.Unique("usd-only");
        var usdOnly = await app.TaggedProductAsync(tag, change: b => b["variants"] = new[] { StoreTestData.Variant(Given.Unique("SKU"), "S", ("USD", 1500)) });

        Assert.Equal([usdOnly.Str("handle")], await app.Store.ListHandlesAsync($"tag={tag}&region={app.UsRegionId}"));
        Assert.Empty(await app.Store.ListHandlesAsync($"tag={tag}&region={app.EuRegionId}"));
    }

    [Fact]
    public async Task A_variant_price_change_moves_the_product_in_price_filters_and_sorts()
    {
        var tag = Given.Unique("reprice");
        var first = await app.TaggedProductAsync(tag, usd: 1000);
        var second = await app.TaggedProductAsync(tag, usd: 2000);
        var variants = first.Arr("variants");
        var query = $"tag={tag}&region={app.UsRegionId}";
        Assert.Equal([first.Str("handle"), second.Str("handle")], await app.Store.ListHandlesAsync(query + "&sort=price_asc"));

        foreach (var variant in variants)
        {
            await app.Admin.PatchJsonAsync($"/admin/products/{first.Str("id")}/variants/{variant.Str("id")}",
                new { prices = new[] { new { amount = 3000, currency = "USD" }, new { amount = 1899, currency = "EUR" } } });
        }

        Assert.Equal([second.Str("handle"), first.Str("handle")], await app.Store.ListHandlesAsync(query + "&sort=price_asc"));
        Assert.Equal([first.Str("handle")], await app.Store.ListHandlesAsync(query + "&minPrice=3000"));
        Assert.Empty(await app.Store.ListHandlesAsync(query + "&maxPrice=1100"));
        var item = (await app.Store.GetJsonAsync($"/store/products?{query}&minPrice=3000")).Arr("items").Single();
        Assert.Equal(3000, item!["price"]!["min"].Long("amount"));
        Assert.Equal(3000, item["price"]!["max"].Long("amount"));
    }

    [Fact]
    public async Task Dropping_the_last_price_in_a_currency_takes_the_product_off_that_regions_list()
    {
        var tag = Given.Unique("drop-eur");
        var product = await app.TaggedProductAsync(tag, change: b => b["variants"] = new[] { StoreTestData.Variant(Given.Unique("SKU"), "S", ("USD", 1500), ("EUR", 1400)) });
        Assert.Single(await app.Store.ListHandlesAsync($"tag={tag}&region={app.EuRegionId}"));

        await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}/variants/{product.Arr("variants")[0].Str("id")}",
            new { prices = new[] { new { amount = 1500, currency = "USD" } } });

        Assert.Empty(await app.Store.ListHandlesAsync($"tag={tag}&region={app.EuRegionId}"));
        Assert.Single(await app.Store.ListHandlesAsync($"tag={tag}&region={app.UsRegionId}"));
    }

    [Fact]
    public async Task An_unknown_region_is_400_region_not_found()
    {
        var response = await app.Store.GetAsync("/store/products?region=reg_01JUNKNOWNREGION0000000000");

        await response.ShouldBeProblemAsync(400, "region_not_found");
    }

    private async Task<string> InCategoryAsync(string tag, JsonNode category) =>
        (await app.TaggedProductAsync(tag, change: b => b["categoryIds"] = new[] { category.Str("id") })).Str("handle");

    /// <summary>Takes the options and variants of <paramref name="source"/> (a body with other sizes) into <paramref name="body"/>.</summary>
    private static void Replace(Dictionary<string, object?> body, Dictionary<string, object?> source)
    {
        body["options"] = source["options"];
        body["variants"] = source["variants"];
    }

    private static (long, string) Money(JsonNode? money) => (money.Long("amount"), money.Str("currency"));
}

public sealed class ListStoreProductsOnSqlite(SqliteApp app) : ListStoreProductsTests(app), IClassFixture<SqliteApp>;

public sealed class ListStoreProductsOnPostgres(PostgresApp app) : ListStoreProductsTests(app), IClassFixture<PostgresApp>;
