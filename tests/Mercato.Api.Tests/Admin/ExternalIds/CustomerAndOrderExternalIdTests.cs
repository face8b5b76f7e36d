using Mercato.Api.Tests.Admin.Orders;
using Mercato.Api.Tests.Store.Customers;

namespace Mercato.Api.Tests.Admin.ExternalIds;

/// <summary>externalId on customers and orders: set by the Admin API, unique per resource type, filterable.</summary>
public abstract class CustomerAndOrderExternalIdTests(MercatoApp app)
{
    [Fact]
    public async Task A_customer_gets_an_external_id_that_is_unique_filterable_and_removable()
    {
        var first = await app.RegisteredCustomerAsync();
        var second = await app.RegisteredCustomerAsync();
        var externalId = Given.Unique("crm");

        var set = await app.Admin.PatchJsonAsync($"/admin/customers/{first.Id}", new { externalId });
        var taken = await app.Admin.PatchAsJsonAsync($"/admin/customers/{second.Id}", new { externalId });
        var found = await app.Admin.GetJsonAsync($"/admin/customers?externalId={externalId}");
        var shown = await app.Admin.GetJsonAsync($"/admin/customers/{first.Id}");

        Assert.Equal(externalId, set.Str("externalId"));
        await taken.ShouldBeProblemAsync(409, "external_id_taken");
        Assert.Equal(first.Id, Assert.Single(found.Arr("items"))!.Str("id"));
        Assert.Equal(externalId, Assert.Single(found.Arr("items"))!.Str("externalId"));
        Assert.Equal(externalId, shown.Str("externalId"));

        var cleared = await app.Admin.PatchJsonAsync($"/admin/customers/{first.Id}", new { externalId = "" });
        Assert.Null(cleared["externalId"]);
        // Once freed, the id may go to another customer.
        Assert.Equal(externalId, (await app.Admin.PatchJsonAsync($"/admin/customers/{second.Id}", new { externalId })).Str("externalId"));
        await (await app.Admin.PatchAsJsonAsync($"/admin/customers/{first.Id}", new { externalId = new string('x', 201) }))
            .ShouldBeProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task An_order_gets_an_external_id_with_If_Match_and_it_is_unique_and_filterable()
    {
        var first = await app.PlaceSimpleAsync();
        var second = await app.PlaceSimpleAsync();
        var externalId = Given.Unique("erp");
        var order = await app.Admin.GetJsonAsync($"/admin/orders/{first.OrderId}");

        var stale = await app.Admin.PatchAsJsonAsync($"/admin/orders/{first.OrderId}", new { externalId }, "\"999\"");
        var set = await app.Admin.PatchAsJsonAsync($"/admin/orders/{first.OrderId}", new { externalId }, $"\"{order.Int("version")}\"");
        var taken = await app.Admin.PatchAsJsonAsync($"/admin/orders/{second.OrderId}", new { externalId });
        var found = await app.Admin.GetJsonAsync($"/admin/orders?externalId={externalId}");
        var unknown = await app.Admin.PatchAsJsonAsync("/admin/orders/order_missing", new { externalId = "x" });

        await stale.ShouldBeProblemAsync(412, "version_conflict");
        var updated = await set.ShouldSucceedAsync();
        Assert.Equal(externalId, updated.Str("externalId"));
        Assert.True(updated.Int("version") > order.Int("version"));
        Assert.Contains(updated.Arr("timeline"), t => t!.Str("kind") == "external_id_changed");
        await taken.ShouldBeProblemAsync(409, "external_id_taken");
        var row = Assert.Single(found.Arr("items"))!;
        Assert.Equal(first.OrderId, row.Str("id"));
        Assert.Equal(externalId, row.Str("externalId"));
        await unknown.ShouldBeProblemAsync(404, "not_found");
    }
}

public sealed class CustomerAndOrderExternalIdOnSqlite(SqliteApp app) : CustomerAndOrderExternalIdTests(app), IClassFixture<SqliteApp>;

public sealed class CustomerAndOrderExternalIdOnPostgres(PostgresApp app) : CustomerAndOrderExternalIdTests(app), IClassFixture<PostgresApp>;
