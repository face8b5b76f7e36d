using System.Collections;
using System.Text;
using System.Text.RegularExpressions;

namespace Mercato.Api.Tests.Operations;

/// <summary>
/// STYLE.md B3 "Proof": malformed bodies of every kind go to every admin route that takes a JSON body (read from the
/// app's EndpointDataSource, with ids of real resources so the route exists). Each answer must be a 4xx problem with a
/// code, and no admin list may change.
/// </summary>
public abstract partial class MalformedInputTests(MercatoApp app)
{
    private const int OverLimitBytes = 300 * 1024;

    public static TheoryData<string> Cases =>
    [
        "invalid_json", "array_instead_of_object", "wrong_types", "unknown_field", "huge_number", "negative_number",
        "unknown_enum", "over_long_string", "nul_character", "deep_nesting", "empty_body", "null_body", "not_json_media_type",
        "oversized_body", "oversized_chunked_body",
    ];

    [Fact]
    public void Every_admin_write_route_with_a_body_is_covered()
    {
        var covered = WriteRoutes().Select(r => r.ToString()).ToList();

        Assert.Contains("POST /admin/products", covered);
        Assert.Contains("PATCH /admin/products/{id}", covered);
        Assert.Contains("PATCH /admin/products/{productId}/variants/{variantId}", covered);
        Assert.Contains("POST /admin/api-keys", covered);
        Assert.Contains("PATCH /admin/regions/{id}", covered);
        Assert.Contains("POST /admin/sales-channels/{id}/publishable-keys", covered);
        Assert.Contains("PATCH /admin/stock-locations/{id}", covered);
        Assert.Contains("PATCH /admin/tax-classes/{id}", covered);
        Assert.Contains("PATCH /admin/shipping-options/{id}", covered);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_body_is_a_4xx_problem_and_changes_nothing(string kind)
    {
        var ids = await RealResourcesAsync();
        var before = await SnapshotAsync();
        var failures = new List<string>();
        var sent = 0;

        foreach (var route in WriteRoutes())
        {
            var url = route.Url(ids.GetValueOrDefault);
            foreach (var (label, request) in Requests(kind, route, url))
            {
                sent++;
                using (request)
                {
                    var response = await app.Admin.SendAsync(request);
                    var problem = await CheckAsync(response, kind);
                    if (problem is not null) failures.Add($"{route} {label}: {problem}");
                }
                if (await SnapshotAsync() != before)
                {
                    failures.Add($"{route} {label}: changed the data");
                    before = await SnapshotAsync();
                }
            }
        }

        Assert.True(sent > 0, "Nothing was sent.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Validation_error_keys_are_camel_case_json_paths()
    {
        var response = await app.Admin.PostAsJsonAsync("/admin/products", new
        {
            title = "", handle = "Not A Handle",
            options = new[] { new { name = "Size", values = new[] { "S" } } },
            variants = new[]
            {
                new { sku = "CASE-1", options = new Dictionary<string, string> { ["Size"] = "S" }, weightGrams = -1,
                    prices = new[] { new { amount = -1L, currency = "USD" }, new { amount = 100L, currency = "XXX" } } },
            },
            tags = new[] { new string('t', 100) },
        });

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        var keys = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("variants[0].prices[0].amount", keys);
        Assert.Contains("variants[0].prices[1].currency", keys);
        Assert.Contains("variants[0].weightGrams", keys);
        Assert.Contains("tags[0]", keys);
        Assert.Contains("title", keys);
        Assert.Contains("handle", keys);
        Assert.All(keys, key => Assert.Matches(JsonPath(), key));
    }

    [Fact]
    public async Task An_unknown_field_deep_inside_a_body_is_400_unknown_field_naming_its_path()
    {
        var body = Given.ProductBody();
        body["variants"] = new[] { new { sku = Given.Unique("deep"), prices = new[] { new { amount = 100, currency = "USD", zzzUnknown = 1 } } } };
        var before = await SnapshotAsync();

        var response = await app.Admin.PostAsJsonAsync("/admin/products", body);

        var problem = await response.ShouldBeProblemAsync(400, "unknown_field");
        Assert.Contains("variants[0].prices[0].zzzUnknown", problem.Str("detail"));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("""{"title":"x","status":"sold"}""")]
    [InlineData("""{"title":"x","status":1}""")]
    [InlineData("""{"title":"x","variants":[{"sku":"HUGE","prices":[{"amount":1e400,"currency":"USD"}]}]}""")]
    [InlineData("""{"title":"x","variants":[{"sku":"HUGE","prices":[{"amount":99999999999999999999,"currency":"USD"}]}]}""")]
    [InlineData("""{"title":"x","variants":[{"sku":"HUGE","prices":[{"amount":19.99,"currency":"USD"}]}]}""")]
    [InlineData("""{"title":"x","variants":[{"sku":"HUGE","prices":[{"amount":"1999","currency":"USD"}]}]}""")]
    public async Task A_product_with_a_bad_enum_or_number_is_400_malformed_request_and_creates_nothing(string body)
    {
        var before = await SnapshotAsync();

        var response = await app.Admin.SendRawAsync(HttpMethod.Post, "/admin/products", body);

        await response.ShouldBeProblemAsync(400, "malformed_request");
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_price_above_the_maximum_is_a_validation_error_on_its_path()
    {
        var body = Given.ProductBody();
        body["variants"] = new[] { new { sku = Given.Unique("max"), prices = new[] { new { amount = long.MaxValue, currency = "USD" } } } };

        var response = await app.Admin.PostAsJsonAsync("/admin/products", body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(problem["errors"]?["variants[0].prices[0].amount"]);
    }

    /// <summary>The admin routes that take a JSON body: every POST, PATCH and PUT the app maps.</summary>
    private IEnumerable<ApiRoute> WriteRoutes() => RouteCatalog.Of(app).Where(r => r.IsAdmin && r.IsWrite() && r.HasJsonBody);

    /// <summary>One real resource of each kind, keyed by the collection segment that precedes its id in routes.</summary>
    private async Task<Dictionary<string, string>> RealResourcesAsync()
    {
        var product = await app.Given.ProductAsync();
        var variant = product.Arr("variants")[0]!;
        var channel = await app.Admin.PostJsonAsync("/admin/sales-channels", new { name = "Malformed target" });
        var location = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "Malformed target" });
        return new Dictionary<string, string>
        {
            ["products"] = product.Str("id"),
            ["variants"] = variant.Str("id"),
            ["inventory"] = variant.Str("sku"),
            ["categories"] = (await app.Given.CategoryAsync()).Str("id"),
            ["collections"] = (await app.Given.CollectionAsync()).Str("id"),
            ["attributes"] = (await app.Admin.PostJsonAsync("/admin/attributes",
                new { key = "m" + Guid.NewGuid().ToString("N")[..12], name = "Material", type = "enum", values = new[] { "wool" } })).Str("id"),
            ["regions"] = (await app.Admin.PostJsonAsync("/admin/regions", new { name = "Malformed target", currency = "USD" })).Str("id"),
            ["sales-channels"] = channel.Str("id"),
            ["publishable-keys"] = channel.Arr("publishableKeys")[0].Str("id"),
            ["stock-locations"] = location.Str("id"),
            ["levels"] = location.Str("id"),
            ["locations"] = location.Str("id"),
            ["tax-classes"] = (await app.Admin.PostJsonAsync("/admin/tax-classes", new { name = "Malformed target", code = "m" + Guid.NewGuid().ToString("N")[..12] })).Str("id"),
            ["shipping-options"] = (await app.Admin.PostJsonAsync("/admin/shipping-options",
                new { regionId = app.UsRegionId, name = "Malformed target", pricingType = "flat", amount = 100 })).Str("id"),
            ["api-keys"] = (await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "Malformed target" }))["key"].Str("id"),
        };
    }

    /// <summary>The malformed requests of one kind for one route; reflective kinds send one request per body property.</summary>
    private static IEnumerable<(string Label, HttpRequestMessage Request)> Requests(string kind, ApiRoute route, string url)
    {
        var properties = BodyProperties(route.BodyType!);
        HttpRequestMessage Json(string body, string contentType = "application/json") =>
            new(new HttpMethod(route.Method), url) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        (string, HttpRequestMessage) Field(BodyProperty p, string json) => ($"{p.Name}={Shorten(json)}", Json($"{{\"{p.Name}\":{json}}}"));

        switch (kind)
        {
            case "invalid_json":
                yield return ("{\"title\":", Json("""{"title":"""));
                yield return ("{", Json("{"));
                yield return ("{'title':'x'}", Json("{'title':'x'}"));
                yield return ("not json", Json("title=x"));
                yield return ("two objects", Json("{}{}"));
                yield return ("trailing comma", Json("""{"title":"x",}"""));
                yield break;
            case "array_instead_of_object":
                yield return ("[]", Json("[]"));
                yield return ("[{...}]", Json("""[{"title":"x","name":"x"}]"""));
                yield return ("\"text\"", Json("\"text\""));
                yield return ("42", Json("42"));
                yield break;
            case "wrong_types":
                yield return ("{title:123,name:123}", Json("""{"title":123,"name":123}"""));
                foreach (var p in properties.Where(p => p.WrongValue is not null)) yield return Field(p, p.WrongValue!);
                yield break;
            case "unknown_field":
                yield return ("{zzzUnknown:1}", Json("""{"zzzUnknown":1}"""));
                yield break;
            case "huge_number":
                yield return ("{amount:1e400}", Json("""{"amount":1e400}"""));
                foreach (var p in properties.Where(p => p.Kind == BodyKind.Number))
                {
                    yield return Field(p, "1e400");
                    yield return Field(p, "-1e400");
                    yield return Field(p, "99999999999999999999999");
                    yield return Field(p, "-99999999999999999999999");
                }
                yield break;
            case "negative_number":
                foreach (var p in properties.Where(p => p.Kind == BodyKind.Number)) yield return Field(p, "-1");
                yield break;
            case "unknown_enum":
                if (route.Pattern == "/admin/products") yield return ("status=sold", Json("""{"title":"x","status":"sold"}"""));
                foreach (var p in properties.Where(p => p.Kind == BodyKind.Enum))
                {
                    yield return Field(p, "\"zzz_not_a_value\"");
                    yield return Field(p, "\"\"");
                    yield return Field(p, "0");
                }
                yield break;
            case "over_long_string":
                foreach (var p in properties.Where(p => p.Kind == BodyKind.String)) yield return Field(p, $"\"{new string('a', 100_000)}\"");
                yield break;
            case "nul_character":
                foreach (var p in properties.Where(p => p.Kind == BodyKind.String)) yield return Field(p, "\"a\\u0000b\"");
                yield break;
            case "deep_nesting":
                yield return ("64 levels", Json("{\"title\":" + new string('[', 64) + new string(']', 64) + "}"));
                yield break;
            case "empty_body":
                yield return ("no bytes", Json(""));
                yield break;
            case "null_body":
                yield return ("null", Json("null"));
                yield break;
            case "not_json_media_type":
                yield return ("text/plain", Json("""{"title":"x","name":"x"}""", "text/plain"));
                yield return ("form", Json("title=x&name=x", "application/x-www-form-urlencoded"));
                yield break;
            case "oversized_body":
                yield return ("300 KB", Json(Oversized()));
                yield break;
            case "oversized_chunked_body":
                var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(Oversized())));
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                yield return ("300 KB chunked", new HttpRequestMessage(new HttpMethod(route.Method), url) { Content = content });
                yield break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>Null when the answer is right for this kind; otherwise what was wrong with it.</summary>
    private static async Task<string?> CheckAsync(HttpResponseMessage response, string kind)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var summary = $"{status} {Shorten(text, 300)}";
        if (status is < 400 or >= 500) return "not a 4xx: " + summary;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return "not problem+json: " + summary;
        var problem = JsonNode.Parse(text)!;
        var code = problem["code"]?.GetValue<string>();
        if (string.IsNullOrEmpty(code)) return "no code: " + summary;
        // A broken body may be reported at its first unknown field before the parser reaches the break.
        string[]? expected = kind switch
        {
            "unknown_field" => ["400 unknown_field"],
            "invalid_json" => ["400 malformed_request", "400 unknown_field"],
            "array_instead_of_object" or "nul_character" => ["400 malformed_request"],
            "oversized_body" or "oversized_chunked_body" => ["413 payload_too_large"],
            "not_json_media_type" => ["415 unsupported_media_type"],
            _ => null,
        };
        if (expected is not null && !expected.Contains($"{status} {code}")) return $"expected {string.Join(" or ", expected)}: " + summary;
        if (problem["errors"] is JsonObject errors && errors.Select(x => x.Key).FirstOrDefault(k => !JsonPath().IsMatch(k)) is { } badKey)
            return $"error key '{badKey}' is not a camelCase JSON path: " + summary;
        return null;
    }

    /// <summary>Every admin list, fully paged, without the fields that change by merely calling the API.</summary>
    private async Task<string> SnapshotAsync()
    {
        var snapshot = new StringBuilder();
        foreach (var list in RouteCatalog.Of(app).Where(r => r.IsAdmin && r.Method == "GET" && r.Parameters.Count == 0))
        {
            if (list.Pattern.StartsWith("/admin/exports/", StringComparison.Ordinal))
            {
                // Exports are files (NDJSON by default), not pages: the whole file is the snapshot.
                snapshot.Append(list.Pattern).Append(' ').Append(await app.Admin.GetStringAsync(list.Pattern)).Append('\n');
                continue;
            }
            string? cursor = null;
            do
            {
                var text = await app.Admin.GetStringAsync(list.Pattern + "?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
                var node = JsonNode.Parse(text)!;
                Strip(node, "lastUsedAt");
                snapshot.Append(list.Pattern).Append(' ').Append(node["items"]?.ToJsonString() ?? node.ToJsonString()).Append('\n');
                cursor = node["nextCursor"]?.GetValue<string>();
            }
            while (cursor is not null);
        }
        return snapshot.ToString();
    }

    private static void Strip(JsonNode? node, string property)
    {
        switch (node)
        {
            case JsonObject o:
                o.Remove(property);
                foreach (var (_, child) in o) Strip(child, property);
                break;
            case JsonArray a:
                foreach (var child in a) Strip(child, property);
                break;
        }
    }

    private static string Oversized() => "{\"title\":\"" + new string('a', OverLimitBytes) + "\",\"name\":\"x\"}";

    private static string Shorten(string text, int max = 40) => text.Length <= max ? text : text[..max] + "…";

    private enum BodyKind
    {
        String,
        Number,
        Bool,
        Enum,
        Date,
        Array,
        Object,
        Any,
    }

    private sealed record BodyProperty(string Name, BodyKind Kind)
    {
        /// <summary>A JSON value of the wrong kind for this property (null when anything is accepted).</summary>
        public string? WrongValue => Kind switch
        {
            BodyKind.String => "123",
            BodyKind.Number => "\"12\"",
            BodyKind.Bool => "\"yes\"",
            BodyKind.Enum => "7",
            BodyKind.Date => "true",
            BodyKind.Array => "\"x\"",
            BodyKind.Object => "[1]",
            _ => null,
        };
    }

    private static List<BodyProperty> BodyProperties(Type type) =>
        [.. type.GetProperties().Where(p => p.CanRead).Select(p => new BodyProperty(JsonNamingPolicy.CamelCase.ConvertName(p.Name), KindOf(p.PropertyType)))];

    private static BodyKind KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return BodyKind.String;
        if (type.IsEnum) return BodyKind.Enum;
        if (type == typeof(bool)) return BodyKind.Bool;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return BodyKind.Date;
        if (type == typeof(JsonElement) || type == typeof(JsonNode) || type == typeof(object)) return BodyKind.Any;
        if (Type.GetTypeCode(type) is >= TypeCode.SByte and <= TypeCode.Decimal) return BodyKind.Number;
        if (type.GetInterfaces().Append(type).Any(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))))
            return BodyKind.Object;
        if (typeof(IEnumerable).IsAssignableFrom(type)) return BodyKind.Array;
        return BodyKind.Object;
    }

    /// <summary>camelCase names with optional indexes, joined by dots: <c>variants[0].prices[0].amount</c>.</summary>
    [GeneratedRegex(@"^[a-z][A-Za-z0-9]*(\[[0-9]+\])*(\.[a-z][A-Za-z0-9]*(\[[0-9]+\])*)*$")]
    private static partial Regex JsonPath();

    /// <summary>A body whose length the client does not announce, so the server must count bytes as they arrive.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}

public sealed class MalformedInputOnSqlite(SqliteApp app) : MalformedInputTests(app), IClassFixture<SqliteApp>;

public sealed class MalformedInputOnPostgres(PostgresApp app) : MalformedInputTests(app), IClassFixture<PostgresApp>;
