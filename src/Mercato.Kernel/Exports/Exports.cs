using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Kernel.Exports;

public enum ExportFormat
{
    Csv,
    Ndjson,
}

/// <summary>
/// Streaming export responses: rows are written to the response as the query yields them, so an export of a million
/// records holds one record in memory at a time. NDJSON items use the API's JSON settings (same shapes as the Admin API).
/// </summary>
public static class Exports
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string NdjsonContentType = "application/x-ndjson";

    /// <summary><c>csv</c> or <c>ndjson</c> (the default when absent); false for anything else.</summary>
    public static bool TryParseFormat(string? value, out ExportFormat format)
    {
        format = ExportFormat.Ndjson;
        if (string.IsNullOrEmpty(value) || value.Equals("ndjson", StringComparison.OrdinalIgnoreCase)) return true;
        if (!value.Equals("csv", StringComparison.OrdinalIgnoreCase)) return false;
        format = ExportFormat.Csv;
        return true;
    }

    /// <summary>An RFC 4180 CSV file: the header, then one line per row.</summary>
    public static IResult Csv(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string?>> rows) =>
        new StreamedFile(fileName + ".csv", CsvContentType, async (http, body, ct) =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            // Cells that a spreadsheet would run as a formula (=, +, -, @...) are escaped: exports are opened in Excel.
            var settings = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
            await using var csv = new CsvWriter(writer, settings, leaveOpen: true);
            foreach (var column in header) csv.WriteField(column);
            await csv.NextRecordAsync();
            await foreach (var row in rows.WithCancellation(ct))
            {
                foreach (var field in row) csv.WriteField(field);
                await csv.NextRecordAsync();
            }
            await writer.FlushAsync(ct);
        });

    /// <summary>Newline-delimited JSON: one item per line.</summary>
    public static IResult Ndjson<T>(string fileName, IAsyncEnumerable<T> items) =>
        new StreamedFile(fileName + ".ndjson", NdjsonContentType, async (http, body, ct) =>
        {
            var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var newline = "\n"u8.ToArray();
            await foreach (var item in items.WithCancellation(ct))
            {
                await JsonSerializer.SerializeAsync(body, item, json, ct);
                await body.WriteAsync(newline, ct);
            }
        });

    private sealed class StreamedFile(string fileName, string contentType, Func<HttpContext, Stream, CancellationToken, Task> write)
        : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = contentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            // Exports are point-in-time reads of private data: never cached by a browser or a proxy.
            http.Response.Headers.CacheControl = "no-store";
            await write(http, http.Response.Body, http.RequestAborted);
        }
    }
}
