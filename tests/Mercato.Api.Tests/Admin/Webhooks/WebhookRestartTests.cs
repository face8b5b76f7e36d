namespace Mercato.Api.Tests.Admin.Webhooks;

/// <summary>A server that stops with events not yet delivered delivers them once it is back, from the database alone.</summary>
public abstract class WebhookRestartTests(Func<ITestDatabase> newDatabase) : IAsyncLifetime
{
    private readonly KeptTestDatabase _database = new(newDatabase());
    private readonly WebhookReceiver _receiver = new();

    [Fact]
    public async Task Events_written_before_a_stop_are_delivered_after_the_restart()
    {
        var inbox = _receiver.NewInbox();
        var productId = WebhookTestData.NewResourceId();
        await using (var first = new RestartedApp(_database))
        {
            await first.InitializeAsync();
            await first.SubscribeAsync(inbox, "product.*");
            await first.RaiseAsync("product.created", productId);
            await first.RaiseAsync("product.updated", productId);
            // Stopped here: no job ran, nothing was published.
        }
        Assert.Empty(inbox.Received);

        await using var second = new RestartedApp(_database);
        await second.InitializeAsync();
        await second.RunJobsAsync();
        await second.PublishWebhooksAsync();

        var received = inbox.Received.ToList();
        Assert.Equal(["product.created", "product.updated"], received.Select(r => r.Json.Str("type")));
        Assert.All(received, r => Assert.True(r.SignatureValid));
        Assert.All(received, r => Assert.Equal(productId, r.Json["data"]!.Str("resourceId")));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _database.DropNowAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>An app on the kept database; the baseline shop is not created again on the second start.</summary>
    private sealed class RestartedApp(ITestDatabase database) : MercatoApp(database, "none")
    {
        protected override bool CreatesBaseline => false;
    }
}

public sealed class WebhookRestartOnSqlite() : WebhookRestartTests(() => new SqliteTestDatabase());

public sealed class WebhookRestartOnPostgres() : WebhookRestartTests(() => new PostgresTestDatabase());
