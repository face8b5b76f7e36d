namespace Mercato.Api.Hosting;

/// <summary>
/// Gives every request an id: the caller's <c>X-Request-Id</c> when it is sane, else the server's own trace identifier. It is
/// returned on every response (errors included), put into problem bodies as <c>requestId</c> and carried by every log line
/// of the request through a logging scope.
/// </summary>
internal sealed class RequestIds(RequestDelegate next, ILogger<RequestIds> logger)
{
    public const string Header = "X-Request-Id";
    public const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext http)
    {
        var incoming = http.Request.Headers[Header];
        if (incoming.Count == 1 && IsSane(incoming[0])) http.TraceIdentifier = incoming[0]!;
        var id = http.TraceIdentifier;
        // On starting, not now: the exception handler clears the headers of a failed response before writing its problem.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
        {
            await next(http);
        }
    }

    /// <summary>Up to 128 characters of letters, digits and <c>. _ : -</c>: safe to echo in a header and to log.</summary>
    public static bool IsSane(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');
}
