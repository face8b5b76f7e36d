using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Mercato.Cli;

/// <summary>
/// <c>mercato import &lt;file&gt; [--dry-run] [--mode partial|all-or-nothing]</c>: uploads a CSV or NDJSON file to
/// <c>POST /admin/imports</c> with a progress bar, follows the import job until it ends and prints its counts and row errors.
/// Exit code 0 when every row imported, 1 when the job failed or any row was rejected, 2 for bad usage.
/// </summary>
internal static class ImportCommand
{
    public const int ErrorsShown = 50;

    private static readonly string[] Running = ["queued", "pending", "running", "processing", "in_progress", "validating", "importing"];

    public static Command Build(RemoteOptions remote)
    {
        var file = new Argument<FileInfo>("file") { Description = "A .csv or .ndjson file of products" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would change without changing anything" };
        var mode = new Option<string>("--mode")
        {
            Description = "partial: import the good rows; all-or-nothing: import nothing if any row is bad",
            DefaultValueFactory = _ => "partial",
        };
        mode.AcceptOnlyFromAmong("partial", "all-or-nothing");
        var command = new Command("import", "Import products from a CSV or NDJSON file") { file, dryRun, mode };
        command.SetAction((parse, ct) => RunAsync(remote, parse, parse.GetValue(file)!, parse.GetValue(dryRun), parse.GetValue(mode)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(RemoteOptions remote, ParseResult parse, FileInfo file, bool dryRun, string mode, CancellationToken ct)
    {
        var console = remote.Console;
        var contentType = file.Extension.ToLowerInvariant() switch
        {
            ".csv" => "text/csv",
            ".ndjson" or ".jsonl" => "application/x-ndjson",
            _ => null,
        };
        if (contentType is null)
        {
            console.MarkupLineInterpolated($"[red]Unknown file type:[/] {file.Name} (use .csv or .ndjson)");
            return 2;
        }
        if (!file.Exists)
        {
            console.MarkupLineInterpolated($"[red]No such file:[/] {file.FullName}");
            return 2;
        }
        using var api = remote.Client(parse);
        if (api is null) return 2;

        JsonNode? job = null;
        await console.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var upload = progress.AddTask($"Uploading {file.Name}", maxValue: Math.Max(1, file.Length));
                await using (var stream = new ProgressStream(file.OpenRead(), n => upload.Increment(n)))
                {
                    using var content = new StreamContent(stream, 64 * 1024);
                    content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
                    using var response = await api.PostAsync($"/admin/imports?dryRun={(dryRun ? "true" : "false")}&mode={mode}", content, ct);
                    upload.Value = upload.MaxValue;
                    job = await remote.ReadAsync(response, ct);
                }
                if (job is null) return;
                var processing = progress.AddTask(dryRun ? "Checking rows" : "Importing rows");
                processing.IsIndeterminate = true;
                while (IsRunning(job))
                {
                    processing.Description = $"{(dryRun ? "Checking" : "Importing")}: {Number(job, "rowsProcessed"):N0} rows";
                    await remote.Context.WaitBeforePoll(ct);
                    using var response = await api.GetAsync($"/admin/imports/{Uri.EscapeDataString(Text(job, "id"))}", ct);
                    job = await remote.ReadAsync(response, ct);
                    if (job is null) return;
                }
                processing.Description = $"{(dryRun ? "Checked" : "Imported")}: {Number(job, "rowsProcessed"):N0} rows";
                processing.IsIndeterminate = false;
                processing.Value = processing.MaxValue;
                processing.StopTask();
            });
        if (job is null) return 1;
        return Report(console, job, dryRun);
    }

    private static int Report(IAnsiConsole console, JsonNode job, bool dryRun)
    {
        var status = Text(job, "status");
        var counts = job["counts"];
        var table = new Table().AddColumns("created", "updated", "unchanged", "failed");
        table.AddRow(Number(counts, "created").ToString("N0"), Number(counts, "updated").ToString("N0"), Number(counts, "unchanged").ToString("N0"),
            Number(counts, "failed").ToString("N0"));
        console.MarkupLineInterpolated($"Import [bold]{Text(job, "id")}[/]{(dryRun ? " (dry run)" : "")}: {status}, {Number(job, "rowsProcessed"):N0} rows");
        console.Write(table);
        var errors = job["errors"] as JsonArray ?? [];
        if (errors.Count > 0)
        {
            var list = new Table().AddColumns("row", "field", "message");
            foreach (var error in errors.Take(ErrorsShown))
                list.AddRow(Markup.Escape(error?["row"]?.ToString() ?? ""), Markup.Escape(error?["field"]?.ToString() ?? ""),
                    Markup.Escape(error?["message"]?.ToString() ?? ""));
            console.Write(list);
            if (errors.Count > ErrorsShown) console.MarkupLineInterpolated($"... and {errors.Count - ErrorsShown} more errors.");
        }
        var failed = status.Equals("failed", StringComparison.OrdinalIgnoreCase) || Number(counts, "failed") > 0;
        if (failed) console.MarkupLine("[red]The import did not take every row.[/]");
        return failed ? 1 : 0;
    }

    private static bool IsRunning(JsonNode job) => Running.Contains(Text(job, "status").ToLowerInvariant());

    private static string Text(JsonNode? node, string property) => node?[property]?.ToString() ?? "";

    private static long Number(JsonNode? node, string property) =>
        node?[property] is JsonValue value && value.TryGetValue<long>(out var n) ? n : 0;
}
