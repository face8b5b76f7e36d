using System.Text.Json;

namespace Mercato.Api.Hosting;

/// <summary>
/// Rejects a JSON body with U+0000 in any string or key (400): PostgreSQL cannot store it in text (a 500 there) while
/// SQLite silently would. A string converter would do the same but hides every string's type from the OpenAPI schemas.
/// </summary>
internal sealed class NulFreeJson(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.HasJsonContentType() && http.Request.ContentLength is not 0)
        {
            http.Request.EnableBuffering();
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            http.Request.Body.Position = 0;
            if (HasNul(body.GetBuffer().AsSpan(0, (int)body.Length)))
                throw new BadHttpRequestException("A string in the JSON body contains the NUL character (U+0000).");
        }
        await next(http);
    }

    private static bool HasNul(ReadOnlySpan<byte> json)
    {
        // A NUL can only arrive escaped (\u0000); broken JSON is left to the binder, which reports it precisely.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is (JsonTokenType.String or JsonTokenType.PropertyName) && reader.ValueIsEscaped
                    && reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                    return true;
            }
        }
        catch (JsonException)
        {
        }
        return false;
    }
}
