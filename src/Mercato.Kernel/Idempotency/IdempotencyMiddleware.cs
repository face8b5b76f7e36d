using System.Security.Cryptography;
using System.Text;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Kernel.Idempotency;

/// <summary>
/// Makes POST, PATCH and DELETE safe to retry: the same <c>Idempotency-Key</c> from the same caller with the same
/// request replays the first response; with a different request it is 422 <c>idempotency_key_reused</c>; while the first
/// is still running it is 409 <c>idempotency_key_in_flight</c>. Failed (5xx) attempts are forgotten so they can be retried.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{

    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    // A first attempt that never finished (its process died) stops blocking retries after this long.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext http, MercatoDb db, TimeProvider time)
    {
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0 || !IsWrite(http.Request.Method) || http.User.IdempotencyScope() is not { } caller
            || http.GetEndpoint()?.Metadata.GetMetadata<AnswersCredentials>() is not null)
        {
            await next(http);
            return;
        }
        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
        {
            await Write(http, new Error("invalid_idempotency_key", $"{Header} must be 1 to {MaxKeyLength} printable characters.", 400));
            return;
        }

        var hash = await HashRequestAsync(http.Request);
        var now = time.GetUtcNow();
        // The insert is the lock: of two concurrent first attempts only one row can be written. A first attempt (the usual case)
        // costs this one statement; only a key already present is read.
        for (var attempt = 0; ; attempt++)
        {
            if (await TryInsertAsync(db, caller, key, hash, now, http.RequestAborted)) break;
            var existing = await db.Set<IdempotencyRecord>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, http.RequestAborted);
            // Gone since the insert (a failed attempt was forgotten): try again.
            if (existing is null && attempt < 2) continue;
            if (existing is null) throw new InvalidOperationException($"The {Header} record could neither be written nor read.");
            var expired = now - existing.CreatedAt > Retention;
            var abandoned = !existing.Completed && now - existing.CreatedAt > AbandonedAfter;
            if ((expired || abandoned) && attempt < 2)
            {
                await db.Set<IdempotencyRecord>().Where(r => r.Caller == caller && r.Key == key && r.CreatedAt == existing.CreatedAt)
                    .ExecuteDeleteAsync(http.RequestAborted);
                continue;
            }
            await Replay(http, existing, hash);
            return;
        }

        var originalBody = http.Response.Body;
        var clientGone = http.RequestAborted;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        // The write runs to its end even if the client goes away: the answer is what its retry replays. With the client's
        // token, a disconnect during the JSON write left the status set and the body empty (the writer swallows the
        // cancellation), and that empty answer was stored for the key: the retry of a placed order got no order.
        http.RequestAborted = CancellationToken.None;
        var succeeded = false;
        try
        {
            await next(http);
            succeeded = http.Response.StatusCode < 500;
        }
        finally
        {
            http.RequestAborted = clientGone;
            http.Response.Body = originalBody;
            if (succeeded)
            {
                var body = buffer.ToArray();
                await db.Set<IdempotencyRecord>().Where(r => r.Caller == caller && r.Key == key).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Completed, true).SetProperty(r => r.StatusCode, http.Response.StatusCode)
                    .SetProperty(r => r.ContentType, http.Response.ContentType).SetProperty(r => r.Body, body)
                    .SetProperty(r => r.Location, http.Response.Headers.Location.ToString())
                    .SetProperty(r => r.ETag, http.Response.Headers.ETag.ToString()), CancellationToken.None);
            }
            else
            {
                await db.Set<IdempotencyRecord>().Where(r => r.Caller == caller && r.Key == key).ExecuteDeleteAsync(CancellationToken.None);
            }
        }
        if (clientGone.IsCancellationRequested) return;
        buffer.Position = 0;
        await buffer.CopyToAsync(originalBody, clientGone);
    }

    private static async Task<bool> TryInsertAsync(MercatoDb db, string caller, string key, string hash, DateTimeOffset now, CancellationToken ct)
    {
        var at = db.SqlTime(now);
        return await db.Database.ExecuteSqlAsync($"""
            INSERT INTO kernel_idempotency_record (caller, key, request_hash, created_at, completed, status_code)
            VALUES ({caller}, {key}, {hash}, {at}, {false}, {0})
            ON CONFLICT (caller, key) DO NOTHING
            """, ct) == 1;
    }

    private static async Task Replay(HttpContext http, IdempotencyRecord record, string hash)
    {
        if (record.RequestHash != hash)
        {
            await Write(http, new Error("idempotency_key_reused", "This Idempotency-Key was used with a different request.", 422));
            return;
        }
        if (!record.Completed)
        {
            await Write(http, new Error("idempotency_key_in_flight", "A request with this Idempotency-Key is still being processed.", 409));
            return;
        }
        http.Response.StatusCode = record.StatusCode;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (!string.IsNullOrEmpty(record.Location)) http.Response.Headers.Location = record.Location;
        if (!string.IsNullOrEmpty(record.ETag)) http.Response.Headers.ETag = record.ETag;
        if (record.ContentType is not null) http.Response.ContentType = record.ContentType;
        if (record.Body is { Length: > 0 } body) await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static Task Write(HttpContext http, Error error) => error.ToProblem().ExecuteAsync(http);

    private static bool IsWrite(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method)
        || HttpMethods.IsPut(method);

    /// <summary>Method, path, query and body: what must match for a retry to count as the same request.</summary>
    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0) sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

/// <summary>Endpoint metadata: the endpoint refuses a write without an <c>Idempotency-Key</c> (documented as required).</summary>
public sealed record IdempotencyKeyRequired;

/// <summary>Endpoint metadata: the answer carries access or refresh tokens, so storing it for replay would keep them at rest.</summary>
public sealed record AnswersCredentials;

public static class IdempotencyEndpoints
{
    /// <summary>The answer holds fresh tokens: an Idempotency-Key on it is accepted but nothing is stored or replayed.</summary>
    public static TBuilder NeverReplayed<TBuilder>(this TBuilder builder) where TBuilder : Microsoft.AspNetCore.Builder.IEndpointConventionBuilder
    {
        builder.Add(b => b.Metadata.Add(new AnswersCredentials()));
        return builder;
    }

    /// <summary>Marks an endpoint that checks for an Idempotency-Key itself and refuses the request without one.</summary>
    public static TBuilder RequiresIdempotencyKey<TBuilder>(this TBuilder builder) where TBuilder : Microsoft.AspNetCore.Builder.IEndpointConventionBuilder
    {
        builder.Add(b => b.Metadata.Add(new IdempotencyKeyRequired()));
        return builder;
    }
}
