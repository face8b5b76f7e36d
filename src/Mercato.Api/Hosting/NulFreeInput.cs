using Mercato.Kernel.Validation;

namespace Mercato.Api.Hosting;

/// <summary>
/// Rejects U+0000 in the query string or in any string or key of a JSON body (400), before a handler runs.
/// PostgreSQL refuses it in text while SQLite silently takes it, so the same request would behave differently on each
/// database; and a refusal while PostgreSQL binds an automatically prepared statement leaves that statement unusable on
/// its connection (a later, valid request using it fails). A string converter would cover the body only, and hides every
/// string's type from the OpenAPI schemas.
/// </summary>
internal sealed class NulFreeInput(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        // Kestrel refuses a NUL in the path and a raw NUL byte anywhere in the request line, so in the query string it can
        // only arrive percent-encoded.
        if (http.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
            throw new BadHttpRequestException("The query string contains the NUL character (U+0000).");
        if (http.Request.HasJsonContentType() && http.Request.ContentLength is not 0)
        {
            http.Request.EnableBuffering();
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            http.Request.Body.Position = 0;
            if (NulCharacter.IsInJson(body.GetBuffer().AsSpan(0, (int)body.Length)))
                throw new BadHttpRequestException("A string in the JSON body contains the NUL character (U+0000).");
        }
        await next(http);
    }
}
