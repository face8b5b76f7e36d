using System.Text.RegularExpressions;
using Mercato.Api.Tests.Admin.Exports;
using Mercato.Api.Tests.Admin.Imports;
using Mercato.Api.Tests.Admin.Orders;
using Mercato.Api.Tests.Security;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Cli;

/// <summary>The <c>mercato</c> remote commands against the test server.</summary>
public abstract partial class CliTests(MercatoApp app) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mercato-cli-").FullName;

    private CliRunner Cli() => new(_ => app.CreateClient(), _ => app.RunJobsAsync());

    [Fact]
    public async Task Export_streams_orders_to_a_file()
    {
        var since = app.Clock.GetUtcNow();
        var placed = await app.PlaceSimpleAsync(unitPrice: 1234, quantity: 3);
        var file = Path.Combine(_folder, "orders.csv");
        var cli = Cli();

        var exit = await cli.RunAsync(CliRunner.Remote("export", "orders", "--format", "csv", "--since", since.ToString("O"), "--out", file));

        Assert.Equal(0, exit);
        var rows = ExportTests.Parse(await File.ReadAllTextAsync(file));
        var header = rows[0];
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(placed.OrderId, row[Array.IndexOf(header, "orderId")]);
        Assert.Equal("3", row[Array.IndexOf(header, "quantity")]);
        Assert.Equal("1234", row[Array.IndexOf(header, "unitPrice")]);
        Assert.Contains("Wrote", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_as_ndjson_by_default_and_a_refused_export_exits_non_zero_with_the_problem()
    {
        var file = Path.Combine(_folder, "inventory.ndjson");
        var (catalogOnly, _) = await app.KeyAsync(scopes: ["catalog:read"]);
        var secret = catalogOnly.DefaultRequestHeaders.Authorization!.Parameter!;
        var allowed = Cli();
        var refused = Cli();

        var ok = await allowed.RunAsync(CliRunner.Remote("export", "inventory", "--out", file));
        var forbidden = await refused.RunAsync("export", "customers", "--url", "http://localhost", "--key", secret, "--out", Path.Combine(_folder, "c.ndjson"));
        var badSince = await Cli().RunAsync(CliRunner.Remote("export", "orders", "--since", "yesterday"));

        Assert.Equal(0, ok);
        Assert.True(File.Exists(file));
        Assert.Equal(1, forbidden);
        Assert.Contains("403 forbidden", refused.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "c.ndjson")));
        Assert.Equal(2, badSince);
    }

    [Fact]
    public async Task Import_sends_a_file_to_the_server_reports_its_bad_row_and_an_export_imported_again_changes_nothing()
    {
        var (shirt, mug, bad) = (Given.Unique("cli-shirt"), Given.Unique("cli-mug"), Given.Unique("cli-bad"));
        var file = Path.Combine(_folder, "products.csv");
        await File.WriteAllTextAsync(file, string.Join('\n',
            "handle,title,option1.name,option1.value,variant.sku,price.USD",
            $"{shirt},CLI Shirt,Size,S,{shirt.ToUpperInvariant()}-S,4900",
            $"{shirt},CLI Shirt,Size,M,{shirt.ToUpperInvariant()}-M,4900",
            $"{bad},Bad price,Size,S,{bad.ToUpperInvariant()},12.5x",
            $"{mug},CLI Mug,Size,One,{mug.ToUpperInvariant()},1500") + "\n");
        var import = Cli();

        var exit = await import.RunAsync(CliRunner.Remote("import", file));

        Assert.Equal(1, exit);
        Assert.Contains("price.USD", import.Output, StringComparison.Ordinal);
        Assert.Contains("did not take every row", import.Output, StringComparison.Ordinal);
        Assert.NotNull(await app.ProductByHandleAsync(shirt));
        Assert.NotNull(await app.ProductByHandleAsync(mug));
        Assert.Null(await app.ProductByHandleAsync(bad));

        var exported = Path.Combine(_folder, "catalog.ndjson");
        Assert.Equal(0, await Cli().RunAsync(CliRunner.Remote("export", "products", "--out", exported)));
        var again = Cli();
        Assert.Equal(0, await again.RunAsync(CliRunner.Remote("import", exported)));
        var jobs = await app.Admin.GetJsonAsync("/admin/imports?limit=1");
        var last = jobs.Arr("items")[0]!;
        Assert.Equal("succeeded", last.Str("status"));
        Assert.Equal(0, last["counts"].Int("created") + last["counts"].Int("updated") + last["counts"].Int("failed"));
        Assert.True(last["counts"].Int("unchanged") >= 2);
    }

    [Fact]
    public async Task Keys_create_prints_a_secret_once_that_works_with_the_roles_permissions()
    {
        var cli = Cli();

        var exit = await cli.RunAsync(CliRunner.Remote("keys", "create", "--name", "ERP sync", "--role", "read_only"));

        Assert.Equal(0, exit);
        var secret = SecretKey().Match(cli.Output).Value;
        Assert.StartsWith("sk_", secret, StringComparison.Ordinal);
        var client = app.ClientWithKey(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/api-keys")).StatusCode);
        var keys = await app.Admin.GetJsonAsync("/admin/api-keys?limit=100");
        Assert.DoesNotContain(secret, keys.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(keys.Arr("items"), k => k!.Str("name") == "ERP sync");
    }

    [Fact]
    public async Task Users_invite_creates_an_invited_admin_user_and_a_bad_role_is_reported()
    {
        var email = $"{Given.Unique("ops")}@example.com";
        var cli = Cli();
        var refused = Cli();

        var exit = await cli.RunAsync(CliRunner.Remote("users", "invite", email, "--role", "support"));
        var bad = await refused.RunAsync(CliRunner.Remote("users", "invite", $"{Given.Unique("x")}@example.com", "--role", "emperor"));

        Assert.Equal(0, exit);
        Assert.Contains(email, cli.Output, StringComparison.Ordinal);
        var users = await app.Admin.GetJsonAsync("/admin/users?limit=100");
        var user = Assert.Single(users.Arr("items"), u => u!.Str("email") == email)!;
        Assert.Equal("support", user.Str("role"));
        Assert.Equal("invited", user.Str("status"));
        Assert.Equal(1, bad);
        Assert.Contains("400", refused.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_shows_jobs_per_type_and_state_and_recent_failures()
    {
        var type = Given.Unique("cli.status");
        await using (var scope = app.Scope())
        {
            scope.ServiceProvider.GetRequiredService<IJobQueue>().Enqueue(type, "{}");
            await scope.ServiceProvider.GetRequiredService<MercatoDb>().SaveChangesAsync();
        }
        await app.RunJobsAsync();
        var cli = Cli();

        var exit = await cli.RunAsync(CliRunner.Remote("status"));

        Assert.Equal(0, exit);
        Assert.Contains("Jobs", cli.Output, StringComparison.Ordinal);
        Assert.Matches($@"{Regex.Escape(type)}\s*[│|]\s*failed\s*[│|]\s*1", cli.Output);
        Assert.Contains("Recent failures", cli.Output, StringComparison.Ordinal);
        Assert.Contains("Webhook", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remote_command_without_a_key_says_so_and_exits_2()
    {
        var cli = Cli();

        var exit = await cli.RunAsync("status", "--url", "http://localhost");

        Assert.Equal(2, exit);
        Assert.Contains("MERCATO_API_KEY", cli.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [GeneratedRegex(@"sk_[A-Za-z0-9_\-]+")]
    private static partial Regex SecretKey();
}

public sealed class CliOnSqlite(SqliteApp app) : CliTests(app), IClassFixture<SqliteApp>;

public sealed class CliOnPostgres(PostgresApp app) : CliTests(app), IClassFixture<PostgresApp>;
