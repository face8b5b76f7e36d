using System.Globalization;
using System.Text.Json;
using Mercato.Catalog.Transfer;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Admin.Imports;

public abstract class ProductImportTests(MercatoApp app)
{
    private static string Csv(params string[] rows) => string.Join("\n", [ImportTestData.CsvHeader, .. rows]) + "\n";

    [Fact]
    public async Task A_csv_import_creates_products_with_variants_prices_tags_and_categories_and_raises_created_events()
    {
        var category = await app.Given.CategoryAsync();
        var handle = Given.Unique("shirt");
        var sku = handle.ToUpperInvariant();

        var import = await app.ImportAsync(Csv(
            $"{handle},ERP-{handle},Linen Shirt,published,summer|linen,{category.Str("handle")},Size,S,{sku}-S,V-{handle}-S,Small,4900,4500",
            $"{handle},,,,,,,M,{sku}-M,,Medium,5100,"));

        Assert.Equal("succeeded", import.Str("status"));
        Assert.Equal((1, 0, 0, 0), import.Counts());
        Assert.Equal(2, import.Int("rowsProcessed"));
        var product = (await app.ProductByHandleAsync(handle))!;
        Assert.Equal("Linen Shirt", product.Str("title"));
        Assert.Equal("published", product.Str("status"));
        Assert.Equal($"ERP-{handle}", product.Str("externalId"));
        Assert.Equal(["linen", "summer"], product.Strings("tags"));
        Assert.Equal([category.Str("id")], product.Strings("categoryIds"));
        Assert.Equal([app.ChannelId], product.Strings("salesChannelIds"));
        var variants = product.Arr("variants");
        Assert.Equal([$"{sku}-S", $"{sku}-M"], variants.Select(v => v.Str("sku")));
        Assert.Equal($"V-{handle}-S", variants[0].Str("externalId"));
        Assert.Equal("M", variants[1]!["options"].Str("Size"));
        Assert.Equal([4500L, 4900L], variants[0].Arr("prices").Select(p => p.Long("amount")));
        Assert.Equal([5100L], variants[1].Arr("prices").Select(p => p.Long("amount")));
        Assert.Equal(["product.created"], await app.EventsOfAsync(product.Str("id")));
    }

    [Fact]
    public async Task A_csv_import_updates_by_external_id_then_sku_then_handle_and_raises_updated_events()
    {
        var byExternal = await app.Given.ProductAsync(b => b["externalId"] = Given.Unique("erp"));
        var bySku = await app.Given.ProductAsync();
        var byHandle = await app.Given.ProductAsync();
        string Row(JsonNode p, string title, string? newHandle = null, string? sku = null, string externalId = "") =>
            $"{newHandle ?? p.Str("handle")},{externalId},{title},,,,Size,{(sku is null ? "S" : "L")},{sku ?? p.Arr("variants")[0].Str("sku")},,,1999,1899";

        var import = await app.ImportAsync(Csv(
            // The handle changes: the product is found by its external id.
            Row(byExternal, "By external id", newHandle: Given.Unique("renamed"), externalId: byExternal.Str("externalId")),
            Row(bySku, "By SKU", newHandle: Given.Unique("moved")),
            // A new SKU, so only the handle matches: the variant is added.
            Row(byHandle, "By handle", sku: Given.Unique("NEW").ToUpperInvariant())));

        Assert.Equal((0, 3, 0, 0), import.Counts());
        foreach (var (p, title) in new[] { (byExternal, "By external id"), (bySku, "By SKU"), (byHandle, "By handle") })
        {
            var now = await app.Admin.GetJsonAsync($"/admin/products/{p.Str("id")}");
            Assert.Equal(title, now.Str("title"));
            Assert.Equal(2, now.Int("version"));
            Assert.Equal(["product.created", "product.updated"], await app.EventsOfAsync(p.Str("id")));
        }
        Assert.Equal(3, (await app.Admin.GetJsonAsync($"/admin/products/{byHandle.Str("id")}")).Arr("variants").Count);
    }

    [Fact]
    public async Task An_ndjson_import_creates_then_updates_by_handle_and_sets_stock_per_location()
    {
        var location = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "Main", externalId = Given.Unique("WH") });
        var other = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "Other" });
        var handle = Given.Unique("mug");
        var sku = handle.ToUpperInvariant();
        string Line(string title, int stock) => JsonSerializer.Serialize(new
        {
            handle, title, status = "draft", tags = new[] { "Kitchen" },
            variants = new[]
            {
                new
                {
                    sku, prices = new[] { new { amount = 1200, currency = "USD" } },
                    stock = new Dictionary<string, int> { [location.Str("externalId")] = stock, [other.Str("id")] = 3 },
                },
            },
        });

        var created = await app.ImportAsync(Line("Mug", 7) + "\n", "application/x-ndjson");
        var updated = await app.ImportAsync(Line("Big mug", 9) + "\n", "application/x-ndjson");

        Assert.Equal("succeeded", created.Str("status"));
        Assert.Equal((1, 0, 0, 0), created.Counts());
        Assert.Equal((0, 1, 0, 0), updated.Counts());
        var product = (await app.ProductByHandleAsync(handle))!;
        Assert.Equal("Big mug", product.Str("title"));
        Assert.Equal(["kitchen"], product.Strings("tags"));
        var levels = await app.Admin.GetJsonAsync($"/admin/inventory/{sku}/levels");
        Assert.Equal(9, levels.Arr("levels").Single(l => l.Str("locationId") == location.Str("id")).Int("onHand"));
        Assert.Equal(3, levels.Arr("levels").Single(l => l.Str("locationId") == other.Str("id")).Int("onHand"));
        Assert.Equal(["product.created", "product.updated"], await app.EventsOfAsync(product.Str("id")));
    }

    [Fact]
    public async Task A_dry_run_counts_what_would_change_and_changes_nothing()
    {
        var existing = await app.Given.ProductAsync();
        var handle = Given.Unique("dry");
        var before = await app.ProductCountAsync();

        var import = await app.ImportAsync(Csv(
            $"{handle},,New,,,,Size,S,{handle.ToUpperInvariant()},,,100,",
            $"{existing.Str("handle")},,Changed title,,,,Size,S,{existing.Arr("variants")[0].Str("sku")},,,1999,1899"), query: "?dryRun=true");

        Assert.Equal("succeeded", import.Str("status"));
        Assert.True(import["dryRun"]!.GetValue<bool>());
        Assert.Equal((1, 1, 0, 0), import.Counts());
        Assert.Equal(before, await app.ProductCountAsync());
        Assert.Null(await app.ProductByHandleAsync(handle));
        var now = await app.Admin.GetJsonAsync($"/admin/products/{existing.Str("id")}");
        Assert.Equal(existing.Str("title"), now.Str("title"));
        Assert.Equal(1, now.Int("version"));
        Assert.Equal(["product.created"], await app.EventsOfAsync(existing.Str("id")));
    }

    [Fact]
    public async Task A_nul_character_in_a_row_is_reported_on_its_field_and_the_other_rows_and_later_imports_succeed()
    {
        var (good, bad, later) = (Given.Unique("good"), Given.Unique("bad"), Given.Unique("later"));

        var import = await app.ImportAsync(Csv(
            $"{good},,Good,,,,Size,S,{good.ToUpperInvariant()},,,100,",
            $"{bad},,Nul\0title,,,,Size,S,{bad.ToUpperInvariant()},,,100,"));
        var next = await app.ImportAsync(Csv($"{later},,Later,,,,Size,S,{later.ToUpperInvariant()},,,100,"));

        Assert.Equal("succeeded", import.Str("status"));
        Assert.Equal((1, 0, 0, 1), import.Counts());
        Assert.Equal([(2, "title")], import.ErrorRows());
        Assert.NotNull(await app.ProductByHandleAsync(good));
        Assert.Null(await app.ProductByHandleAsync(bad));
        Assert.Equal("succeeded", next.Str("status"));
        Assert.NotNull(await app.ProductByHandleAsync(later));
    }

    [Fact]
    public async Task A_nul_character_in_an_ndjson_line_fails_that_line_only()
    {
        var (good, bad) = (Given.Unique("good"), Given.Unique("bad"));
        static string Line(string handle, string title) => JsonSerializer.Serialize(new
        {
            handle, title, variants = new[] { new { sku = handle.ToUpperInvariant(), prices = new[] { new { amount = 100, currency = "USD" } } } },
        });

        var import = await app.ImportAsync(Line(good, "Good") + "\n" + Line(bad, "Nul\0title") + "\n", "application/x-ndjson");

        Assert.Equal("succeeded", import.Str("status"));
        Assert.Equal((1, 0, 0, 1), import.Counts());
        Assert.Equal(2, import.ErrorRows().Single().Item1);
        Assert.NotNull(await app.ProductByHandleAsync(good));
        Assert.Null(await app.ProductByHandleAsync(bad));
    }

    [Fact]
    public async Task A_nul_character_in_a_csv_column_name_fails_the_file_with_the_name_shown_escaped()
    {
        var later = Given.Unique("later");

        var import = await app.ImportAsync(ImportTestData.CsvHeader + ",x\0y\n" + $"{Given.Unique("bad")},,Bad,,,,Size,S,B1,,,100,,1\n");
        var next = await app.ImportAsync(Csv($"{later},,Later,,,,Size,S,{later.ToUpperInvariant()},,,100,"));

        Assert.Equal("failed", import.Str("status"));
        var error = import.Arr("errors").Single()!;
        Assert.Contains("x\\u0000y", error.Str("message") + error.Str("field"), StringComparison.Ordinal);
        Assert.DoesNotContain("\0", error.Str("message") + error.Str("field"), StringComparison.Ordinal);
        Assert.Equal("succeeded", next.Str("status"));
        Assert.NotNull(await app.ProductByHandleAsync(later));
    }

    [Fact]
    public async Task A_nul_character_in_an_ndjson_property_name_fails_that_line_only()
    {
        var (good, bad) = (Given.Unique("good"), Given.Unique("bad"));
        static string Line(string handle) =>
            $$"""{"handle":"{{handle}}","title":"T","variants":[{"sku":"{{handle.ToUpperInvariant()}}","prices":[{"amount":100,"currency":"USD"}]}]}""";

        var import = await app.ImportAsync(Line(good) + "\n" + Line(bad).Replace("\"title\"", "\"ti\\u0000tle\"", StringComparison.Ordinal) + "\n",
            "application/x-ndjson");

        Assert.Equal("succeeded", import.Str("status"));
        Assert.Equal((1, 0, 0, 1), import.Counts());
        var error = import.Arr("errors").Single()!;
        Assert.Equal(2, error.Int("row"));
        Assert.DoesNotContain("\0", error.Str("message") + error.Str("field"), StringComparison.Ordinal);
        Assert.NotNull(await app.ProductByHandleAsync(good));
        Assert.Null(await app.ProductByHandleAsync(bad));
    }

    [Fact]
    public async Task Partial_mode_imports_the_good_rows_and_reports_the_bad_ones_with_row_and_field()
    {
        var (good1, good2) = (Given.Unique("good"), Given.Unique("good"));

        var import = await app.ImportAsync(Csv(
            $"{good1},,Good,,,,Size,S,{good1.ToUpperInvariant()},,,100,",
            $"{Given.Unique("bad")},,Bad price,,,,Size,S,{Given.Unique("B").ToUpperInvariant()},,,12.5x,",
            $"{Given.Unique("bad")},,Unknown category,,,no-such-category,Size,S,{Given.Unique("B").ToUpperInvariant()},,,100,",
            $"{good2},,Good,,,,Size,S,{good2.ToUpperInvariant()},,,100,",
            $"{Given.Unique("bad")},,Bad status,nope,,,Size,S,{Given.Unique("B").ToUpperInvariant()},,,100,"));

        Assert.Equal("succeeded", import.Str("status"));
        Assert.Equal((2, 0, 0, 3), import.Counts());
        Assert.Equal([(2, "price.USD"), (3, "categories"), (5, "status")], import.ErrorRows());
        Assert.NotNull(await app.ProductByHandleAsync(good1));
        Assert.NotNull(await app.ProductByHandleAsync(good2));

        var csv = await app.Admin.GetAsync($"/admin/imports/{import.Str("id")}/errors?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("row,field,message", lines[0]);
        Assert.Equal(["2,price.USD", "3,categories", "5,status"], lines[1..].Select(l => string.Join(',', l.Split(',')[..2])));
        var ndjson = await app.Admin.GetStringAsync($"/admin/imports/{import.Str("id")}/errors?format=ndjson");
        Assert.Equal(3, ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("no-such-category", JsonNode.Parse(ndjson.Split('\n')[1])!.Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_or_nothing_mode_imports_nothing_when_a_row_is_bad()
    {
        var good = Given.Unique("good");

        var import = await app.ImportAsync(Csv(
            $"{good},,Good,,,,Size,S,{good.ToUpperInvariant()},,,100,",
            $"{Given.Unique("bad")},,,,,,Size,S,{Given.Unique("B").ToUpperInvariant()},,,100,"), query: "?mode=all-or-nothing");

        Assert.Equal("failed", import.Str("status"));
        Assert.Equal("all-or-nothing", import.Str("mode"));
        Assert.Equal([(2, "title")], import.ErrorRows());
        Assert.Null(await app.ProductByHandleAsync(good));
    }

    [Fact]
    public async Task All_or_nothing_mode_imports_a_clean_file()
    {
        var good = Given.Unique("good");

        var import = await app.ImportAsync(Csv($"{good},,Good,,,,Size,S,{good.ToUpperInvariant()},,,100,"), query: "?mode=all-or-nothing");

        Assert.Equal("succeeded", import.Str("status"));
        Assert.Equal((1, 0, 0, 0), import.Counts());
        Assert.NotNull(await app.ProductByHandleAsync(good));
    }

    [Fact]
    public async Task An_all_or_nothing_import_broken_by_a_change_after_validation_stops_and_says_what_it_had_imported()
    {
        var category = await app.Given.CategoryAsync();
        var prefix = Given.Unique("race");
        var rows = Enumerable.Range(1, ImportJob.BatchRows + 1).Select(i =>
            $"{prefix}-{i},,Race {i},,,{(i == ImportJob.BatchRows + 1 ? category.Str("handle") : "")},Size,S,{prefix.ToUpperInvariant()}-{i},,,100,");
        var response = await app.PostImportAsync(Csv([.. rows]), "text/csv", "?mode=all-or-nothing");
        var id = (await response.ShouldSucceedAsync()).Str("id");
        // As if the worker had validated the file and stopped: the retry goes straight to the import pass.
        await using (var scope = app.Scope())
        {
            var import = await scope.ServiceProvider.GetRequiredService<MercatoDb>().Set<ProductImport>().SingleAsync(i => i.Id == id);
            (import.Status, import.Validating) = (ImportStatus.Running, false);
            await scope.ServiceProvider.GetRequiredService<MercatoDb>().SaveChangesAsync();
        }
        await (await app.Admin.DeleteAsync($"/admin/categories/{category.Str("id")}")).ShouldSucceedAsync();

        await app.RunJobsAsync();

        var done = await app.Admin.GetJsonAsync($"/admin/imports/{id}");
        Assert.Equal("failed", done.Str("status"));
        Assert.Contains($"rows 1 to {ImportJob.BatchRows}", done.Str("failureReason"), StringComparison.Ordinal);
        Assert.Equal([(ImportJob.BatchRows + 1, "categories")], done.ErrorRows());
        Assert.NotNull(await app.ProductByHandleAsync($"{prefix}-1"));
        Assert.Null(await app.ProductByHandleAsync($"{prefix}-{ImportJob.BatchRows + 1}"));
    }

    [Fact]
    public async Task A_sku_of_another_product_and_an_unknown_stock_location_are_row_errors()
    {
        // The SKUs belong to two different products, so neither is this one.
        var (one, two) = (await app.Given.ProductAsync(), await app.Given.ProductAsync());
        var handle = Given.Unique("clash");

        var import = await app.ImportAsync(
            "handle,title,option1.name,option1.value,variant.sku,stock.nowhere\n" +
            $"{handle},Clash,Size,S,{one.Arr("variants")[0].Str("sku")},\n" +
            $"{handle},,,M,{two.Arr("variants")[0].Str("sku")},\n" +
            $"{Given.Unique("stock")},Stock,,,{Given.Unique("S").ToUpperInvariant()},5\n");

        Assert.Equal([(1, "variant.sku"), (2, "variant.sku"), (3, "stock.nowhere")], import.ErrorRows());
        Assert.Equal((0, 0, 0, 2), import.Counts());
        Assert.Null(await app.ProductByHandleAsync(handle));
    }

    [Fact]
    public async Task An_export_imported_again_changes_nothing_in_either_format()
    {
        app.Clock.Advance(TimeSpan.FromDays(1));
        var since = app.Clock.GetUtcNow();
        var category = await app.Given.CategoryAsync();
        var location = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "Round trip", externalId = Given.Unique("RT") });
        var product = await app.Given.ProductAsync(b =>
        {
            b["description"] = "- a list item\n- =not a formula, \"quoted\"";
            b["categoryIds"] = new[] { category.Str("id") };
            b["externalId"] = Given.Unique("erp");
        });
        var plain = await app.Given.ProductAsync(b => { b.Remove("options"); b["variants"] = new[] { new { sku = Given.Unique("P").ToUpperInvariant() } }; });
        await app.Admin.PutAsJsonAsync($"/admin/inventory/{product.Arr("variants")[0].Str("sku")}/levels/{location.Str("id")}", new { onHand = 4 });
        var query = $"updatedSince={Uri.EscapeDataString(since.ToString("O"))}";

        foreach (var (format, contentType) in new[] { ("csv", "text/csv"), ("ndjson", "application/x-ndjson") })
        {
            var export = await app.Admin.GetAsync($"/admin/exports/products?format={format}&{query}");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var file = await export.Content.ReadAsStringAsync();
            Assert.Contains(product.Str("handle"), file, StringComparison.Ordinal);

            var import = await app.ImportAsync(file, contentType);

            Assert.Equal("succeeded", import.Str("status"));
            Assert.Equal(0, import.Int("errorCount"));
            Assert.Equal((0, 0, 2, 0), import.Counts());
        }
        Assert.Equal(1, (await app.Admin.GetJsonAsync($"/admin/products/{product.Str("id")}")).Int("version"));
        Assert.Equal(1, (await app.Admin.GetJsonAsync($"/admin/products/{plain.Str("id")}")).Int("version"));
        Assert.Equal(["product.created"], await app.EventsOfAsync(product.Str("id")));
    }

    [Fact]
    public async Task The_gift_card_flag_is_imported_exported_and_left_alone_when_absent()
    {
        var handle = Given.Unique("gift");
        var sku = Given.Unique("GC").ToUpperInvariant();
        var externalId = Given.Unique("erp-gift");
        var created = await app.ImportAsync(
            $"handle,externalId,title,status,giftCard,variant.sku,variant.manageInventory,price.USD\n{handle},{externalId},Gift card,published,true,{sku},false,2500\n",
            "text/csv");
        Assert.Equal("succeeded", created.Str("status"));
        var id = (await app.Admin.GetJsonAsync($"/admin/products?externalId={externalId}")).Arr("items").Single()!.Str("id");
        Assert.True((await app.Admin.GetJsonAsync($"/admin/products/{id}"))["giftCard"]!.GetValue<bool>());

        // A file without the column keeps the flag; the export writes it in both formats.
        await app.ImportAsync($"handle,title,variant.sku\n{handle},Gift card (renamed),{sku}\n", "text/csv");
        var product = await app.Admin.GetJsonAsync($"/admin/products/{id}");
        Assert.True(product["giftCard"]!.GetValue<bool>());
        var since = Uri.EscapeDataString(DateTimeOffset.Parse(product.Str("updatedAt"), CultureInfo.InvariantCulture).AddSeconds(-1).ToString("O"));
        var csv = (await app.Admin.GetStringAsync($"/admin/exports/products?format=csv&updatedSince={since}")).Split('\n');
        var column = Array.IndexOf(csv[0].Trim().Split(','), "giftCard");
        Assert.True(column >= 0);
        Assert.Equal("true", csv.Single(l => l.StartsWith(handle + ",", StringComparison.Ordinal)).Split(',')[column]);
        var line = (await app.Admin.GetStringAsync($"/admin/exports/products?updatedSince={since}")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonNode.Parse(l)!).Single(l => l.Str("handle") == handle);
        Assert.True(line["giftCard"]!.GetValue<bool>());

        await app.ImportAsync(JsonSerializer.Serialize(new { handle, giftCard = false, variants = new[] { new { sku } } }) + "\n",
            "application/x-ndjson");
        Assert.False((await app.Admin.GetJsonAsync($"/admin/products/{id}"))["giftCard"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_export_filters_by_updated_since_and_writes_prices_and_stock_columns()
    {
        var old = await app.Given.ProductAsync();
        app.Clock.Advance(TimeSpan.FromHours(1));
        var since = app.Clock.GetUtcNow();
        var recent = await app.Given.ProductAsync();

        var csv = await app.Admin.GetStringAsync($"/admin/exports/products?format=csv&updatedSince={Uri.EscapeDataString(since.ToString("O"))}");
        var ndjson = await app.Admin.GetStringAsync($"/admin/exports/products?updatedSince={Uri.EscapeDataString(since.ToString("O"))}");

        var header = csv.Split('\n')[0].Trim().Split(',');
        Assert.Contains("price.USD", header);
        Assert.Contains("variant.sku", header);
        Assert.Contains(recent.Str("handle"), csv, StringComparison.Ordinal);
        Assert.DoesNotContain(old.Str("handle"), csv, StringComparison.Ordinal);
        var lines = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal([recent.Str("handle")], lines.Select(l => l.Str("handle")));
        Assert.Equal(1999, lines[0].Arr("variants")[0].Arr("prices").Single(p => p.Str("currency") == "USD").Long("amount"));
    }

    [Fact]
    public async Task An_unsupported_content_type_is_415_and_an_empty_file_is_400()
    {
        await (await app.PostImportAsync("{}", "application/json")).ShouldBeProblemAsync(415, "unsupported_media_type");
        await (await app.PostImportAsync("", "text/csv")).ShouldBeProblemAsync(400, "empty_file");
        await (await app.PostImportAsync("handle\n", "text/csv", "?mode=some")).ShouldBeProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task A_file_larger_than_the_global_body_limit_is_accepted()
    {
        // The tests' global limit is 256 KiB; imports have their own (256 MB by default).
        var handle = Given.Unique("big");
        var description = new string('x', 19_000);
        var rows = Enumerable.Range(0, 20).Select(i => $"{handle}-{i},,Big {i},,,,,,{handle.ToUpperInvariant()}-{i},,,100,").ToList();
        var body = "handle,externalId,title,status,tags,categories,option1.name,option1.value,variant.sku,variant.externalId,variant.title,price.USD,description\n"
            + string.Join("\n", rows.Select(r => r + description));
        Assert.True(body.Length > 262_144);

        var import = await app.ImportAsync(body);

        Assert.Equal((20, 0, 0, 0), import.Counts());
    }

    [Fact]
    public async Task A_malformed_header_fails_the_import_with_errors_on_row_0()
    {
        var import = await app.ImportAsync("handle,title,colour\nx,y,z\n");

        Assert.Equal("failed", import.Str("status"));
        Assert.Contains((0, "colour"), import.ErrorRows());
        Assert.Contains((0, "variant.sku"), import.ErrorRows());
    }

    [Fact]
    public async Task Imports_are_listed_newest_first()
    {
        var first = await app.ImportAsync(Csv($"{Given.Unique("l")},,L,,,,Size,S,{Given.Unique("L").ToUpperInvariant()},,,1,"));
        var second = await app.ImportAsync(Csv($"{Given.Unique("l")},,L,,,,Size,S,{Given.Unique("L").ToUpperInvariant()},,,1,"));

        var list = await app.Admin.GetJsonAsync("/admin/imports?limit=2");

        Assert.Equal([second.Str("id"), first.Str("id")], list.Arr("items").Select(i => i.Str("id")));
        Assert.Equal("text/csv", list.Arr("items")[0].Str("contentType"));
    }
}

public sealed class ProductImportOnSqlite(SqliteApp app) : ProductImportTests(app), IClassFixture<SqliteApp>;

public sealed class ProductImportOnPostgres(PostgresApp app) : ProductImportTests(app), IClassFixture<PostgresApp>;
