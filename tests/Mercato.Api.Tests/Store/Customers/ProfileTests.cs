namespace Mercato.Api.Tests.Store.Customers;

/// <summary>GET and PATCH /store/customers/me.</summary>
public abstract class ProfileTests(MercatoApp app)
{
    [Fact]
    public async Task The_profile_changes_with_If_Match_and_a_stale_version_is_412()
    {
        var customer = await app.RegisteredCustomerAsync();
        var get = await customer.Client.GetAsync("/store/customers/me");
        var me = await get.ShouldSucceedAsync();
        var etag = get.Headers.ETag!.Tag;
        Assert.Equal($"\"{me.Int("version")}\"", etag);

        var updated = await customer.Client.PatchAsJsonAsync("/store/customers/me", new { firstName = " Grace ", phone = "+1 555 0100" }, etag);
        var body = await updated.ShouldSucceedAsync();
        var stale = await customer.Client.PatchAsJsonAsync("/store/customers/me", new { lastName = "Hopper" }, etag);

        Assert.Equal("Grace", body.Str("firstName"));
        Assert.Equal("Lovelace", body.Str("lastName"));
        Assert.Equal("+1 555 0100", body.Str("phone"));
        Assert.Equal(me.Int("version") + 1, body.Int("version"));
        Assert.Equal($"\"{body.Int("version")}\"", updated.Headers.ETag!.Tag);
        await stale.ShouldBeProblemAsync(412, "version_conflict");
        var cleared = await customer.Client.PatchJsonAsync("/store/customers/me", new { phone = "" });
        Assert.Null(cleared["phone"]);
        Assert.Equal("Lovelace", cleared.Str("lastName"));
    }

    [Theory]
    [InlineData("email", "other@example.com")]
    [InlineData("emailVerified", true)]
    [InlineData("groupIds", new[] { "cgrp_x" })]
    [InlineData("disabled", true)]
    public async Task A_profile_change_cannot_touch_server_owned_fields(string field, object value)
    {
        var customer = await app.RegisteredCustomerAsync();

        var response = await customer.Client.PatchAsJsonAsync("/store/customers/me", new Dictionary<string, object?> { [field] = value });

        await response.ShouldBeProblemAsync(400, "unknown_field");
        var me = await customer.Client.GetJsonAsync("/store/customers/me");
        Assert.Equal(customer.Email, me.Str("email"));
        Assert.False(me["emailVerified"]!.GetValue<bool>());
        Assert.Empty(me.Arr("groups"));
    }

    [Fact]
    public async Task A_blank_name_is_400()
    {
        var customer = await app.RegisteredCustomerAsync();

        var response = await customer.Client.PatchAsJsonAsync("/store/customers/me", new { firstName = " " });

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("firstName"));
    }

    [Fact]
    public async Task The_profile_shows_the_customers_groups()
    {
        var customer = await app.RegisteredCustomerAsync();
        var group = await app.Admin.PostJsonAsync("/admin/customer-groups", new { name = "Wholesale", handle = Given.Unique("wholesale") });

        (await app.Admin.PostAsync($"/admin/customer-groups/{group.Str("id")}/customers/{customer.Id}", null)).EnsureSuccessStatusCode();

        var shown = Assert.Single((await customer.Client.GetJsonAsync("/store/customers/me")).Arr("groups"))!;
        Assert.Equal(group.Str("id"), shown.Str("id"));
        Assert.Equal(group.Str("handle"), shown.Str("handle"));
        Assert.Equal("Wholesale", shown.Str("name"));
        Assert.Equal(["handle", "id", "name"], shown.AsObject().Select(p => p.Key).Order());
    }
}

public sealed class ProfileOnSqlite(SqliteApp app) : ProfileTests(app), IClassFixture<SqliteApp>;

public sealed class ProfileOnPostgres(PostgresApp app) : ProfileTests(app), IClassFixture<PostgresApp>;
