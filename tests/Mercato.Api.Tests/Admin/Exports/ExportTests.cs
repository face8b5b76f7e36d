using System.Globalization;
using Mercato.Api.Tests.Admin.Orders;
using Mercato.Api.Tests.Security;
using Mercato.Api.Tests.Store.Checkout;
using Mercato.Api.Tests.Store.Customers;
using Mercato.Inventory.Levels;
using Mercato.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Admin.Exports;

/// <summary>/admin/exports/inventory, /customers and /orders: streamed CSV and NDJSON, incremental by updatedSince.</summary>
public abstract class ExportTests(MercatoApp app)
{
    [Fact]
    public async Task Inventory_exports_as_csv_and_ndjson_and_updatedSince_keeps_only_the_levels_changed_since()
    {
        var location = await app.LocationAsync();
        var tag = Given.Unique("EXP").ToUpperInvariant();
        await SetLevelAsync($"{tag}-A", location, 5);
        var since = app.Clock.GetUtcNow();
        await SetLevelAsync($"{tag}-B", location, 7);

        var csv = await CsvAsync($"/admin/exports/inventory?format=csv&updatedSince={Iso(since)}");
        var ndjson = await NdjsonAsync($"/admin/exports/inventory?updatedSince={Iso(since)}");
        var all = await CsvAsync("/admin/exports/inventory?format=csv");

        Assert.Equal(["sku", "locationId", "onHand", "reserved", "available", "version", "updatedAt"], csv[0]);
        var row = Assert.Single(csv.Skip(1), r => r[0].StartsWith(tag, StringComparison.Ordinal));
        Assert.Equal([$"{tag}-B", location, "7", "0", "7"], row[..5]);
        var item = Assert.Single(ndjson, l => l.Str("sku").StartsWith(tag, StringComparison.Ordinal));
        Assert.Equal(7, item.Int("available"));
        Assert.Equal(location, item.Str("locationId"));
        Assert.Equal([$"{tag}-A", $"{tag}-B"], all.Skip(1).Where(r => r[0].StartsWith(tag, StringComparison.Ordinal)).Select(r => r[0]));
    }

    [Fact]
    public async Task A_few_thousand_levels_stream_in_sku_order_across_batches()
    {
        var location = await app.LocationAsync();
        var tag = Given.Unique("BULK").ToUpperInvariant();
        const int count = 2_600;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            var now = app.Clock.GetUtcNow();
            for (var i = 0; i < count; i++) db.Add(new InventoryLevel($"{tag}-{i:D5}", location, i, now));
            await db.SaveChangesAsync();
        }

        var response = await app.Admin.GetAsync("/admin/exports/inventory?format=csv");
        var text = await response.Content.ReadAsStringAsync();
        var ndjson = await NdjsonAsync("/admin/exports/inventory");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("inventory.csv", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var skus = Parse(text).Skip(1).Select(r => r[0]).Where(s => s.StartsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal(count, skus.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"{tag}-{i:D5}"), skus);
        Assert.Equal(count, ndjson.Count(l => l.Str("sku").StartsWith(tag, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Customers_export_with_groups_and_addresses_and_never_a_password_hash()
    {
        var since = app.Clock.GetUtcNow();
        var customer = await app.RegisteredCustomerAsync();
        await customer.Client.PostJsonAsync("/store/customers/me/addresses",
            new { firstName = "Ada", lastName = "Lovelace", line1 = "=1 Main St", city = "Berlin", postalCode = "10115", countryCode = "DE" });
        await app.Admin.PatchJsonAsync($"/admin/customers/{customer.Id}", new { externalId = "CRM-" + customer.Id });

        var csvResponse = await app.Admin.GetAsync($"/admin/exports/customers?format=csv&updatedSince={Iso(since)}");
        var csvText = await csvResponse.Content.ReadAsStringAsync();
        var ndjson = await NdjsonAsync($"/admin/exports/customers?updatedSince={Iso(since)}");

        Assert.DoesNotContain("password", csvText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("$", csvText, StringComparison.Ordinal);
        var csv = Parse(csvText);
        var row = Assert.Single(csv.Skip(1));
        string Cell(string column) => row[Array.IndexOf(csv[0], column)];
        Assert.Equal(customer.Id, Cell("id"));
        Assert.Equal("CRM-" + customer.Id, Cell("externalId"));
        Assert.Equal(customer.Email, Cell("email"));
        Assert.Equal("Berlin", Cell("shippingCity"));
        // A cell a spreadsheet would run as a formula is escaped.
        Assert.Equal("'=1 Main St", Cell("shippingLine1"));
        var item = Assert.Single(ndjson);
        Assert.Equal(customer.Id, item.Str("id"));
        Assert.Equal("=1 Main St", Assert.Single(item.Arr("addresses"))!.Str("line1"));
        Assert.Null(item["passwordHash"]);
    }

    [Fact]
    public async Task An_address_change_brings_the_customer_into_the_next_incremental_export()
    {
        var customer = await app.RegisteredCustomerAsync();
        var since = app.Clock.GetUtcNow();
        Assert.DoesNotContain(await NdjsonAsync($"/admin/exports/customers?updatedSince={Iso(since)}"), c => c.Str("id") == customer.Id);

        await customer.Client.PostJsonAsync("/store/customers/me/addresses",
            new { firstName = "Ada", lastName = "Lovelace", line1 = "1 Main St", city = "Paris", postalCode = "75001", countryCode = "FR" });

        var changed = Assert.Single(await NdjsonAsync($"/admin/exports/customers?updatedSince={Iso(since)}"), c => c.Str("id") == customer.Id);
        Assert.Equal("Paris", Assert.Single(changed.Arr("addresses"))!.Str("city"));
    }

    [Fact]
    public async Task Orders_export_one_csv_row_per_line_and_one_ndjson_order_with_nested_lines()
    {
        var since = app.Clock.GetUtcNow();
        var placed = await app.PlaceAsync(app.Draft([OrderTestData.Line("EXP-A", 2, 1000, manageInventory: false),
            OrderTestData.Line("EXP-B", 1, 2500, manageInventory: false)]));

        var csv = await CsvAsync($"/admin/exports/orders?format=csv&updatedSince={Iso(since)}");
        var ndjson = await NdjsonAsync($"/admin/exports/orders?format=ndjson&updatedSince={Iso(since)}");

        var header = csv[0];
        string Cell(string[] row, string column) => row[Array.IndexOf(header, column)];
        Assert.Equal(2, csv.Count - 1);
        Assert.All(csv.Skip(1), r => Assert.Equal(placed.OrderId, Cell(r, "orderId")));
        Assert.Equal(["EXP-A", "EXP-B"], csv.Skip(1).Select(r => Cell(r, "sku")));
        Assert.Equal(["2", "1"], csv.Skip(1).Select(r => Cell(r, "quantity")));
        Assert.Equal(["1000", "2500"], csv.Skip(1).Select(r => Cell(r, "unitPrice")));
        Assert.All(csv.Skip(1), r => Assert.Equal("USD", Cell(r, "currency")));
        Assert.All(csv.Skip(1), r => Assert.Equal("pending", Cell(r, "status")));
        var order = Assert.Single(ndjson);
        Assert.Equal(placed.OrderId, order.Str("id"));
        Assert.Equal(["EXP-A", "EXP-B"], order.Arr("items").Select(i => i!.Str("sku")));
        Assert.Equal(1000, order.Arr("items")[0]!["unitPrice"]!.Long("amount"));
        Assert.Equal("USD", order["totals"]!["total"]!.Str("currency"));
        Assert.Null(order["timeline"]);
    }

    [Fact]
    public async Task An_order_change_brings_it_into_the_next_incremental_export()
    {
        var placed = await app.PlaceSimpleAsync();
        var since = app.Clock.GetUtcNow();
        Assert.DoesNotContain(await NdjsonAsync($"/admin/exports/orders?updatedSince={Iso(since)}"), o => o.Str("id") == placed.OrderId);

        await app.Admin.PatchJsonAsync($"/admin/orders/{placed.OrderId}", new { externalId = "ERP-" + placed.OrderId });

        var changed = Assert.Single(await NdjsonAsync($"/admin/exports/orders?updatedSince={Iso(since)}"));
        Assert.Equal("ERP-" + placed.OrderId, changed.Str("externalId"));
    }

    [Theory]
    [InlineData("inventory")]
    [InlineData("customers")]
    [InlineData("orders")]
    public async Task Each_export_needs_its_resources_read_permission(string resource)
    {
        var (catalogOnly, _) = await app.KeyAsync(scopes: ["catalog:read"]);
        var permission = resource switch { "inventory" => "inventory:read", "customers" => "customers:read", _ => "orders:read" };
        var (reader, _) = await app.KeyAsync(scopes: [permission]);

        await (await catalogOnly.GetAsync($"/admin/exports/{resource}")).ShouldBeProblemAsync(403, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/admin/exports/{resource}?format=csv")).StatusCode);
        await (await reader.GetAsync($"/admin/exports/{resource}?format=xml")).ShouldBeProblemAsync(400, "validation_failed");
    }

    private async Task SetLevelAsync(string sku, string location, int onHand) =>
        await (await app.Admin.PutAsJsonAsync($"/admin/inventory/{sku}/levels/{location}", new { onHand })).ShouldSucceedAsync();

    private async Task<List<string[]>> CsvAsync(string url)
    {
        var response = await app.Admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<List<JsonNode>> NdjsonAsync(string url)
    {
        var response = await app.Admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)];
    }

    internal static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));

    internal static List<string[]> Parse(string csv)
    {
        using var reader = new CsvHelper.CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(reader.Parser.Record!);
        return rows;
    }
}

public sealed class ExportOnSqlite(SqliteApp app) : ExportTests(app), IClassFixture<SqliteApp>;

public sealed class ExportOnPostgres(PostgresApp app) : ExportTests(app), IClassFixture<PostgresApp>;
