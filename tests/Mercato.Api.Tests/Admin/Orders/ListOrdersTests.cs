namespace Mercato.Api.Tests.Admin.Orders;

public abstract class ListOrdersTests(MercatoApp app)
{
    [Fact]
    public async Task The_list_is_newest_first_and_pages_through_every_order_once()
    {
        var tag = Given.Unique("paged");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add((await app.PlaceSimpleAsync(email: $"{tag}@example.com")).OrderId);

        var all = await app.Admin.ListAllAsync($"/admin/orders?email={tag}@example.com", limit: 2);

        Assert.Equal(ids.AsEnumerable().Reverse(), all.Select(o => o.Str("id")));
    }

    [Fact]
    public async Task Filters_by_email_total_status_and_sales_channel()
    {
        var tag = Given.Unique("filter");
        var cheap = await app.PlaceSimpleAsync(email: $"{tag}@example.com", unitPrice: 100);
        var dear = await app.PlaceSimpleAsync(email: $"{tag}@example.com", unitPrice: 100_000);
        var (otherChannel, _) = await app.Given.ChannelAsync();
        var elsewhere = await app.PlaceSimpleAsync(email: $"{tag}@example.com", channelId: otherChannel, unitPrice: 100);
        var mail = $"email={tag.ToUpperInvariant()}@EXAMPLE.com";

        Assert.Equal([elsewhere.OrderId, dear.OrderId, cheap.OrderId], await Ids($"/admin/orders?{mail}"));
        Assert.Equal([dear.OrderId], await Ids($"/admin/orders?{mail}&minTotal=10000"));
        Assert.Equal([elsewhere.OrderId, cheap.OrderId], await Ids($"/admin/orders?{mail}&maxTotal=10000"));
        Assert.Equal([elsewhere.OrderId], await Ids($"/admin/orders?{mail}&salesChannelId={otherChannel}"));
        Assert.Equal(3, (await Ids($"/admin/orders?{mail}&status=pending&paymentStatus=authorized&fulfillmentStatus=not_fulfilled")).Length);
        Assert.Empty(await Ids($"/admin/orders?{mail}&status=canceled"));
    }

    [Fact]
    public async Task Filters_by_creation_date_range()
    {
        var tag = Given.Unique("dates");
        var early = await app.PlaceSimpleAsync(email: $"{tag}@example.com");
        app.Clock.Advance(TimeSpan.FromDays(2));
        var boundary = app.Clock.GetUtcNow();
        var late = await app.PlaceSimpleAsync(email: $"{tag}@example.com");
        var from = Uri.EscapeDataString(boundary.ToString("O"));

        Assert.Equal([late.OrderId], await Ids($"/admin/orders?email={tag}@example.com&createdFrom={from}"));
        Assert.Equal([early.OrderId], await Ids($"/admin/orders?email={tag}@example.com&createdTo={from}"));
    }

    [Fact]
    public async Task Search_finds_an_order_by_number_or_by_part_of_the_email()
    {
        var tag = Given.Unique("search");
        var placed = await app.PlaceSimpleAsync(email: $"{tag}@example.com");

        Assert.Contains(placed.OrderId, await Ids($"/admin/orders?q={placed.Number}&limit=100"));
        Assert.Contains(placed.OrderId, await Ids($"/admin/orders?q=%23{placed.Number}&limit=100"));
        Assert.Equal([placed.OrderId], await Ids($"/admin/orders?q={tag.ToUpperInvariant()}"));
        Assert.Empty(await Ids($"/admin/orders?q={Given.Unique("nobody")}"));
    }

    [Theory]
    [InlineData("status=shipped", "status")]
    [InlineData("paymentStatus=paid", "paymentStatus")]
    [InlineData("fulfillmentStatus=lost", "fulfillmentStatus")]
    [InlineData("limit=0", "limit")]
    public async Task An_unknown_filter_value_is_400_naming_the_field(string query, string field)
    {
        var response = await app.Admin.GetAsync($"/admin/orders?{query}");

        Assert.NotNull((await response.ShouldBeProblemAsync(400, "validation_failed"))["errors"]?[field]);
    }

    [Fact]
    public async Task A_bad_cursor_or_date_is_400()
    {
        await (await app.Admin.GetAsync("/admin/orders?cursor=nope")).ShouldBeProblemAsync(400, "invalid_cursor");
        var response = await app.Admin.GetAsync("/admin/orders?createdFrom=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_order_is_404()
    {
        await (await app.Admin.GetAsync("/admin/orders/order_00000000000000000000000000")).ShouldBeProblemAsync(404, "not_found");
        await (await app.PostOrderAsync("order_00000000000000000000000000", "archive")).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Get_answers_the_order_with_its_etag()
    {
        var placed = await app.PlaceSimpleAsync();

        var response = await app.Admin.GetAsync($"/admin/orders/{placed.OrderId}");

        var order = await response.ShouldSucceedAsync();
        Assert.Equal($"\"{order.Int("version")}\"", response.Headers.ETag?.Tag);
        Assert.Equal(placed.Number, order.Long("number"));
    }

    private async Task<string[]> Ids(string url) => [.. (await app.Admin.GetJsonAsync(url)).Arr("items").Select(i => i.Str("id"))];
}

public sealed class ListOrdersOnSqlite(SqliteApp app) : ListOrdersTests(app), IClassFixture<SqliteApp>;

public sealed class ListOrdersOnPostgres(PostgresApp app) : ListOrdersTests(app), IClassFixture<PostgresApp>;
