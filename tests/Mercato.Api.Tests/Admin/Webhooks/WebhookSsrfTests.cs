using Mercato.Kernel.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Admin.Webhooks;

/// <summary>The production default: webhooks may not reach loopback, private or link-local addresses.</summary>
public abstract class WebhookSsrfTests(MercatoApp app, WebhookReceiver receiver)
{
    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://127.1.2.3:8080/hook")]
    [InlineData("http://10.0.0.1/hook")]
    [InlineData("http://172.16.5.4/hook")]
    [InlineData("http://192.168.1.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("http://api.localhost/hook")]
    public async Task Private_loopback_and_link_local_addresses_are_refused_on_create_and_update(string url)
    {
        var created = await app.Admin.PostAsJsonAsync("/admin/webhooks", new { url, eventTypes = new[] { "*" } });
        var problem = await created.ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(problem["errors"]!["url"]);

        var endpoint = await app.Admin.PostJsonAsync("/admin/webhooks", new { url = "https://hooks.example.com/in", eventTypes = new[] { "*" } });
        var updated = await app.Admin.PatchAsJsonAsync($"/admin/webhooks/{endpoint.Str("id")}", new { url }, "\"1\"");
        await updated.ShouldBeProblemAsync(400, "validation_failed");
    }

    [Theory]
    [InlineData("ftp://files.example.com/hook")]
    [InlineData("javascript:alert(document.domain)")]
    public async Task Other_schemes_are_refused(string url)
    {
        var created = await app.Admin.PostAsJsonAsync("/admin/webhooks", new { url, eventTypes = new[] { "*" } });
        await created.ShouldBeProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task An_endpoint_whose_address_turns_private_later_is_refused_when_connecting()
    {
        // As after DNS rebinding: the stored URL now leads to this machine. The connect step checks the address it dials.
        var inbox = receiver.NewInbox();
        var endpoint = await app.Admin.PostJsonAsync("/admin/webhooks", new { url = "https://hooks.example.com/in", eventTypes = new[] { "*" } });
        var id = endpoint.Str("id");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            await db.Database.ExecuteSqlAsync($"UPDATE webhooks_endpoint SET url = {inbox.Url} WHERE id = {id}");
        }

        var result = await app.Admin.PostJsonAsync($"/admin/webhooks/{id}/test", new { });

        Assert.Equal("failed", result.Str("status"));
        var attempt = Assert.Single(result.Arr("attempts"))!;
        Assert.Null(attempt["statusCode"]);
        Assert.Contains("Refused to connect", attempt.Str("error"), StringComparison.Ordinal);
        Assert.Empty(inbox.Received);
    }
}

/// <summary>An app with <c>Mercato:Webhooks:AllowPrivateNetworks=false</c>, as in production.</summary>
public abstract class StrictWebhooksApp(ITestDatabase database) : MercatoApp(database, "none")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mercato:Webhooks:AllowPrivateNetworks", "false");
    }
}

public sealed class StrictWebhooksSqliteApp() : StrictWebhooksApp(new SqliteTestDatabase());

public sealed class StrictWebhooksPostgresApp() : StrictWebhooksApp(new PostgresTestDatabase());

public sealed class WebhookSsrfOnSqlite(StrictWebhooksSqliteApp app, WebhookReceiver receiver)
    : WebhookSsrfTests(app, receiver), IClassFixture<StrictWebhooksSqliteApp>, IClassFixture<WebhookReceiver>;

public sealed class WebhookSsrfOnPostgres(StrictWebhooksPostgresApp app, WebhookReceiver receiver)
    : WebhookSsrfTests(app, receiver), IClassFixture<StrictWebhooksPostgresApp>, IClassFixture<WebhookReceiver>;
