namespace Mercato.Api.Tests.Store.Products;

public abstract class GetStoreProductTests(MercatoApp app)
{
    [Fact]
    public async Task The_product_comes_whole_and_priced_in_the_region()
    {
        var (material, capacity, organic, care) = (await app.AttributeAsync("enum", ["linen", "cotton"]), await app.AttributeAsync("number"),
            await app.AttributeAsync("boolean"), await app.AttributeAsync("text"));
        var parent = await app.Given.CategoryAsync();
        var category = await app.Given.CategoryAsync(parentId: parent.Str("id"));
        var collection = await app.Given.CollectionAsync();
        var handle = Given.Unique("linen-shirt");
        var body = Given.ProductBody(handle, usd: 4900, eur: 4500);
        body["title"] = "Linen Shirt";
        body["subtitle"] = "Breathable";
        body["productType"] = "Shirt";
        body["tags"] = new[] { "summer", "linen" };
        body["categoryIds"] = new[] { category.Str("id") };
        body["collectionIds"] = new[] { collection.Str("id") };
        body["media"] = new[] { new { url = "/media/one.svg", alt = "Front" }, new { url = "https://cdn.example.com/two.jpg", alt = "Back" } };
        body["attributes"] = new Dictionary<string, object> { [material] = "linen", [capacity] = 12.5, [organic] = true, [care] = "Wash cold" };
        body["seo"] = new { metaDescription = "A shirt for summer." };
        var created = await app.Given.ProductAsync(body);

        var product = await app.Store.GetJsonAsync($"/store/products/{handle}?region={app.EuRegionId}");

        Assert.Equal(created.Str("id"), product.Str("id"));
        Assert.Equal(handle, product.Str("handle"));
        Assert.Equal("Linen Shirt", product.Str("title"));
        Assert.Equal("Breathable", product.Str("subtitle"));
        Assert.Equal("A **fine** product.", product.Str("description"));
        Assert.Equal("Shirt", product.Str("productType"));
        Assert.Equal(app.EuRegionId, product.Str("regionId"));
        Assert.Equal(4500, product!["price"]!["min"].Long("amount"));
        Assert.Equal(4600, product["price"]!["max"].Long("amount"));
        var options = product.Arr("options").Single();
        Assert.Equal("Size", options.Str("name"));
        Assert.Equal(["S", "M"], options.Arr("values").Select(v => v!.GetValue<string>()));
        var variants = product.Arr("variants");
        Assert.Equal([$"{handle}-S".ToUpperInvariant(), $"{handle}-M".ToUpperInvariant()], variants.Select(v => v.Str("sku")));
        Assert.Equal([4500L, 4600L], variants.Select(v => v!["price"].Long("amount")));
        Assert.All(variants, v => Assert.Equal("EUR", v!["price"].Str("currency")));
        Assert.Equal("M", variants[1]!["options"].Str("Size"));
        Assert.Equal(["/media/one.svg", "https://cdn.example.com/two.jpg"], product.Arr("images").Select(i => i.Str("url")));
        Assert.Equal("Front", product.Arr("images")[0].Str("alt"));
        Assert.Equal(["linen", "summer"], product.Arr("tags").Select(t => t!.GetValue<string>()));
        var categoryRef = product.Arr("categories").Single();
        Assert.Equal(category.Str("id"), categoryRef.Str("id"));
        Assert.Equal(category.Str("handle"), categoryRef.Str("handle"));
        Assert.Equal($"{parent.Str("handle")}/{category.Str("handle")}", categoryRef.Str("path"));
        Assert.Equal(collection.Str("handle"), product.Arr("collections").Single().Str("handle"));
        var attributes = product["attributes"]!;
        Assert.Equal(JsonValueKind.String, attributes[material]!.GetValueKind());
        Assert.Equal("linen", attributes.Str(material));
        Assert.Equal(JsonValueKind.Number, attributes[capacity]!.GetValueKind());
        Assert.Equal(12.5, attributes[capacity]!.GetValue<double>());
        Assert.Equal(JsonValueKind.True, attributes[organic]!.GetValueKind());
        Assert.Equal("Wash cold", attributes.Str(care));
        Assert.Equal("Linen Shirt", product["seo"].Str("metaTitle"));
        Assert.Equal("A shirt for summer.", product["seo"].Str("metaDescription"));
    }

    [Fact]
    public async Task Variants_are_priced_in_the_currency_of_the_region_asked_for()
    {
        var product = await app.Given.ProductAsync(Given.ProductBody(usd: 2500, eur: 2300));
        var handle = product.Str("handle");

        var us = await app.Store.GetJsonAsync($"/store/products/{handle}?region={app.UsRegionId}");
        var eu = await app.Store.GetJsonAsync($"/store/products/{handle}?region={app.EuRegionId}");

        Assert.Equal([(2500L, "USD"), (2600L, "USD")], us.Arr("variants").Select(v => (v!["price"].Long("amount"), v["price"].Str("currency"))));
        Assert.Equal([(2300L, "EUR"), (2400L, "EUR")], eu.Arr("variants").Select(v => (v!["price"].Long("amount"), v["price"].Str("currency"))));
        Assert.Equal("USD", us!["price"]!["min"].Str("currency"));
    }

    [Fact]
    public async Task Categories_hidden_from_the_store_are_left_out_of_the_product()
    {
        var shown = await app.Given.CategoryAsync();
        var inactive = await app.Given.CategoryAsync();
        var hiddenParent = await app.Given.CategoryAsync();
        var underHidden = await app.Given.CategoryAsync(parentId: hiddenParent.Str("id"));
        var product = await app.Given.ProductAsync(b =>
            b["categoryIds"] = new[] { shown.Str("id"), inactive.Str("id"), underHidden.Str("id") });
        foreach (var category in new[] { inactive, hiddenParent })
            await app.Admin.PatchJsonAsync($"/admin/categories/{category.Str("id")}", new { isActive = false });

        var listed = (await app.Store.GetJsonAsync($"/store/products/{product.Str("handle")}")).Arr("categories");

        Assert.Equal([shown.Str("id")], listed.Select(c => c.Str("id")));
    }

    [Fact]
    public async Task An_explicit_meta_title_wins_over_the_title()
    {
        var product = await app.Given.ProductAsync(b => b["seo"] = new { metaTitle = "Buy the shirt", metaDescription = "Cheap" });

        var seo = (await app.Store.GetJsonAsync($"/store/products/{product.Str("handle")}"))["seo"];

        Assert.Equal("Buy the shirt", seo.Str("metaTitle"));
        Assert.Equal("Cheap", seo.Str("metaDescription"));
    }

    [Fact]
    public async Task Metadata_and_external_id_never_reach_the_store()
    {
        var product = await app.Given.ProductAsync(b =>
        {
            b["metadata"] = new { costPrice = 1234, supplier = "secret supplier" };
            b["externalId"] = Given.Unique("erp");
        });
        var admin = await app.Admin.GetJsonAsync($"/admin/products/{product.Str("id")}");
        Assert.Equal(1234, admin["metadata"].Int("costPrice"));

        var response = await app.Store.GetAsync($"/store/products/{product.Str("handle")}");
        var text = await response.Content.ReadAsStringAsync();
        var list = await app.Store.GetAsync($"/store/products?q={product.Str("handle")}");
        var listText = await list.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var json in new[] { text, listText })
        {
            var node = JsonNode.Parse(json);
            Assert.False(StoreTestData.HasPropertyAnywhere(node, "metadata"), json);
            Assert.False(StoreTestData.HasPropertyAnywhere(node, "externalId"), json);
            Assert.DoesNotContain("secret supplier", json, StringComparison.Ordinal);
            Assert.DoesNotContain(product.Str("externalId"), json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_draft_or_archived_product_is_404_not_found()
    {
        var draft = await app.Given.ProductAsync(Given.ProductBody(status: "draft"));
        var archived = await app.Given.ProductAsync(Given.ProductBody(status: "archived"));

        await (await app.Store.GetAsync($"/store/products/{draft.Str("handle")}")).ShouldBeProblemAsync(404, "not_found");
        await (await app.Store.GetAsync($"/store/products/{archived.Str("handle")}")).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task A_product_of_another_channel_is_404_for_this_key_and_found_with_that_channels_key()
    {
        var (otherChannelId, otherStore) = await app.Given.ChannelAsync();
        var product = await app.Given.ProductAsync(b => b["salesChannelIds"] = new[] { otherChannelId });

        await (await app.Store.GetAsync($"/store/products/{product.Str("handle")}")).ShouldBeProblemAsync(404, "not_found");
        Assert.Equal(product.Str("id"), (await otherStore.GetJsonAsync($"/store/products/{product.Str("handle")}")).Str("id"));
    }

    [Fact]
    public async Task An_unknown_handle_is_404_not_found()
    {
        var response = await app.Store.GetAsync($"/store/products/{Given.Unique("nothing")}");

        await response.ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task An_unknown_region_is_400_region_not_found()
    {
        var product = await app.Given.ProductAsync();

        var response = await app.Store.GetAsync($"/store/products/{product.Str("handle")}?region=reg_nope");

        await response.ShouldBeProblemAsync(400, "region_not_found");
    }
}

public sealed class GetStoreProductOnSqlite(SqliteApp app) : GetStoreProductTests(app), IClassFixture<SqliteApp>;

public sealed class GetStoreProductOnPostgres(PostgresApp app) : GetStoreProductTests(app), IClassFixture<PostgresApp>;
