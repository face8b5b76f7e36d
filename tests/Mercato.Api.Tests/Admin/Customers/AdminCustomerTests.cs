using Mercato.Api.Tests.Store.Customers;
using Mercato.Customers.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Admin.Customers;

/// <summary>/admin/customers.</summary>
public abstract class AdminCustomerTests(MercatoApp app)
{
    [Fact]
    public async Task A_customer_is_shown_with_their_addresses_and_groups_but_never_their_password()
    {
        var customer = await app.RegisteredCustomerAsync();
        await customer.Client.PostJsonAsync("/store/customers/me/addresses",
            new { firstName = "Ada", lastName = "Lovelace", line1 = "1 Main St", city = "Berlin", postalCode = "10115", countryCode = "DE" });
        var group = await app.Admin.PostJsonAsync("/admin/customer-groups", new { name = "VIP", handle = Given.Unique("vip") });
        (await app.Admin.PostAsync($"/admin/customer-groups/{group.Str("id")}/customers/{customer.Id}", null)).EnsureSuccessStatusCode();

        var response = await app.Admin.GetAsync($"/admin/customers/{customer.Id}");
        var shown = await response.ShouldSucceedAsync();

        Assert.Equal(customer.Email, shown.Str("email"));
        Assert.False(shown["disabled"]!.GetValue<bool>());
        Assert.Equal("Berlin", Assert.Single(shown.Arr("addresses"))!.Str("city"));
        Assert.Equal(group.Str("id"), Assert.Single(shown.Arr("groups"))!.Str("id"));
        Assert.Equal($"\"{shown.Int("version")}\"", response.Headers.ETag!.Tag);
        Assert.DoesNotContain("password", (await response.Content.ReadAsStringAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        await (await app.Admin.GetAsync("/admin/customers/cus_missing")).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task The_list_filters_by_email_prefix_name_group_and_creation_time_and_pages_by_cursor()
    {
        var tag = Given.Unique("find");
        var first = await app.RegisterAsync($"{tag}-a@example.com", firstName: "Zebedee", lastName: "Quartermaine");
        var since = app.Clock.GetUtcNow();
        var second = await app.RegisterAsync($"{tag}-b@example.com");
        var group = await app.Admin.PostJsonAsync("/admin/customer-groups", new { name = "Trade", handle = Given.Unique("trade") });
        await app.Admin.PatchJsonAsync($"/admin/customers/{second.Str("id")}", new { groupIds = new[] { group.Str("id") } });

        var byPrefix = await app.Admin.GetJsonAsync($"/admin/customers?q={tag.ToUpperInvariant()}");
        var byName = await app.Admin.GetJsonAsync("/admin/customers?q=zebedee%20quarter");
        var byGroup = await app.Admin.GetJsonAsync($"/admin/customers?groupId={group.Str("id")}");
        var bySince = await app.Admin.GetJsonAsync($"/admin/customers?q={tag}&createdSince={Uri.EscapeDataString(since.ToString("O"))}");
        var page1 = await app.Admin.GetJsonAsync($"/admin/customers?q={tag}&limit=1");
        var page2 = await app.Admin.GetJsonAsync($"/admin/customers?q={tag}&limit=1&cursor={page1.Str("nextCursor")}");

        Assert.Equal([first.Str("id"), second.Str("id")], byPrefix.Arr("items").Select(c => c!.Str("id")));
        Assert.Equal(first.Str("id"), Assert.Single(byName.Arr("items"))!.Str("id"));
        var member = Assert.Single(byGroup.Arr("items"))!;
        Assert.Equal(second.Str("id"), member.Str("id"));
        Assert.Equal(group.Str("handle"), Assert.Single(member.Arr("groups"))!.Str("handle"));
        Assert.Equal(second.Str("id"), Assert.Single(bySince.Arr("items"))!.Str("id"));
        Assert.Equal(first.Str("id"), Assert.Single(page1.Arr("items"))!.Str("id"));
        Assert.Equal(second.Str("id"), Assert.Single(page2.Arr("items"))!.Str("id"));
        Assert.Null(page2["nextCursor"]);
    }

    [Fact]
    public async Task An_admin_edits_the_profile_and_groups_with_If_Match_and_unknown_groups_are_400()
    {
        var customer = await app.RegisteredCustomerAsync();
        var group = await app.Admin.PostJsonAsync("/admin/customer-groups", new { name = "Staff", handle = Given.Unique("staff") });
        var get = await app.Admin.GetAsync($"/admin/customers/{customer.Id}");
        var etag = get.Headers.ETag!.Tag;

        var updated = await (await app.Admin.PatchAsJsonAsync($"/admin/customers/{customer.Id}",
            new { lastName = "Byron", groupIds = new[] { group.Str("id"), group.Str("id") } }, etag)).ShouldSucceedAsync();

        Assert.Equal("Byron", updated.Str("lastName"));
        Assert.Equal(group.Str("id"), Assert.Single(updated.Arr("groups"))!.Str("id"));
        await (await app.Admin.PatchAsJsonAsync($"/admin/customers/{customer.Id}", new { firstName = "X" }, etag)).ShouldBeProblemAsync(412, "version_conflict");
        var unknown = await app.Admin.PatchAsJsonAsync($"/admin/customers/{customer.Id}", new { groupIds = new[] { "cgrp_missing" } });
        Assert.True((await unknown.ShouldBeProblemAsync(400, "validation_failed"))["errors"]!.AsObject().ContainsKey("groupIds"));
        await (await app.Admin.PatchAsJsonAsync($"/admin/customers/{customer.Id}", new { email = "x@example.com" })).ShouldBeProblemAsync(400, "unknown_field");
        Assert.Empty((await app.Admin.PatchJsonAsync($"/admin/customers/{customer.Id}", new { groupIds = Array.Empty<string>() })).Arr("groups"));
    }

    [Fact]
    public async Task Disabling_a_customer_ends_their_sessions_at_once()
    {
        var customer = await app.RegisteredCustomerAsync();
        Assert.Equal(HttpStatusCode.OK, (await customer.Client.GetAsync("/store/customers/me")).StatusCode);

        var disabled = await app.Admin.PatchJsonAsync($"/admin/customers/{customer.Id}", new { disabled = true });

        Assert.True(disabled["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.Client.GetAsync("/store/customers/me")).StatusCode);
        await (await app.Store.PostAsJsonAsync("/store/auth/refresh", new { refreshToken = customer.RefreshToken }))
            .ShouldBeProblemAsync(401, "invalid_refresh_token");
        Assert.Empty(await app.EmailsAsync(customer.Email, "customer.password_reset"));
        await app.Store.PostAsJsonAsync("/store/auth/password-reset", new { email = customer.Email });
        Assert.Empty(await app.EmailsAsync(customer.Email, "customer.password_reset"));
    }

    [Fact]
    public async Task Other_modules_see_an_enabled_customer_with_their_groups_through_the_directory()
    {
        var customer = await app.RegisteredCustomerAsync();
        var group = await app.Admin.PostJsonAsync("/admin/customer-groups", new { name = "B2B", handle = Given.Unique("b2b") });
        await app.Admin.PatchJsonAsync($"/admin/customers/{customer.Id}", new { groupIds = new[] { group.Str("id") } });

        var found = await FindAsync(customer.Id);
        await app.Admin.PatchJsonAsync($"/admin/customers/{customer.Id}", new { disabled = true });

        Assert.NotNull(found);
        Assert.Equal(customer.Email, found.Email);
        Assert.False(found.EmailVerified);
        Assert.Equal([group.Str("id")], found.GroupIds);
        Assert.Null(await FindAsync(customer.Id));
        Assert.Null(await FindAsync("cus_missing"));
    }

    private async Task<CustomerSummary?> FindAsync(string id)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<ICustomerDirectory>().FindAsync(id, CancellationToken.None);
    }
}

public sealed class AdminCustomerOnSqlite(SqliteApp app) : AdminCustomerTests(app), IClassFixture<SqliteApp>;

public sealed class AdminCustomerOnPostgres(PostgresApp app) : AdminCustomerTests(app), IClassFixture<PostgresApp>;
