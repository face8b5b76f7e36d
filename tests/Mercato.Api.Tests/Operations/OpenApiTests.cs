using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Mercato.Api.Tests.Operations;

/// <summary>The OpenAPI document is valid and describes every route the app really maps, as the app maps it.</summary>
public abstract class OpenApiTests(MercatoApp app)
{
    [Fact]
    public async Task The_document_is_valid_openapi_without_a_key()
    {
        var response = await app.Anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var result = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(), "json");
        Assert.Empty(result.Diagnostic!.Errors);
        var document = result.Document!;
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.Equal("Mercato API", document.Info?.Title);
    }

    [Fact]
    public async Task Every_admin_and_store_route_is_documented_with_its_method()
    {
        var document = await DocumentAsync();

        var missing = RouteCatalog.Of(app).Where(r => Operation(document, r) is null).Select(r => r.ToString()).ToList();

        Assert.True(missing.Count == 0, "Not documented:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Every_documented_admin_and_store_operation_exists_in_the_app()
    {
        var document = await DocumentAsync();
        var routes = RouteCatalog.Of(app).Select(r => r.ToString()).ToHashSet();

        var extra = (from path in document.Paths
                     where path.Key.StartsWith("/admin/", StringComparison.Ordinal) || path.Key.StartsWith("/store/", StringComparison.Ordinal)
                     from operation in path.Value.Operations ?? []
                     let name = $"{operation.Key.Method} {path.Key}"
                     where !routes.Contains(name)
                     select name).ToList();

        Assert.True(extra.Count == 0, "Documented but not mapped:\n" + string.Join("\n", extra));
    }

    [Fact]
    public async Task Every_operation_has_a_unique_operation_id_a_summary_and_a_success_response()
    {
        var document = await DocumentAsync();
        var failures = new List<string>();
        var ids = new Dictionary<string, string>();

        foreach (var route in RouteCatalog.Of(app))
        {
            var operation = Operation(document, route);
            if (operation is null) continue;
            if (string.IsNullOrWhiteSpace(operation.OperationId)) failures.Add($"{route}: no operationId");
            else if (!ids.TryAdd(operation.OperationId, route.ToString())) failures.Add($"{route}: operationId {operation.OperationId} also on {ids[operation.OperationId]}");
            if (string.IsNullOrWhiteSpace(operation.Summary)) failures.Add($"{route}: no summary");
            if (operation.Responses is not { Count: > 0 } responses) failures.Add($"{route}: no responses");
            else if (!responses.Keys.Any(k => k.StartsWith('2'))) failures.Add($"{route}: no 2xx response");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_request_body_is_a_json_schema_with_exactly_the_fields_the_endpoint_accepts()
    {
        var document = await DocumentAsync();
        var failures = new List<string>();
        var checkedBodies = 0;

        foreach (var route in RouteCatalog.Of(app).Where(r => r.HasJsonBody))
        {
            var operation = Operation(document, route);
            if (operation is null) continue;
            var schema = operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var json) ? json.Schema : null;
            if (schema is null)
            {
                failures.Add($"{route}: no application/json request body schema");
                continue;
            }
            checkedBodies++;
            var documented = (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Keys.Order(StringComparer.Ordinal).ToList();
            var accepted = route.BodyType!.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
                .Order(StringComparer.Ordinal).ToList();
            if (!documented.SequenceEqual(accepted))
                failures.Add($"{route}: documents [{string.Join(", ", documented)}] but accepts [{string.Join(", ", accepted)}]");
        }

        Assert.True(checkedBodies > 0, "No request bodies were checked.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Write_operations_of_both_apis_have_a_request_body()
    {
        var document = await DocumentAsync();

        var withoutBody = RouteCatalog.Of(app).Where(r => r.IsWrite() && r.HasJsonBody)
            .Where(r => Operation(document, r)?.RequestBody is null).Select(r => r.ToString()).ToList();

        Assert.Contains(RouteCatalog.Of(app), r => r.ToString() == "POST /admin/products" && r.HasJsonBody);
        Assert.Empty(withoutBody);
    }

    [Fact]
    public async Task The_import_route_documents_its_raw_file_body_in_both_formats()
    {
        var document = await DocumentAsync();

        var body = Operation(document, RouteCatalog.Of(app).Single(r => r.ToString() == "POST /admin/imports"))!.RequestBody!;

        Assert.True(body.Required);
        Assert.Equal(["application/x-ndjson", "text/csv"], body.Content!.Keys.Order(StringComparer.Ordinal));
        Assert.All(body.Content.Values, media => Assert.True(media.Schema!.Type?.HasFlag(JsonSchemaType.String)));
    }

    [Fact]
    public async Task String_fields_are_typed_as_strings()
    {
        var document = await DocumentAsync();
        var route = RouteCatalog.Of(app).Single(r => r.ToString() == "POST /admin/regions");

        var schema = Operation(document, route)!.RequestBody!.Content!["application/json"].Schema!;

        Assert.True(schema.Properties!["name"].Type?.HasFlag(JsonSchemaType.String), "name is not a string");
        Assert.True(schema.Properties!["taxRateBasisPoints"].Type?.HasFlag(JsonSchemaType.Integer), "taxRateBasisPoints is not an integer");
    }

    [Fact]
    public async Task Both_key_schemes_are_documented_and_each_api_requires_its_own()
    {
        var document = await DocumentAsync();

        var schemes = document.Components!.SecuritySchemes!;
        Assert.Equal(SecuritySchemeType.Http, schemes["secretKey"].Type);
        Assert.Equal("bearer", schemes["secretKey"].Scheme);
        Assert.Equal(SecuritySchemeType.ApiKey, schemes["publishableKey"].Type);
        Assert.Equal(ParameterLocation.Header, schemes["publishableKey"].In);
        Assert.Equal("X-Publishable-Key", schemes["publishableKey"].Name);
        var failures = new List<string>();
        foreach (var route in RouteCatalog.Of(app))
        {
            var required = Operation(document, route)?.Security?.SelectMany(s => s.Keys).Select(k => k.Reference.Id).ToList() ?? [];
            var expected = route.IsAdmin ? "secretKey" : "publishableKey";
            if (required is not [var only] || only != expected) failures.Add($"{route}: requires [{string.Join(", ", required)}], not {expected}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_idempotency_key_header_is_documented_on_writes_and_required_where_the_endpoint_demands_it()
    {
        var document = await DocumentAsync();
        IOpenApiParameter? KeyOf(string route) => Operation(document, RouteCatalog.Of(app).Single(r => r.ToString() == route))!
            .Parameters?.SingleOrDefault(p => p.Name == "Idempotency-Key" && p.In == ParameterLocation.Header);

        var complete = KeyOf("POST /store/carts/{cartId}/complete");
        var createCart = KeyOf("POST /store/carts");
        var signIn = KeyOf("POST /store/auth/token");
        var read = KeyOf("GET /store/regions");

        Assert.NotNull(complete);
        Assert.True(complete.Required);
        Assert.True(complete.Schema!.Type?.HasFlag(JsonSchemaType.String));
        Assert.NotNull(createCart);
        Assert.False(createCart.Required);
        // Answers with tokens are never replayed, and reads are never idempotent-keyed: no header there.
        Assert.Null(signIn);
        Assert.Null(read);
    }

    [Fact]
    public async Task The_docs_page_is_html_that_loads_the_document()
    {
        var response = await app.Anonymous.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.Contains("scalar.js", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync("/docs/scalar.js")).StatusCode);
    }

    [Fact]
    public async Task The_root_redirects_to_the_docs()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        Assert.Equal("/docs", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task StorefrontClient_matches_the_server()
    {
        // The storefront's generated client (storefront/src/api/schema.d.ts) is built from this committed copy of the document.
        var committedPath = Path.Combine(RepositoryRoot(), "storefront", "openapi", "mercato.json");
        var served = JsonNode.Parse(await app.Anonymous.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(committedPath, TestContext.Current.CancellationToken))!.AsObject();
        // `servers` is the address the document was fetched from; the committed copy leaves it out.
        served.Remove("servers");
        committed.Remove("servers");

        Assert.True(JsonNode.DeepEquals(served, committed),
            "storefront/openapi/mercato.json is out of date with the server's OpenAPI document: run storefront/scripts/update-client.sh " +
            "(it refreshes openapi/mercato.json and regenerates src/api/schema.d.ts) and commit the result.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mercato.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Mercato.slnx above {AppContext.BaseDirectory}.");
    }

    private async Task<OpenApiDocument> DocumentAsync()
    {
        var json = await app.Anonymous.GetStringAsync("/openapi/v1.json");
        var result = OpenApiDocument.Parse(json, "json");
        Assert.Empty(result.Diagnostic!.Errors);
        return result.Document!;
    }

    private static OpenApiOperation? Operation(OpenApiDocument document, ApiRoute route) =>
        document.Paths.GetValueOrDefault(route.Pattern)?.Operations?.GetValueOrDefault(new HttpMethod(route.Method));
}

public sealed class OpenApiOnSqlite(SqliteApp app) : OpenApiTests(app), IClassFixture<SqliteApp>;

public sealed class OpenApiOnPostgres(PostgresApp app) : OpenApiTests(app), IClassFixture<PostgresApp>;
