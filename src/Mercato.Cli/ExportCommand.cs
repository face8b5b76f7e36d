using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Mercato.Cli;

/// <summary>
/// <c>mercato export &lt;products|inventory|customers|orders&gt; [--format csv|ndjson] [--since ISO] [--out file]</c>:
/// streams <c>GET /admin/exports/{resource}</c> to a file, showing the bytes received.
/// </summary>
internal static class ExportCommand
{
    public static Command Build(RemoteOptions remote)
    {
        var resource = new Argument<string>("resource") { Description = "products, inventory, customers or orders" };
        resource.AcceptOnlyFromAmong("products", "inventory", "customers", "orders");
        var format = new Option<string>("--format") { Description = "csv or ndjson", DefaultValueFactory = _ => "ndjson" };
        format.AcceptOnlyFromAmong("csv", "ndjson");
        var since = new Option<string?>("--since") { Description = "Only records changed at or after this ISO 8601 time (incremental sync)" };
        var output = new Option<FileInfo?>("--out") { Description = "The file to write (default: <resource>.<format> here)" };
        var command = new Command("export", "Export products, inventory, customers or orders to a CSV or NDJSON file")
        {
            resource, format, since, output,
        };
        command.SetAction((parse, ct) => RunAsync(remote, parse, parse.GetValue(resource)!, parse.GetValue(format)!, parse.GetValue(since),
            parse.GetValue(output), ct));
        return command;
    }

    private static async Task<int> RunAsync(RemoteOptions remote, ParseResult parse, string resource, string format, string? since,
        FileInfo? output, CancellationToken ct)
    {
        var console = remote.Console;
        var query = $"/admin/exports/{resource}?format={format}";
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from))
            {
                console.MarkupLineInterpolated($"[red]--since is not an ISO 8601 time:[/] {since}");
                return 2;
            }
            query += "&updatedSince=" + Uri.EscapeDataString(from.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        }
        using var api = remote.Client(parse);
        if (api is null) return 2;
        using var response = await api.GetAsync(query, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            await remote.ReportAsync(response, ct);
            return 1;
        }
        var path = output?.FullName ?? Path.GetFullPath($"{resource}.{format}");
        long bytes = 0, lines = 0;
        await console.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Exporting {resource}", maxValue: response.Content.Headers.ContentLength ?? 1);
                task.IsIndeterminate = response.Content.Headers.ContentLength is null;
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
                var buffer = new byte[64 * 1024];
                int read;
                while ((read = await body.ReadAsync(buffer, ct)) > 0)
                {
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    bytes += read;
                    lines += buffer.AsSpan(0, read).Count((byte)'\n');
                    if (task.IsIndeterminate) task.MaxValue = bytes;
                    task.Value = bytes;
                }
                task.IsIndeterminate = false;
                task.MaxValue = Math.Max(1, bytes);
                task.Value = task.MaxValue;
                task.StopTask();
            });
        var records = format == "csv" ? Math.Max(0, lines - 1) : lines;
        console.MarkupLineInterpolated($"Wrote [bold]{records:N0}[/] {resource} record lines ({bytes:N0} bytes) to {path}");
        return 0;
    }
}
