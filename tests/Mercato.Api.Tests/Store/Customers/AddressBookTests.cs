namespace Mercato.Api.Tests.Store.Customers;

/// <summary>/store/customers/me/addresses.</summary>
public abstract class AddressBookTests(MercatoApp app)
{
    private static Dictionary<string, object?> Address(string line1 = "1 Main St", bool? defaultShipping = null, bool? defaultBilling = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["firstName"] = "Ada", ["lastName"] = "Lovelace", ["line1"] = line1, ["city"] = "Berlin", ["postalCode"] = "10115",
            ["countryCode"] = "de", ["phone"] = "+49 30 123",
        };
        if (defaultShipping is not null) body["isDefaultShipping"] = defaultShipping;
        if (defaultBilling is not null) body["isDefaultBilling"] = defaultBilling;
        return body;
    }

    [Fact]
    public async Task Addresses_are_added_listed_changed_and_removed()
    {
        var customer = await app.RegisteredCustomerAsync();

        var created = await customer.Client.PostAsJsonAsync("/store/customers/me/addresses", Address());
        var address = await created.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("caddr_", address.Str("id"));
        Assert.Equal("DE", address.Str("countryCode"));
        Assert.False(address["isDefaultShipping"]!.GetValue<bool>());
        var url = $"/store/customers/me/addresses/{address.Str("id")}";

        var changed = await customer.Client.PatchAsJsonAsync(url, new { line1 = "2 Side St", company = "Analytical Engines" },
            created.Headers.ETag!.Tag);
        var body = await changed.ShouldSucceedAsync();
        Assert.Equal("2 Side St", body.Str("line1"));
        Assert.Equal("Analytical Engines", body.Str("company"));
        Assert.Equal("Berlin", body.Str("city"));
        await (await customer.Client.PatchAsJsonAsync(url, new { city = "Paris" }, created.Headers.ETag!.Tag)).ShouldBeProblemAsync(412, "version_conflict");
        Assert.Null((await customer.Client.PatchJsonAsync(url, new { company = "" }))["company"]);

        var list = await customer.Client.GetJsonAsync("/store/customers/me/addresses");
        Assert.Equal(address.Str("id"), Assert.Single(list.Arr("items"))!.Str("id"));
        Assert.Equal("2 Side St", (await customer.Client.GetJsonAsync(url)).Str("line1"));

        Assert.Equal(HttpStatusCode.NoContent, (await customer.Client.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.Client.GetAsync(url)).StatusCode);
        Assert.Empty((await customer.Client.GetJsonAsync("/store/customers/me/addresses")).Arr("items"));
    }

    [Fact]
    public async Task Making_an_address_the_default_takes_the_role_from_the_previous_default()
    {
        var customer = await app.RegisteredCustomerAsync();
        var home = await customer.Client.PostJsonAsync("/store/customers/me/addresses", Address("Home", defaultShipping: true, defaultBilling: true));

        var office = await customer.Client.PostJsonAsync("/store/customers/me/addresses", Address("Office", defaultShipping: true));

        var items = (await customer.Client.GetJsonAsync("/store/customers/me/addresses")).Arr("items");
        var homeNow = items.Single(a => a!.Str("id") == home.Str("id"))!;
        var officeNow = items.Single(a => a!.Str("id") == office.Str("id"))!;
        Assert.False(homeNow["isDefaultShipping"]!.GetValue<bool>());
        Assert.True(homeNow["isDefaultBilling"]!.GetValue<bool>());
        Assert.True(officeNow["isDefaultShipping"]!.GetValue<bool>());
        Assert.False(officeNow["isDefaultBilling"]!.GetValue<bool>());

        await customer.Client.PatchJsonAsync($"/store/customers/me/addresses/{office.Str("id")}", new { isDefaultBilling = true });
        Assert.False((await customer.Client.GetJsonAsync($"/store/customers/me/addresses/{home.Str("id")}"))["isDefaultBilling"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Another_customers_address_is_404_like_a_missing_one()
    {
        var ada = await app.RegisteredCustomerAsync();
        var bob = await app.RegisteredCustomerAsync();
        var adas = await ada.Client.PostJsonAsync("/store/customers/me/addresses", Address());
        var url = $"/store/customers/me/addresses/{adas.Str("id")}";

        await (await bob.Client.GetAsync(url)).ShouldBeProblemAsync(404, "not_found");
        await (await bob.Client.PatchAsJsonAsync(url, new { city = "Stolen" })).ShouldBeProblemAsync(404, "not_found");
        await (await bob.Client.DeleteAsync(url)).ShouldBeProblemAsync(404, "not_found");
        Assert.Empty((await bob.Client.GetJsonAsync("/store/customers/me/addresses")).Arr("items"));
        Assert.Equal("Berlin", (await ada.Client.GetJsonAsync(url)).Str("city"));
    }

    [Fact]
    public async Task Address_fields_follow_the_cart_address_rules()
    {
        var customer = await app.RegisteredCustomerAsync();
        var body = Address();
        body["countryCode"] = "Germany";
        body["line1"] = " ";
        body["postalCode"] = new string('9', 21);

        var response = await customer.Client.PostAsJsonAsync("/store/customers/me/addresses", body);

        var errors = (await response.ShouldBeProblemAsync(400, "validation_failed"))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("countryCode"));
        Assert.True(errors.ContainsKey("line1"));
        Assert.True(errors.ContainsKey("postalCode"));
        await (await customer.Client.PostAsJsonAsync("/store/customers/me/addresses",
            new Dictionary<string, object?>(Address()) { ["customerId"] = "cus_other" })).ShouldBeProblemAsync(400, "unknown_field");
    }

    [Fact]
    public async Task An_address_book_holds_at_most_50_addresses()
    {
        var customer = await app.RegisteredCustomerAsync();
        for (var i = 0; i < 50; i++) await customer.Client.PostJsonAsync("/store/customers/me/addresses", Address($"{i} Main St"));

        var oneTooMany = await customer.Client.PostAsJsonAsync("/store/customers/me/addresses", Address("51 Main St"));

        await oneTooMany.ShouldBeProblemAsync(409, "address_limit_reached");
        var page = await customer.Client.GetJsonAsync("/store/customers/me/addresses?limit=100");
        Assert.Equal(50, page.Arr("items").Count);
    }
}

public sealed class AddressBookOnSqlite(SqliteApp app) : AddressBookTests(app), IClassFixture<SqliteApp>;

public sealed class AddressBookOnPostgres(PostgresApp app) : AddressBookTests(app), IClassFixture<PostgresApp>;
