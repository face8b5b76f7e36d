using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Mercato.Cli;

/// <summary>The server address and key of a remote command, and the shared handling of its answers.</summary>
internal sealed class RemoteOptions(CliContext context, Option<string?> url, Option<string?> key)
{
    public CliContext Context => context;

    public IAnsiConsole Console => context.Console;

    /// <summary>A client for the Admin API with the key set, or null (after saying why) when the address or key is missing.</summary>
    public HttpClient? Client(ParseResult parse)
    {
        var address = parse.GetValue(url) ?? context.Environment("MERCATO_URL") ?? MercatoCli.DefaultUrl;
        var secret = parse.GetValue(key) ?? context.Environment("MERCATO_API_KEY");
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Console.MarkupLineInterpolated($"[red]Not an http(s) address:[/] {address}");
            return null;
        }
        if (string.IsNullOrWhiteSpace(secret))
        {
            Console.MarkupLine("[red]No API key:[/] pass --key sk_... or set MERCATO_API_KEY.");
            return null;
        }
        var client = context.CreateClient(uri);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret.Trim());
        return client;
    }

    /// <summary>The JSON body of a successful answer, or null after printing the problem.</summary>
    public async Task<JsonNode?> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            await ReportAsync(response, ct);
            return null;
        }
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Prints an error answer: its problem code, detail and field errors when it has them.</summary>
    public async Task ReportAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        JsonNode? problem = null;
        try
        {
            problem = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
        }
        var code = problem?["code"]?.GetValue<string>() ?? response.ReasonPhrase ?? "error";
        var detail = problem?["detail"]?.GetValue<string>() ?? body;
        Console.MarkupLineInterpolated($"[red]{(int)response.StatusCode} {code}[/]: {detail}");
        if (problem?["errors"] is JsonObject errors)
        {
            foreach (var (field, messages) in errors)
                Console.MarkupLineInterpolated($"  [yellow]{field}[/]: {string.Join(" ", messages?.AsArray().Select(m => m?.ToString()) ?? [])}");
        }
    }
}
