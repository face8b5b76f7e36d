using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mercato.Api.Tests.Infrastructure;

/// <summary>
/// An integrator's webhook receiver on 127.0.0.1 and a free port. Each <see cref="Inbox"/> is a path of its own that
/// records what arrives, answers the status codes a test programs (200 once the script is used up) and checks the
/// Standard Webhooks signature the way a receiver would, with its own code rather than Mercato's.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Inbox> _inboxes = new();

    public WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hooks/{name}", Receive);
        _app.Start();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public string BaseUrl { get; }

    public Inbox NewInbox()
    {
        var inbox = new Inbox($"{BaseUrl}/hooks/{Guid.NewGuid():N}");
        _inboxes[new Uri(inbox.Url).AbsolutePath] = inbox;
        return inbox;
    }

    private async Task Receive(HttpContext context)
    {
        if (!_inboxes.TryGetValue(context.Request.Path.Value!, out var inbox))
        {
            context.Response.StatusCode = 404;
            return;
        }
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers;
        var id = headers["webhook-id"].ToString();
        var timestamp = headers["webhook-timestamp"].ToString();
        var signature = headers["webhook-signature"].ToString();
        var received = new ReceivedWebhook(id, long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture),
            signature, body, inbox.Secrets.Any(s => Verify(s, id, timestamp, body, signature)));
        inbox.Received.Enqueue(received);
        if (inbox.RedirectTo is { } target)
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = target;
            return;
        }
        context.Response.StatusCode = inbox.Responder?.Invoke(received) ?? (inbox.Script.TryDequeue(out var status) ? status : 200);
        await context.Response.WriteAsync(inbox.ResponseBody ?? $"answered {context.Response.StatusCode}");
    }

    /// <summary>What an integrator writes: HMAC-SHA256 over "id.timestamp.body" with the base64 key after whsec_, any v1 entry.</summary>
    public static bool Verify(string secret, string id, string timestamp, string body, string signatureHeader)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        return signatureHeader.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), Encoding.ASCII.GetBytes(expected)));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public sealed class Inbox(string url)
    {
        public string Url { get; } = url;

        /// <summary>The secrets to verify with (set after the endpoint is created); a request is valid if any matches.</summary>
        public List<string> Secrets { get; } = [];

        /// <summary>Status codes to answer, in order; 200 after.</summary>
        public ConcurrentQueue<int> Script { get; } = new();

        public string? ResponseBody { get; set; }

        /// <summary>Chooses the status for a request when set (null: fall back to the script).</summary>
        public Func<ReceivedWebhook, int?>? Responder { get; set; }

        /// <summary>When set, every request is answered 302 to this URL.</summary>
        public string? RedirectTo { get; set; }

        public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

        public Inbox Answer(params int[] statuses)
        {
            foreach (var status in statuses) Script.Enqueue(status);
            return this;
        }
    }
}

public sealed record ReceivedWebhook(string Id, long Timestamp, string Signature, string Body, bool SignatureValid)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
}
