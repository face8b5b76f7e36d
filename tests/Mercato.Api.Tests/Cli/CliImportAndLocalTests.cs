using System.Net.Http.Headers;
using System.Text;
using Mercato.Api;
using Microsoft.Data.Sqlite;

namespace Mercato.Api.Tests.Cli;

/// <summary>
/// <c>mercato import</c> against the import contract (<c>POST /admin/imports?dryRun=&amp;mode=</c> with the raw file, 202 with
/// the job; <c>GET /admin/imports/{id}</c> until it ends), played by a stub server; and the local commands.
/// </summary>
public sealed class CliImportAndLocalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mercato-cli-").FullName;

    [Fact]
    public async Task Import_uploads_the_raw_file_polls_the_job_and_exits_1_when_rows_failed()
    {
        var file = Path.Combine(_folder, "products.csv");
        await File.WriteAllTextAsync(file, "handle,title,sku\nlinen-shirt,Linen Shirt,LS-1\nmug,Mug,MUG-1\nbad,,\n");
        var server = new ImportStub(
            """{"id":"imp_1","status":"queued","rowsProcessed":0,"counts":{"created":0,"updated":0,"unchanged":0,"failed":0},"errors":[]}""",
            """{"id":"imp_1","status":"running","rowsProcessed":2,"counts":{"created":1,"updated":0,"unchanged":0,"failed":0},"errors":[]}""",
            """{"id":"imp_1","status":"succeeded","rowsProcessed":3,"counts":{"created":2,"updated":0,"unchanged":0,"failed":1},"errors":[{"row":3,"field":"title","message":"Required."}]}""");
        var polls = 0;
        var cli = new CliRunner(_ => new HttpClient(server) { BaseAddress = new Uri("http://mercato.test") }, _ =>
        {
            polls++;
            return Task.CompletedTask;
        });

        var exit = await cli.RunAsync(CliRunner.Remote("import", file, "--mode", "all-or-nothing"));

        Assert.Equal(1, exit);
        var upload = server.Requests[0];
        Assert.Equal(HttpMethod.Post, upload.Method);
        Assert.Equal("/admin/imports?dryRun=false&mode=all-or-nothing", upload.Uri.PathAndQuery);
        Assert.Equal("text/csv", upload.ContentType);
        Assert.Equal(await File.ReadAllTextAsync(file), upload.Body);
        Assert.Equal($"Bearer {MercatoApp.AdminKey}", upload.Authorization);
        Assert.Equal(["/admin/imports/imp_1", "/admin/imports/imp_1"], server.Requests.Skip(1).Select(r => r.Uri.AbsolutePath));
        Assert.Equal(2, polls);
        Assert.Contains("Required.", cli.Output, StringComparison.Ordinal);
        Assert.Contains("title", cli.Output, StringComparison.Ordinal);
        Assert.Contains("succeeded", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_dry_run_of_an_ndjson_file_exits_0_and_an_unknown_file_type_exits_2()
    {
        var file = Path.Combine(_folder, "products.ndjson");
        await File.WriteAllTextAsync(file, """{"handle":"mug","title":"Mug"}""" + "\n");
        var server = new ImportStub(
            """{"id":"imp_2","status":"succeeded","rowsProcessed":1,"counts":{"created":0,"updated":1,"unchanged":0,"failed":0},"errors":[]}""");
        var cli = new CliRunner(_ => new HttpClient(server) { BaseAddress = new Uri("http://mercato.test") });
        var other = Path.Combine(_folder, "products.xlsx");
        await File.WriteAllTextAsync(other, "x");

        var exit = await cli.RunAsync(CliRunner.Remote("import", file, "--dry-run"));
        var unknown = await new CliRunner(_ => throw new InvalidOperationException("no request expected")).RunAsync(CliRunner.Remote("import", other));

        Assert.Equal(0, exit);
        var upload = Assert.Single(server.Requests);
        Assert.Equal("/admin/imports?dryRun=true&mode=partial", upload.Uri.PathAndQuery);
        Assert.Equal("application/x-ndjson", upload.ContentType);
        Assert.Contains("dry run", cli.Output, StringComparison.Ordinal);
        Assert.Equal(2, unknown);
    }

    [Fact]
    public async Task An_import_the_server_refuses_exits_1_with_the_problem()
    {
        var file = Path.Combine(_folder, "products.csv");
        await File.WriteAllTextAsync(file, "handle\n");
        var server = new ImportStub { Refusal = """{"status":403,"code":"forbidden","detail":"The key lacks catalog:write."}""" };
        var cli = new CliRunner(_ => new HttpClient(server) { BaseAddress = new Uri("http://mercato.test") });

        var exit = await cli.RunAsync(CliRunner.Remote("import", file));

        Assert.Equal(1, exit);
        Assert.Contains("403 forbidden", cli.Output, StringComparison.Ordinal);
        Assert.Contains("catalog:write", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_commands_pass_the_connection_and_provider_to_the_servers_host()
    {
        var calls = new List<string[]>();
        var cli = new CliRunner(_ => throw new InvalidOperationException(), local: args =>
        {
            calls.Add(args);
            return Task.FromResult(0);
        });

        Assert.Equal(0, await cli.RunAsync("migrate", "--connection", "Host=db;Database=shop", "--provider", "postgres"));
        Assert.Equal(0, await cli.RunAsync("seed", "synthetic", "--products", "250"));
        Assert.Equal(0, await cli.RunAsync("seed"));
        Assert.Equal(0, await cli.RunAsync("invite-owner", "owner@example.com"));

        Assert.Equal(["migrate", "--ConnectionStrings:Mercato=Host=db;Database=shop", "--Mercato:Database:Provider=postgres"], calls[0]);
        Assert.Equal(["seed", "synthetic", "--products", "250"], calls[1]);
        Assert.Equal(["seed", "demo"], calls[2]);
        Assert.Equal(["invite-owner", "owner@example.com"], calls[3]);
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
    }

    private sealed record SeenRequest(HttpMethod Method, Uri Uri, string? ContentType, string Body, string? Authorization);

    /// <summary>Answers the upload with the first job state and each poll with the next one (the last repeats).</summary>
    private sealed class ImportStub(params string[] states) : HttpMessageHandler
    {
        private int _next;

        public List<SeenRequest> Requests { get; } = [];

        public string? Refusal { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new SeenRequest(request.Method, request.RequestUri!, request.Content?.Headers.ContentType?.MediaType, body,
                request.Headers.Authorization?.ToString()));
            if (Refusal is not null)
                return new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = Json(Refusal, "application/problem+json") };
            var state = states[Math.Min(_next++, states.Length - 1)];
            return new HttpResponseMessage(request.Method == HttpMethod.Post ? HttpStatusCode.Accepted : HttpStatusCode.OK) { Content = Json(state) };
        }

        private static StringContent Json(string text, string type = "application/json") =>
            new(text, Encoding.UTF8, new MediaTypeHeaderValue(type));
    }
}

[CollectionDefinition(nameof(ServerCommandTests), DisableParallelization = true)]
public sealed class ServerCommandCollection;

/// <summary>
/// The server's own maintenance commands, which the CLI's local commands run. Not in parallel: building a second host
/// while test servers start would be needless noise for WebApplicationFactory's host interception.
/// </summary>
[Collection(nameof(ServerCommandTests))]
public sealed class ServerCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mercato-cli-").FullName;

    [Fact]
    public async Task Migrate_creates_the_schema_of_a_new_sqlite_database_without_seeding_it()
    {
        var path = Path.Combine(_folder, "new.db");

        var exit = await ServerCommands.RunAsync(["migrate", $"--ConnectionStrings:Mercato=Data Source={path}", "--Mercato:Database:Provider=sqlite"]);

        Assert.Equal(0, exit);
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var tables = new SqliteCommand("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'orders_order'", connection);
        Assert.Equal(1L, await tables.ExecuteScalarAsync());
        await using var products = new SqliteCommand("SELECT count(*) FROM catalog_product", connection);
        Assert.Equal(0L, await products.ExecuteScalarAsync());
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Generate_catalog_bulk_loads_products_into_one_sqlite_file()
    {
        var path = Path.Combine(_folder, "generated.db");
        string[] settings = [$"--ConnectionStrings:Mercato=Data Source={path}", "--Mercato:Database:Provider=sqlite", "--Mercato:Seed=demo"];

        var exit = await ServerCommands.RunAsync(["generate-catalog", "--products", "40", .. settings]);

        Assert.Equal(0, exit);
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var products = new SqliteCommand("SELECT count(*) FROM catalog_product WHERE handle LIKE 'gen-%'", connection);
            Assert.Equal(40L, await products.ExecuteScalarAsync());
        }
        // Everything is in the database file: the write-ahead log was checkpointed and truncated.
        Assert.True(new FileInfo(path + "-wal") is { Exists: false } or { Length: 0 }, $"{new FileInfo(path + "-wal").Length} bytes of WAL left");
        // A second run refuses to generate into a database that holds a generated catalog.
        Assert.Equal(1, await ServerCommands.RunAsync(["generate-catalog", "--products", "40", .. settings]));
        SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
