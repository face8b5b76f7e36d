namespace Mercato.Api.Hosting;

/// <summary>
/// Headers that keep browsers from sniffing, framing or leaking referrers on every response. The API answers only data,
/// so it also forbids every other source (<c>default-src 'none'</c>); the docs page loads scripts and styles, so it only
/// forbids framing.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    public const string DocsPolicy = "frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        // On starting: the exception handler clears headers before writing its problem, and these must be on errors too.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/docs") ? DocsPolicy : ApiPolicy;
            return Task.CompletedTask;
        });
        return next(http);
    }
}
