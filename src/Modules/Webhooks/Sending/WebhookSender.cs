using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Webhooks.Sending;

/// <summary>What one POST to an endpoint came to.</summary>
internal sealed record AttemptResult(bool Delivered, int? StatusCode, long LatencyMs, string? ResponseBody, string? Error);

/// <summary>
/// Sends one signed POST. A 2xx answer is a delivery; any other status (redirects are never followed), a timeout or a
/// connection error is a failed attempt. Only the first kilobyte of the answer is kept for the delivery log.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, TimeProvider time, IOptions<WebhookOptions> options)
{
    public const string ClientName = "Mercato.Webhooks";
    public const int MaxResponseChars = 1024;

    public async Task<AttemptResult> SendAsync(string url, IReadOnlyList<string> secrets, string messageId, string body,
        CancellationToken ct)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Header(secrets, messageId, timestamp, body));
        request.Headers.UserAgent.ParseAdd("Mercato-Webhooks/1.0");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // The network timeout runs on the wall clock: a fake clock in tests must not hang or cut a real connection.
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.Value.TimeoutSeconds)));
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ReadExcerptAsync(response, timeout.Token);
            var status = (int)response.StatusCode;
            var delivered = status is >= 200 and < 300;
            string? error = delivered ? null
                : status is >= 300 and < 400 ? $"Redirect ({status}) not followed." : $"HTTP {status}.";
            return new AttemptResult(delivered, status, watch.ElapsedMilliseconds, excerpt, error);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new AttemptResult(false, null, watch.ElapsedMilliseconds, null,
                $"Timed out after {options.Value.TimeoutSeconds} s.");
        }
        catch (HttpRequestException e)
        {
            return new AttemptResult(false, null, watch.ElapsedMilliseconds, null, Describe(e));
        }
    }

    private static async Task<string?> ReadExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[MaxResponseChars];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
            return read == 0 ? null : new string(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static string Describe(HttpRequestException e)
    {
        var message = e.InnerException is { } inner && inner.Message != e.Message ? $"{e.Message} {inner.Message}" : e.Message;
        return message.Length <= 1000 ? message : message[..1000];
    }

    /// <summary>The primary handler of the named client: no redirects, no proxy, no cookies, and a guarded connect.</summary>
    public static SocketsHttpHandler CreateHandler(IServiceProvider services)
    {
        var allowPrivate = services.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks;
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, ct) => GuardedConnect.ConnectAsync(context.DnsEndPoint, allowPrivate, ct),
        };
    }
}
