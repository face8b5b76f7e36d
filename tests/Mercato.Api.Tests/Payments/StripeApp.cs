using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Mercato.Payments.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Payments;

/// <summary>The app with the stripe provider configured against a <see cref="StripeStub"/>, and a listener that records webhook authorizations.</summary>
public abstract class StripeApp(ITestDatabase database) : MercatoApp(database, "none")
{
    public const string WebhookSecret = "whsec_test_secret_0123456789";

    public StripeStub Stripe { get; } = new();

    public RecordingListener Listener { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mercato:Payments:Stripe:SecretKey", "sk_test_stub");
        builder.UseSetting("Mercato:Payments:Stripe:WebhookSecret", WebhookSecret);
        builder.UseSetting("Mercato:Payments:Stripe:ApiBase", Stripe.BaseUrl);
        builder.ConfigureServices(services => services.AddSingleton<IPaymentAuthorizedListener>(Listener));
    }

    /// <summary>Signs like Stripe: <c>t=timestamp,v1=hex(HMAC-SHA256(secret, "t.payload"))</c>.</summary>
    public HttpRequestMessage SignedWebhook(string payload, string secret = WebhookSecret)
    {
        var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}")));
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", $"t={timestamp},v1={signature}");
        return request;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class StripeSqliteApp() : StripeApp(new SqliteTestDatabase());

public sealed class StripePostgresApp() : StripeApp(new PostgresTestDatabase());

public sealed class RecordingListener : IPaymentAuthorizedListener
{
    public ConcurrentQueue<PaymentView> Authorized { get; } = new();

    public Task OnAuthorizedAsync(PaymentView payment, CancellationToken ct)
    {
        Authorized.Enqueue(payment);
        return Task.CompletedTask;
    }
}
