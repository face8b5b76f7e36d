using System.CommandLine;

namespace Mercato.Cli;

/// <summary>
/// <c>mercato</c>, the operator's tool. Remote commands talk to a running server's Admin API (<c>--url</c>, <c>--key</c>);
/// local commands (migrate, seed, invite-owner) run the server's own host on its database and configuration.
/// </summary>
internal static class MercatoCli
{
    public const string DefaultUrl = "http://localhost:5000";

    public static RootCommand Build(CliContext context)
    {
        var url = new Option<string?>("--url")
        {
            Description = $"The Mercato server (default: $MERCATO_URL, else {DefaultUrl})",
            Recursive = true,
        };
        var key = new Option<string?>("--key")
        {
            Description = "A secret API key, sk_... (default: $MERCATO_API_KEY)",
            Recursive = true,
        };
        var remote = new RemoteOptions(context, url, key);
        var root = new RootCommand("Mercato operator tool: import and export files, API keys and admin users, status, migrations and seed data.");
        root.Options.Add(url);
        root.Options.Add(key);
        root.Subcommands.Add(ImportCommand.Build(remote));
        root.Subcommands.Add(ExportCommand.Build(remote));
        root.Subcommands.Add(AccessCommands.Users(remote));
        root.Subcommands.Add(AccessCommands.Keys(remote));
        root.Subcommands.Add(StatusCommand.Build(remote));
        foreach (var command in LocalCommands.Build(context)) root.Subcommands.Add(command);
        return root;
    }
}
