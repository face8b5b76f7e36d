using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Mercato.Cli;

/// <summary><c>mercato users invite</c> and <c>mercato keys create</c>: back-office access through the Admin API.</summary>
internal static class AccessCommands
{
    public static Command Users(RemoteOptions remote)
    {
        var email = new Argument<string>("email") { Description = "The new admin user's email address" };
        var role = new Option<string>("--role") { Description = "owner, admin, catalog_manager, order_manager, support or read_only", Required = true };
        var invite = new Command("invite", "Invite an admin user by email (they set their password from the emailed link)") { email, role };
        invite.SetAction(async (parse, ct) =>
        {
            using var api = remote.Client(parse);
            if (api is null) return 2;
            using var response = await api.PostAsJsonAsync("/admin/users", new { email = parse.GetValue(email), role = parse.GetValue(role) }, ct);
            if (await remote.ReadAsync(response, ct) is not { } user) return 1;
            remote.Console.MarkupLineInterpolated(
                $"Invited [bold]{user["email"]?.ToString()}[/] as {user["role"]?.ToString()} ({user["id"]?.ToString()}): the invitation is on its way by email.");
            return 0;
        });
        return new Command("users", "Admin users") { invite };
    }

    public static Command Keys(RemoteOptions remote)
    {
        var name = new Option<string>("--name") { Description = "What the key is for (e.g. \"ERP sync\")", Required = true };
        var role = new Option<string>("--role") { Description = "The key's role, e.g. admin or read_only", Required = true };
        var create = new Command("create", "Create a secret API key; its secret is printed once") { name, role };
        create.SetAction(async (parse, ct) =>
        {
            using var api = remote.Client(parse);
            if (api is null) return 2;
            using var response = await api.PostAsJsonAsync("/admin/api-keys", new { name = parse.GetValue(name), role = parse.GetValue(role) }, ct);
            if (await remote.ReadAsync(response, ct) is not { } created) return 1;
            var key = created["key"];
            var table = new Table().AddColumns("id", "name", "role", "permissions");
            table.AddRow(Markup.Escape(key?["id"]?.ToString() ?? ""), Markup.Escape(key?["name"]?.ToString() ?? ""),
                Markup.Escape(key?["role"]?.ToString() ?? ""), Markup.Escape(string.Join(", ", (key?["permissions"] as JsonArray ?? []).Select(p => p?.ToString()))));
            remote.Console.Write(table);
            remote.Console.MarkupLine("Secret (shown only now; store it safely):");
            remote.Console.WriteLine(created["secret"]?.ToString() ?? "");
            return 0;
        });
        return new Command("keys", "Secret API keys") { create };
    }
}
