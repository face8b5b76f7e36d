namespace Mercato.Api.Tests.Admin.Products;

/// <summary>Attribute values on products, checked against their definitions under /admin/attributes.</summary>
public abstract class ProductAttributesTests(MercatoApp app)
{
    [Fact]
    public async Task Values_of_every_type_are_stored_and_answered_as_typed_json()
    {
        var text = await app.AttributeAsync("text");
        var number = await app.AttributeAsync("number");
        var boolean = await app.AttributeAsync("boolean");
        var choice = await app.AttributeAsync("enum", ["cotton", "linen"]);

        var product = await app.Given.ProductAsync(b => b["attributes"] = new Dictionary<string, object>
        {
            [text.Str("key")] = "Hand wash", [number.Str("key")] = 0.75, [boolean.Str("key")] = false, [choice.Str("key")] = "linen",
        });

        var attributes = product["attributes"]!;
        Assert.Equal("Hand wash", attributes[text.Str("key")]!.GetValue<string>());
        Assert.Equal(0.75, attributes[number.Str("key")]!.GetValue<double>());
        Assert.Equal(JsonValueKind.False, attributes[boolean.Str("key")]!.GetValueKind());
        Assert.Equal("linen", attributes[choice.Str("key")]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(attributes, (await app.Admin.GetJsonAsync($"/admin/products/{product.Str("id")}"))["attributes"]));
    }

    [Fact]
    public async Task A_patch_with_attributes_replaces_them_all()
    {
        var first = await app.AttributeAsync("text");
        var second = await app.AttributeAsync("number");
        var product = await app.Given.ProductAsync(b => b["attributes"] = new Dictionary<string, object> { [first.Str("key")] = "x" });

        var updated = await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}",
            new { attributes = new Dictionary<string, object> { [second.Str("key")] = 42 } });
        var untouched = await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}", new { title = "No attribute change" });

        Assert.Equal([second.Str("key")], updated["attributes"]!.AsObject().Select(a => a.Key));
        Assert.Equal(42, untouched["attributes"]![second.Str("key")]!.GetValue<double>());
    }

    public static TheoryData<string, string> WrongValues => new()
    {
        { "text", "12" },
        { "text", "true" },
        { "text", "null" },
        { "number", "\"12\"" },
        { "number", "true" },
        { "boolean", "\"true\"" },
        { "boolean", "1" },
        { "enum", "\"wool\"" },
        { "enum", "\"Linen\"" },
        { "enum", "[\"linen\"]" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public async Task A_value_of_the_wrong_type_is_400_on_create_and_update_and_changes_nothing(string type, string json)
    {
        var attribute = await app.AttributeAsync(type, type == "enum" ? ["cotton", "linen"] : null);
        var key = attribute.Str("key");
        var handle = Given.Unique("wrong");
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";

        var create = await app.Admin.SendRawAsync(HttpMethod.Post, "/admin/products",
            $$"""{ "title": "Wrong", "handle": "{{handle}}", "attributes": { "{{key}}": {{json}} } }""");
        var update = await app.Admin.SendRawAsync(HttpMethod.Patch, url, $$"""{ "attributes": { "{{key}}": {{json}} } }""");

        Assert.Equal([$"attributes.{key}"], (await create.ShouldBeProblemAsync(400, "validation_failed")).ErrorFields());
        Assert.Equal([$"attributes.{key}"], (await update.ShouldBeProblemAsync(400, "validation_failed")).ErrorFields());
        await app.Admin.ShouldHaveNoProductAsync(handle);
        await app.Admin.ShouldBeUnchangedAsync(url, product);
    }

    [Fact]
    public async Task A_text_value_over_500_characters_is_400()
    {
        var attribute = await app.AttributeAsync("text");
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";

        var response = await app.Admin.PatchAsJsonAsync(url, new { attributes = new Dictionary<string, object> { [attribute.Str("key")] = new string('x', 501) } });

        await response.ShouldBeProblemAsync(400, "validation_failed");
        await app.Admin.ShouldBeUnchangedAsync(url, product);
    }

    [Fact]
    public async Task An_unknown_attribute_key_is_400_and_changes_nothing()
    {
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";

        var response = await app.Admin.PatchAsJsonAsync(url, new { attributes = new Dictionary<string, object> { ["undefinedKey"] = "x" } });

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Equal(["attributes.undefinedKey"], problem.ErrorFields());
        await app.Admin.ShouldBeUnchangedAsync(url, product);
    }
}

public sealed class ProductAttributesOnSqlite(SqliteApp app) : ProductAttributesTests(app), IClassFixture<SqliteApp>;

public sealed class ProductAttributesOnPostgres(PostgresApp app) : ProductAttributesTests(app), IClassFixture<PostgresApp>;
