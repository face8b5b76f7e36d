using Mercato.Kernel.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Admin.Webhooks;

/// <summary>
/// Events raised through IDomainEvents reach a real receiver on 127.0.0.1, signed; failures are retried on the fake clock.
/// The class shares one app and one receiver: each test has inboxes and resource ids of its own.
/// </summary>
public abstract class WebhookDeliveryTests(MercatoApp app, WebhookReceiver receiver) : IAsyncLifetime
{
    /// <summary>Registers the recurring publisher (first run) and settles whatever earlier tests left due.</summary>
    public async ValueTask InitializeAsync() => await app.RunJobsAsync();

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task An_event_is_delivered_signed_to_the_endpoints_that_subscribe_to_it()
    {
        var inbox = receiver.NewInbox();
        var other = receiver.NewInbox();
        var endpoint = await app.SubscribeAsync(inbox, "product.*");
        await app.SubscribeAsync(other, "order.*");
        var productId = WebhookTestData.NewResourceId();

        await app.RaiseAsync("product.updated", productId, new { id = productId, title = "Linen Shirt" });
        var sentAt = app.Clock.GetUtcNow();
        await app.PublishWebhooksAsync();

        var received = Assert.Single(inbox.Received, r => r.Json["data"]!.Str("resourceId") == productId);
        Assert.True(received.SignatureValid, received.Signature);
        Assert.StartsWith("evt_", received.Id);
        Assert.InRange(received.Timestamp, sentAt.ToUnixTimeSeconds(), app.Clock.GetUtcNow().ToUnixTimeSeconds());
        var body = received.Json;
        Assert.Equal("product.updated", body.Str("type"));
        Assert.NotNull(body["timestamp"]);
        var data = body["data"]!;
        Assert.Equal(received.Id, data.Str("id"));
        Assert.Equal("product.updated", data.Str("type"));
        Assert.Equal("product", data.Str("resourceType"));
        Assert.Equal(1, data.Long("sequence"));
        Assert.NotNull(data["occurredAt"]);
        Assert.Equal("Linen Shirt", data["state"]!.Str("title"));
        Assert.DoesNotContain(other.Received, r => r.Body.Contains(productId, StringComparison.Ordinal));

        var delivery = Assert.Single(await app.DeliveriesAsync(endpoint.Str("id")), d => d!.Str("resourceId") == productId)!;
        Assert.Equal("succeeded", delivery.Str("status"));
        Assert.Equal(received.Id, delivery.Str("eventId"));
        Assert.Equal(1, delivery.Int("attemptCount"));
        var attempt = Assert.Single(delivery.Arr("attempts"))!;
        Assert.Equal(200, attempt.Int("statusCode"));
        Assert.Equal("answered 200", attempt.Str("responseBody"));
        Assert.True(attempt.Long("latencyMs") >= 0);
    }

    [Fact]
    public async Task Changes_made_through_the_admin_api_reach_the_subscriber_signed_and_in_sequence()
    {
        var inbox = receiver.NewInbox();
        await app.SubscribeAsync(inbox, "product.*");

        var product = await app.Given.ProductAsync();
        var id = product.Str("id");
        await app.Admin.PatchJsonAsync($"/admin/products/{id}", new { title = "Renamed by the back office" });
        await (await app.Admin.DeleteAsync($"/admin/products/{id}")).ShouldSucceedAsync();
        await app.PublishWebhooksAsync();

        var received = inbox.Received.Where(r => r.Json["data"]!.Str("resourceId") == id).ToList();
        Assert.All(received, r => Assert.True(r.SignatureValid, r.Signature));
        Assert.Equal(["product.created", "product.updated", "product.deleted"], received.Select(r => r.Json.Str("type")));
        Assert.Equal([1L, 2L, 3L], received.Select(r => r.Json["data"].Long("sequence")));
        Assert.Equal("Renamed by the back office", received[1].Json["data"]!["state"]!.Str("title"));
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_back_off_and_the_log_shows_each_attempt()
    {
        var inbox = receiver.NewInbox().Answer(500, 503);
        inbox.ResponseBody = new string('x', 3000);
        var endpoint = await app.SubscribeAsync(inbox, "product.updated");
        var productId = WebhookTestData.NewResourceId();

        await app.RaiseAsync("product.updated", productId);
        await app.PublishWebhooksAsync();
        Assert.Single(inbox.Received);
        var retrying = Assert.Single(await app.DeliveriesAsync(endpoint.Str("id")))!;
        Assert.Equal("retrying", retrying.Str("status"));
        Assert.NotNull(retrying["nextAttemptAt"]);

        await app.AdvanceAndRunAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, inbox.Received.Count);
        await app.AdvanceAndRunAsync(TimeSpan.FromMinutes(1));

        var attempts = inbox.Received.ToList();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.True(a.SignatureValid));
        Assert.Single(attempts.Select(a => a.Id).Distinct());
        Assert.Single(attempts.Select(a => a.Body).Distinct());
        Assert.True(attempts[2].Timestamp > attempts[0].Timestamp, "each attempt is signed with its own timestamp");
        var delivery = Assert.Single(await app.DeliveriesAsync(endpoint.Str("id")))!;
        Assert.Equal("succeeded", delivery.Str("status"));
        Assert.Equal(3, delivery.Int("attemptCount"));
        Assert.Null(delivery["nextAttemptAt"]);
        var log = delivery.Arr("attempts");
        Assert.Equal([500, 503, 200], log.Select(a => a!.Int("statusCode")));
        Assert.Equal(1024, log[0]!.Str("responseBody").Length);
        Assert.Equal("HTTP 500.", log[0]!.Str("error"));
        var times = log.Select(a => DateTimeOffset.Parse(a!.Str("attemptedAt"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(times[0] < times[1] && times[1] < times[2]);
    }

    [Fact]
    public async Task A_delivery_is_given_up_three_days_after_its_first_attempt()
    {
        var inbox = receiver.NewInbox().Answer([.. Enumerable.Repeat(500, 1000)]);
        var endpoint = await app.SubscribeAsync(inbox, "product.deleted");
        await app.RaiseAsync("product.deleted", WebhookTestData.NewResourceId());
        await app.PublishWebhooksAsync();

        for (var hours = 0; hours < 70; hours += 5) await app.AdvanceAndRunAsync(TimeSpan.FromHours(5));
        var stillTrying = Assert.Single(await app.DeliveriesAsync(endpoint.Str("id")))!;
        Assert.Equal("retrying", stillTrying.Str("status"));
        await app.AdvanceAndRunAsync(TimeSpan.FromHours(5));

        var delivery = Assert.Single(await app.DeliveriesAsync(endpoint.Str("id")))!;
        Assert.Equal("failed", delivery.Str("status"));
        var attempts = delivery.Arr("attempts");
        Assert.True(attempts.Count > 10, $"{attempts.Count} attempts");
        var first = DateTimeOffset.Parse(attempts[0]!.Str("attemptedAt"), System.Globalization.CultureInfo.InvariantCulture);
        var last = DateTimeOffset.Parse(attempts[^1]!.Str("attemptedAt"), System.Globalization.CultureInfo.InvariantCulture);
        // The last try is due at the deadline itself; the test's clock gets there in 5-hour steps.
        Assert.InRange(last - first, TimeSpan.FromHours(72), TimeSpan.FromHours(77));
        var count = inbox.Received.Count;
        await app.AdvanceAndRunAsync(TimeSpan.FromDays(1));
        Assert.Equal(count, inbox.Received.Count);
    }

    [Fact]
    public async Task An_endpoint_that_only_fails_for_three_days_is_disabled_with_an_event_and_re_enabling_resets_it()
    {
        var failing = receiver.NewInbox().Answer([.. Enumerable.Repeat(500, 1000)]);
        var watcher = receiver.NewInbox();
        var endpoint = await app.SubscribeAsync(failing, "order.placed");
        var id = endpoint.Str("id");
        await app.SubscribeAsync(watcher, "webhook_endpoint.*");
        await app.RaiseAsync("order.placed", WebhookTestData.NewResourceId("order"));
        await app.PublishWebhooksAsync();

        for (var hours = 0; hours < 80; hours += 5) await app.AdvanceAndRunAsync(TimeSpan.FromHours(5));

        var disabled = await app.Admin.GetJsonAsync($"/admin/webhooks/{id}");
        Assert.Equal("disabled", disabled.Str("status"));
        Assert.Contains("72 hours", disabled.Str("disabledReason"), StringComparison.Ordinal);
        Assert.NotNull(disabled["disabledAt"]);
        await using (var scope = app.Scope())
        {
            var events = await scope.ServiceProvider.GetRequiredService<IEventOutbox>()
                .ReadAsync(0, 100, "webhook_endpoint.disabled", id, CancellationToken.None);
            Assert.Equal("disabled", Assert.Single(events).Event.Data.GetProperty("status").GetString());
        }
        var notice = Assert.Single(watcher.Received, r => r.Json["data"]!.Str("resourceId") == id);
        Assert.True(notice.SignatureValid);
        Assert.Equal("webhook_endpoint.disabled", notice.Json.Str("type"));

        // Disabled: new events make no deliveries.
        await app.RaiseAsync("order.placed", WebhookTestData.NewResourceId("order"));
        await app.PublishWebhooksAsync();
        Assert.Single(await app.DeliveriesAsync(id));

        var enabled = await app.Admin.PostJsonAsync($"/admin/webhooks/{id}/enable", new { });
        Assert.Equal("enabled", enabled.Str("status"));
        Assert.Null(enabled["disabledReason"]);
        Assert.Null(enabled["disabledAt"]);
        failing.Script.Clear();
        await app.RaiseAsync("order.placed", WebhookTestData.NewResourceId("order"));
        await app.PublishWebhooksAsync();
        Assert.Contains(await app.DeliveriesAsync(id), d => d!.Str("status") == "succeeded");
    }

    [Fact]
    public async Task Deliveries_of_one_resource_go_out_in_sequence_even_when_the_first_fails()
    {
        var inbox = receiver.NewInbox().Answer(500);
        var endpoint = await app.SubscribeAsync(inbox, "product.*");
        var productId = WebhookTestData.NewResourceId();
        var otherId = WebhookTestData.NewResourceId();

        await app.RaiseAsync("product.created", productId);
        await app.RaiseAsync("product.updated", productId);
        await app.RaiseAsync("product.created", otherId);
        await app.PublishWebhooksAsync();

        // The first failed; the second waits behind it; another product is not held up.
        var mine = inbox.Received.Where(r => r.Json["data"]!.Str("resourceId") == productId).ToList();
        Assert.Equal([1L], mine.Select(r => r.Json["data"]!.Long("sequence")));
        Assert.Single(inbox.Received, r => r.Json["data"]!.Str("resourceId") == otherId);
        var waiting = (await app.DeliveriesAsync(endpoint.Str("id"))).Single(d => d!.Str("eventType") == "product.updated")!;
        Assert.Equal("pending", waiting.Str("status"));
        Assert.Equal(0, waiting.Int("attemptCount"));

        await app.AdvanceAndRunAsync(TimeSpan.FromMinutes(1));

        mine = [.. inbox.Received.Where(r => r.Json["data"]!.Str("resourceId") == productId)];
        Assert.Equal([1L, 1L, 2L], mine.Select(r => r.Json["data"]!.Long("sequence")));
        Assert.Equal(["product.created", "product.created", "product.updated"], mine.Select(r => r.Json.Str("type")));
        Assert.All(await app.DeliveriesAsync(endpoint.Str("id")), d => Assert.Equal("succeeded", d!.Str("status")));
    }

    [Fact]
    public async Task A_delivery_failed_for_good_no_longer_holds_up_the_next_one()
    {
        var inbox = receiver.NewInbox();
        var categoryId = WebhookTestData.NewResourceId("cat");
        // Only the first event of this category is refused, for good; everything else is taken.
        inbox.Responder = r => r.Json["data"]!.Str("resourceId") == categoryId && r.Json.Str("type") == "category.created" ? 500 : 200;
        var endpoint = await app.SubscribeAsync(inbox, "category.*");
        await app.RaiseAsync("category.created", categoryId);
        await app.PublishWebhooksAsync();
        await app.RaiseAsync("category.updated", categoryId);
        await app.PublishWebhooksAsync();
        Assert.DoesNotContain(inbox.Received, r => r.Json.Str("type") == "category.updated");

        for (var hours = 0; hours < 75; hours += 5)
        {
            // Another category's event succeeds meanwhile, so the endpoint as a whole is healthy and stays enabled.
            if (hours == 40) await app.RaiseAsync("category.created", WebhookTestData.NewResourceId("cat"));
            await app.AdvanceAndRunAsync(TimeSpan.FromHours(5));
        }

        var deliveries = await app.DeliveriesAsync(endpoint.Str("id"));
        Assert.Contains(deliveries, d => d!.Str("eventType") == "category.created" && d.Str("resourceId") == categoryId
            && d.Str("status") == "failed");
        Assert.Contains(deliveries, d => d!.Str("eventType") == "category.updated" && d.Str("status") == "succeeded");
        var mine = inbox.Received.Where(r => r.Json["data"]!.Str("resourceId") == categoryId).ToList();
        Assert.Equal("category.updated", mine[^1].Json.Str("type"));
        Assert.All(mine[..^1], r => Assert.Equal("category.created", r.Json.Str("type")));
        Assert.Equal("enabled", (await app.Admin.GetJsonAsync($"/admin/webhooks/{endpoint.Str("id")}")).Str("status"));
    }

    [Fact]
    public async Task A_delivery_can_be_redelivered_with_the_same_id_and_body()
    {
        var inbox = receiver.NewInbox();
        var endpoint = await app.SubscribeAsync(inbox, "customer.created");
        var id = endpoint.Str("id");
        await app.RaiseAsync("customer.created", WebhookTestData.NewResourceId("cus"));
        await app.PublishWebhooksAsync();
        var original = Assert.Single(await app.DeliveriesAsync(id))!;

        var response = await app.Admin.PostAsJsonAsync($"/admin/webhooks/{id}/deliveries/{original.Str("id")}/redeliver", new { });
        var copy = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(original.Str("id"), copy.Str("redeliveryOf"));
        Assert.Equal("pending", copy.Str("status"));
        await app.RunJobsAsync();

        Assert.Equal(2, inbox.Received.Count);
        Assert.Single(inbox.Received.Select(r => r.Id).Distinct());
        Assert.Single(inbox.Received.Select(r => r.Body).Distinct());
        var again = await app.Admin.GetJsonAsync($"/admin/webhooks/{id}/deliveries/{copy.Str("id")}");
        Assert.Equal("succeeded", again.Str("status"));
        var unknown = await app.Admin.PostAsJsonAsync($"/admin/webhooks/{id}/deliveries/whd_00000000000000000000000000/redeliver", new { });
        await unknown.ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task The_test_event_goes_to_this_endpoint_now_and_answers_with_the_attempt()
    {
        var inbox = receiver.NewInbox();
        var endpoint = await app.SubscribeAsync(inbox, "order.placed");
        var id = endpoint.Str("id");

        var ok = await app.Admin.PostJsonAsync($"/admin/webhooks/{id}/test", new { });

        Assert.Equal("succeeded", ok.Str("status"));
        Assert.Equal("webhook.test", ok.Str("eventType"));
        Assert.Equal(200, Assert.Single(ok.Arr("attempts"))!.Int("statusCode"));
        var received = Assert.Single(inbox.Received);
        Assert.True(received.SignatureValid);
        Assert.Equal("webhook.test", received.Json.Str("type"));
        Assert.Equal(id, received.Json["data"]!["state"]!.Str("webhookEndpointId"));

        inbox.Answer(410);
        var failed = await app.Admin.PostJsonAsync($"/admin/webhooks/{id}/test", new { });
        Assert.Equal("failed", failed.Str("status"));
        Assert.Equal(410, Assert.Single(failed.Arr("attempts"))!.Int("statusCode"));
        Assert.Equal(2, (await app.DeliveriesAsync(id)).Count);
        Assert.Equal("enabled", (await app.Admin.GetJsonAsync($"/admin/webhooks/{id}")).Str("status"));
    }

    [Fact]
    public async Task A_redirect_is_a_failed_attempt_and_is_never_followed()
    {
        var target = receiver.NewInbox();
        var redirecting = receiver.NewInbox();
        redirecting.RedirectTo = target.Url;
        var endpoint = await app.SubscribeAsync(redirecting, "order.placed");

        var result = await app.Admin.PostJsonAsync($"/admin/webhooks/{endpoint.Str("id")}/test", new { });

        Assert.Equal("failed", result.Str("status"));
        var attempt = Assert.Single(result.Arr("attempts"))!;
        Assert.Equal(302, attempt.Int("statusCode"));
        Assert.Contains("Redirect", attempt.Str("error"), StringComparison.Ordinal);
        Assert.Single(redirecting.Received);
        Assert.Empty(target.Received);
    }

    [Fact]
    public async Task After_a_secret_rotation_deliveries_are_signed_with_both_secrets_during_the_grace_period()
    {
        var inbox = receiver.NewInbox();
        var endpoint = await app.SubscribeAsync(inbox, "order.placed");
        var id = endpoint.Str("id");
        var oldSecret = endpoint.Str("secret");
        var rotated = await app.Admin.PostJsonAsync($"/admin/webhooks/{id}/rotate-secret", new { });
        var newSecret = rotated.Str("secret");

        await app.Admin.PostJsonAsync($"/admin/webhooks/{id}/test", new { });
        var during = Assert.Single(inbox.Received);
        Assert.Equal(2, during.Signature.Split(' ').Length);
        var ts = during.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(WebhookReceiver.Verify(newSecret, during.Id, ts, during.Body, during.Signature));
        Assert.True(WebhookReceiver.Verify(oldSecret, during.Id, ts, during.Body, during.Signature));

        app.Clock.Advance(TimeSpan.FromHours(25));
        await app.Admin.PostJsonAsync($"/admin/webhooks/{id}/test", new { });
        var after = inbox.Received.Last();
        ts = after.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Single(after.Signature.Split(' '));
        Assert.True(WebhookReceiver.Verify(newSecret, after.Id, ts, after.Body, after.Signature));
        Assert.False(WebhookReceiver.Verify(oldSecret, after.Id, ts, after.Body, after.Signature));
    }
}

public sealed class WebhookDeliveryOnSqlite(SqliteApp app, WebhookReceiver receiver)
    : WebhookDeliveryTests(app, receiver), IClassFixture<SqliteApp>, IClassFixture<WebhookReceiver>;

public sealed class WebhookDeliveryOnPostgres(PostgresApp app, WebhookReceiver receiver)
    : WebhookDeliveryTests(app, receiver), IClassFixture<PostgresApp>, IClassFixture<WebhookReceiver>;
