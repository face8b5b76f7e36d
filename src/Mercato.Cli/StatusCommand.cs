using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Mercato.Cli;

/// <summary><c>mercato status</c>: the job queue (<c>/admin/jobs</c>) and the webhook endpoints (<c>/admin/webhooks</c>).</summary>
internal static class StatusCommand
{
    public static Command Build(RemoteOptions remote)
    {
        var command = new Command("status", "Jobs per type and state, recent job failures, and webhook endpoints with their status");
        command.SetAction(async (parse, ct) =>
        {
            using var api = remote.Client(parse);
            if (api is null) return 2;
            var console = remote.Console;

            using var jobsResponse = await api.GetAsync("/admin/jobs", ct);
            if (await remote.ReadAsync(jobsResponse, ct) is not { } jobs) return 1;
            var counts = new Table().Title("Jobs").AddColumns("type", "state").AddColumn("count", c => c.RightAligned());
            foreach (var row in jobs["counts"] as JsonArray ?? [])
                counts.AddRow(Text(row, "type"), Text(row, "state"), Text(row, "count"));
            if (counts.Rows.Count == 0) console.MarkupLine("Jobs: none queued.");
            else console.Write(counts);
            if (jobs["recentFailures"] is JsonArray { Count: > 0 } failures)
            {
                var failed = new Table().Title("Recent failures").AddColumns("id", "type", "attempts", "finished", "error");
                foreach (var job in failures)
                    failed.AddRow(Text(job, "id"), Text(job, "type"), Text(job, "attempts"), Text(job, "finishedAt"), Shorten(Text(job, "lastError")));
                console.Write(failed);
            }

            using var hooksResponse = await api.GetAsync("/admin/webhooks?limit=100", ct);
            if (hooksResponse.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
            {
                console.MarkupLineInterpolated($"Webhooks: not shown ({(int)hooksResponse.StatusCode}).");
                return 0;
            }
            if (await remote.ReadAsync(hooksResponse, ct) is not { } hooks) return 1;
            var endpoints = hooks["items"] as JsonArray ?? [];
            if (endpoints.Count == 0)
            {
                console.MarkupLine("Webhooks: no endpoints.");
                return 0;
            }
            var table = new Table().Title("Webhook endpoints").AddColumns("id", "url", "status", "events");
            foreach (var endpoint in endpoints)
            {
                var status = Text(endpoint, "status") is { Length: > 0 } s ? s
                    : endpoint?["disabled"]?.ToString() == "true" || endpoint?["enabled"]?.ToString() == "false" ? "disabled" : "enabled";
                var events = endpoint?["eventTypes"] ?? endpoint?["events"] ?? endpoint?["enabledEvents"];
                table.AddRow(Text(endpoint, "id"), Text(endpoint, "url"), Markup.Escape(status),
                    Markup.Escape(events is JsonArray list ? string.Join(", ", list.Select(e => e?.ToString())) : events?.ToString() ?? ""));
            }
            console.Write(table);
            return 0;
        });
        return command;
    }

    private static string Text(JsonNode? node, string property) => Markup.Escape(node?[property]?.ToString() ?? "");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
