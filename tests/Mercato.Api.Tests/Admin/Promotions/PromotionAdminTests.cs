using Mercato.Api.Tests.Admin.Events;

namespace Mercato.Api.Tests.Admin.Promotions;

/// <summary>/admin/promotions and their codes.</summary>
public abstract class PromotionAdminTests(MercatoApp app)
{
    [Fact]
    public async Task Promotions_are_created_changed_with_if_match_listed_and_deleted()
    {
        var created = await app.Admin.PostAsJsonAsync("/admin/promotions", new
        {
            name = "Ten off",
            action = new { type = "order_percentage", percentBasisPoints = 1000 },
            conditions = new { minQuantity = 2, categoryIds = new[] { "pcat_x" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var promotion = await created.ShouldSucceedAsync();
        Assert.StartsWith("promo_", promotion.Str("id"));
        Assert.True(promotion["enabled"]!.GetValue<bool>());
        Assert.Equal("order_percentage", promotion["action"]!.Str("type"));
        Assert.Equal(2, promotion["conditions"]!.Int("minQuantity"));
        var url = $"/admin/promotions/{promotion.Str("id")}";

        var changed = await (await app.Admin.PatchAsJsonAsync(url, new { priority = 5, exclusive = true }, created.Headers.ETag!.Tag)).ShouldSucceedAsync();
        Assert.Equal(5, changed.Int("priority"));
        Assert.Equal(1000, changed["action"]!.Int("percentBasisPoints"));
        await (await app.Admin.PatchAsJsonAsync(url, new { priority = 6 }, created.Headers.ETag!.Tag)).ShouldBeProblemAsync(412, "version_conflict");

        var listed = new List<string>();
        string? cursor = null;
        do
        {
            var page = await app.Admin.GetJsonAsync("/admin/promotions?limit=100" + (cursor is null ? "" : $"&cursor={cursor}"));
            listed.AddRange(page.Arr("items").Select(p => p!.Str("id")));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        Assert.Contains(promotion.Str("id"), listed);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.DeleteAsync(url)).StatusCode);
        await (await app.Admin.GetAsync(url)).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Creating_changing_and_deleting_a_promotion_each_record_an_event_with_its_state()
    {
        var id = (await app.Admin.PostJsonAsync("/admin/promotions",
            new { name = "Events", action = new { type = "order_percentage", percentBasisPoints = 1000 } })).Str("id");
        await app.Admin.PatchJsonAsync($"/admin/promotions/{id}", new { enabled = false, priority = 7 });
        (await app.Admin.DeleteAsync($"/admin/promotions/{id}")).EnsureSuccessStatusCode();

        var events = await app.EventsOfAsync(id);

        Assert.Equal(["promotion.created", "promotion.updated", "promotion.deleted"], EventsTestData.TypesInSequence(events));
        Assert.Equal(1000, events[0]["data"]!["action"]!.Int("percentBasisPoints"));
        Assert.False(events[1]["data"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(7, events[1]["data"].Int("priority"));
        Assert.Equal(id, events[2]["data"].Str("id"));
    }

    [Theory]
    [InlineData("""{"name":"x","action":{"type":"order_percentage","percentBasisPoints":20000}}""", "action.percentBasisPoints")]
    [InlineData("""{"name":"x","action":{"type":"order_fixed","amount":500}}""", "conditions.currencyCodes")]
    [InlineData("""{"name":"x","action":{"type":"buy_x_get_y","percentBasisPoints":10000,"buyQuantity":2}}""", "action.getQuantity")]
    [InlineData("""{"name":"x","action":{"type":"bundle","amount":500,"bundleQuantity":3},"conditions":{"currencyCodes":["XXX"]}}""", "conditions.currencyCodes[0]")]
    [InlineData("""{"name":"","action":{"type":"free_shipping"}}""", "name")]
    [InlineData("""{"name":"x"}""", "action")]
    [InlineData("""{"name":"x","action":{"type":"free_shipping"},"startsAt":"2026-02-01T00:00:00Z","endsAt":"2026-01-01T00:00:00Z"}""", "endsAt")]
    public async Task Invalid_promotions_are_400_with_the_field(string body, string field)
    {
        var response = await app.Admin.SendRawAsync(HttpMethod.Post, "/admin/promotions", body);
        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task An_unknown_action_type_is_a_client_error()
    {
        var response = await app.Admin.SendRawAsync(HttpMethod.Post, "/admin/promotions", """{"name":"x","action":{"type":"half_off_everything"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Codes_are_unique_case_insensitively_and_batches_generate_distinct_codes_exported_as_csv()
    {
        var promotion = await app.Admin.PostJsonAsync("/admin/promotions",
            new { name = "Codes", requiresCode = true, action = new { type = "free_shipping" } });
        var id = promotion.Str("id");
        var code = Given.Unique("SAVE").ToUpperInvariant().Replace('_', '-');
        var one = await (await app.Admin.PostAsJsonAsync($"/admin/promotions/{id}/codes", new { code = code.ToLowerInvariant(), usageLimit = 1 }))
            .ShouldSucceedAsync();
        Assert.Equal(code, one.Str("code"));
        await (await app.Admin.PostAsJsonAsync($"/admin/promotions/{id}/codes", new { code })).ShouldBeProblemAsync(409, "promotion_code_taken");
        await (await app.Admin.PostAsJsonAsync($"/admin/promotions/{id}/codes", new { code = "no spaces" })).ShouldBeProblemAsync(400, "validation_failed");

        var batch = await (await app.Admin.PostAsJsonAsync($"/admin/promotions/{id}/code-batches", new { count = 50, prefix = "vip" })).ShouldSucceedAsync();
        var codes = batch.Arr("codes").Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(50, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^VIP-[23456789A-HJKMNP-Z]{12}$", c));
        await (await app.Admin.PostAsJsonAsync($"/admin/promotions/{id}/code-batches", new { count = 0 })).ShouldBeProblemAsync(400, "validation_failed");

        var csv = await app.Admin.GetAsync($"/admin/promotions/{id}/codes?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code,usage_limit,used_count,batch_id,created_at", rows[0]);
        Assert.Equal(51, rows.Length - 1);
        Assert.Contains(rows, r => r.StartsWith(code + ",1,0,", StringComparison.Ordinal));

        var page = await app.Admin.GetJsonAsync($"/admin/promotions/{id}/codes?limit=20&batchId={batch.Str("batchId")}");
        Assert.Equal(20, page.Arr("items").Count);
        Assert.NotNull(page["nextCursor"]);
        await (await app.Admin.GetAsync("/admin/promotions/promo_missing/codes")).ShouldBeProblemAsync(404, "not_found");
    }
}

public sealed class PromotionAdminOnSqlite(SqliteApp app) : PromotionAdminTests(app), IClassFixture<SqliteApp>;

public sealed class PromotionAdminOnPostgres(PostgresApp app) : PromotionAdminTests(app), IClassFixture<PostgresApp>;
