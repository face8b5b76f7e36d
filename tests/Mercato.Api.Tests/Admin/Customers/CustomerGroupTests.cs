using Mercato.Api.Tests.Store.Customers;

namespace Mercato.Api.Tests.Admin.Customers;

/// <summary>/admin/customer-groups and membership.</summary>
public abstract class CustomerGroupTests(MercatoApp app)
{
    [Fact]
    public async Task Groups_are_created_renamed_listed_and_deleted_with_unique_handles()
    {
        var handle = Given.Unique("retail");
        var created = await app.Admin.PostAsJsonAsync("/admin/customer-groups", new { name = "Retail", handle, description = "Everyone" });
        var group = await created.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("cgrp_", group.Str("id"));
        var url = $"/admin/customer-groups/{group.Str("id")}";

        await (await app.Admin.PostAsJsonAsync("/admin/customer-groups", new { name = "Again", handle })).ShouldBeProblemAsync(409, "handle_taken");
        await (await app.Admin.PostAsJsonAsync("/admin/customer-groups", new { name = "Bad", handle = "Not A Handle" })).ShouldBeProblemAsync(400, "validation_failed");
        var other = await app.Admin.PostJsonAsync("/admin/customer-groups", new { name = "Other", handle = Given.Unique("other") });
        await (await app.Admin.PatchAsJsonAsync(url, new { handle = other.Str("handle") })).ShouldBeProblemAsync(409, "handle_taken");

        var renamed = await (await app.Admin.PatchAsJsonAsync(url, new { name = "Retail shoppers", description = "" }, created.Headers.ETag!.Tag))
            .ShouldSucceedAsync();
        Assert.Equal("Retail shoppers", renamed.Str("name"));
        Assert.Null(renamed["description"]);
        await (await app.Admin.PatchAsJsonAsync(url, new { name = "Stale" }, created.Headers.ETag!.Tag)).ShouldBeProblemAsync(412, "version_conflict");
        Assert.Equal("Retail shoppers", (await app.Admin.GetJsonAsync(url)).Str("name"));
        var listed = (await app.Admin.GetJsonAsync("/admin/customer-groups?limit=100")).Arr("items").Select(g => g!.Str("id")).ToList();
        Assert.Contains(group.Str("id"), listed);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.DeleteAsync(url)).StatusCode);
        await (await app.Admin.GetAsync(url)).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Members_are_added_and_removed_idempotently_and_a_deleted_group_leaves_its_members()
    {
        var customer = await app.RegisteredCustomerAsync();
        var group = await app.Admin.PostJsonAsync("/admin/customer-groups", new { name = "Wholesale", handle = Given.Unique("wholesale") });
        var members = $"/admin/customer-groups/{group.Str("id")}/customers/{customer.Id}";

        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.PostAsync(members, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.PostAsync(members, null)).StatusCode);
        Assert.Single((await customer.Client.GetJsonAsync("/store/customers/me")).Arr("groups"));
        Assert.Equal(customer.Id, Assert.Single((await app.Admin.GetJsonAsync($"/admin/customers?groupId={group.Str("id")}")).Arr("items"))!.Str("id"));

        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.DeleteAsync(members)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.DeleteAsync(members)).StatusCode);
        Assert.Empty((await customer.Client.GetJsonAsync("/store/customers/me")).Arr("groups"));

        await app.Admin.PostAsync(members, null);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.DeleteAsync($"/admin/customer-groups/{group.Str("id")}")).StatusCode);
        Assert.Empty((await customer.Client.GetJsonAsync("/store/customers/me")).Arr("groups"));
        await (await app.Admin.PostAsync(members, null)).ShouldBeProblemAsync(404, "not_found");
        var another = await app.Admin.PostJsonAsync("/admin/customer-groups", new { name = "Another", handle = Given.Unique("another") });
        await (await app.Admin.PostAsync($"/admin/customer-groups/{another.Str("id")}/customers/cus_missing", null)).ShouldBeProblemAsync(404, "not_found");
    }
}

public sealed class CustomerGroupOnSqlite(SqliteApp app) : CustomerGroupTests(app), IClassFixture<SqliteApp>;

public sealed class CustomerGroupOnPostgres(PostgresApp app) : CustomerGroupTests(app), IClassFixture<PostgresApp>;
