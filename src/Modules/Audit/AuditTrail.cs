using System.Security.Claims;
using System.Text.Json;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mercato.Audit;

/// <summary>
/// The endpoint filter behind <see cref="AuditModule.AddAuditTrail{TBuilder}"/>: once a write's handler has answered with
/// a 2xx result, records who did what to which resource. Failed writes change nothing and are not recorded; replayed
/// idempotent requests never reach the handler, so each change is recorded once.
/// </summary>
internal static partial class AuditTrail
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var result = await next(invocation);
        var http = invocation.HttpContext;
        if (!IsWrite(http.Request.Method)) return result;
        var status = StatusOf(result, http);
        if (status is >= 200 and < 300) await RecordAsync(http, status, result);
        return result;
    }

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>The status the result will write; typed results know it before they run.</summary>
    private static int StatusOf(object? result, HttpContext http)
    {
        while (result is INestedHttpResult nested) result = nested.Result;
        return result is IStatusCodeHttpResult { StatusCode: { } status } ? status : http.Response.StatusCode;
    }

    private static async Task RecordAsync(HttpContext http, int status, object? result)
    {
        var endpoint = http.GetEndpoint();
        var action = endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "";
        var pattern = (endpoint as RouteEndpoint)?.RoutePattern;
        var (resourceType, resourceParameter) = Resource(pattern);
        var user = http.User;
        var (actorId, actorKind) = user.FindFirstValue(Callers.AdminUserClaim) is { } userId ? (userId, "user")
            : user.FindFirstValue(Callers.KeyIdClaim) is { } keyId ? (keyId, "key") : ("", "unknown");
        var resourceId = resourceParameter is not null ? http.Request.RouteValues[resourceParameter]?.ToString() : CreatedId(result);
        var userAgent = http.Request.Headers.UserAgent.ToString();

        await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var services = scope.ServiceProvider;
        var time = services.GetRequiredService<TimeProvider>();
        var entry = new AuditEntry(time.GetUtcNow(), time)
        {
            ActorId = Cap(actorId, 64),
            ActorKind = actorKind,
            Action = Cap(action, 100),
            Method = http.Request.Method.ToUpperInvariant(),
            Route = Cap(RouteText(pattern) ?? http.Request.Path.Value ?? "", 300),
            Path = Cap(http.Request.Path.Value ?? "", 2000),
            ResourceType = Cap(resourceType, 100),
            ResourceId = resourceId is null ? null : Cap(resourceId, 300),
            ChangedFields = await FieldNamesAsync(http.Request),
            Status = status,
            IpAddress = http.Connection.RemoteIpAddress?.ToString(),
            UserAgent = userAgent.Length == 0 ? null : Cap(userAgent, AuditEntry.MaxUserAgent),
            RequestId = Cap(http.TraceIdentifier, 200),
        };
        var db = services.GetRequiredService<MercatoDb>();
        db.Add(entry);
        try
        {
            // The change is committed already: a client that went away must not cost its record.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateException e)
        {
            // Failing the request now would report an applied change as failed and invite a second one.
            LogNotRecorded(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditTrail)), e, action, status);
        }
    }

    /// <summary>The collection after <c>/admin</c> and the route parameter that names its resource (the first one).</summary>
    private static (string Type, string? Parameter) Resource(RoutePattern? pattern)
    {
        if (pattern is null) return ("", null);
        var literals = pattern.PathSegments.Where(s => s.IsSimple && s.Parts[0] is RoutePatternLiteralPart)
            .Select(s => ((RoutePatternLiteralPart)s.Parts[0]).Content).ToList();
        var type = literals.Count > 1 ? literals[1] : "";
        return (type, pattern.Parameters.Count > 0 ? pattern.Parameters[0].Name : null);
    }

    private static string? RouteText(RoutePattern? pattern)
    {
        if (pattern?.RawText is not { } raw) return null;
        var text = "/" + raw.Trim('/');
        return text.Replace("//", "/", StringComparison.Ordinal);
    }

    /// <summary>The id of the resource a create made: from its Location, else from the answer's <c>id</c>.</summary>
    private static string? CreatedId(object? result)
    {
        while (result is INestedHttpResult nested) result = nested.Result;
        if (result?.GetType().GetProperty("Location")?.GetValue(result) is string { Length: > 0 } location)
        {
            var path = location.Split('?')[0].TrimEnd('/');
            return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        }
        var value = (result as IValueHttpResult)?.Value;
        return value?.GetType().GetProperty("Id")?.GetValue(value) as string;
    }

    /// <summary>
    /// The top-level field names of the JSON body (the host buffers JSON bodies, so it can be read again); never values.
    /// </summary>
    private static async Task<string> FieldNamesAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType() || !request.Body.CanSeek) return "";
        try
        {
            request.Body.Position = 0;
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: CancellationToken.None);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return "";
            var names = new List<string>();
            var length = 0;
            foreach (var name in json.RootElement.EnumerateObject().Select(p => p.Name).Distinct(StringComparer.Ordinal))
            {
                length += name.Length + 1;
                if (length > AuditEntry.MaxFields) break;
                names.Add(name);
            }
            return string.Join(',', names);
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static string Cap(string value, int max) => value.Length <= max ? value : value[..max];

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit entry of a successful {Action} ({Status}) could not be written")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string action, int status);
}
