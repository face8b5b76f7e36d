using Mercato.Api.Hosting;
using Mercato.Api.Seed;

namespace Mercato.Api;

/// <summary>
/// The server's maintenance commands on its own database and configuration (appsettings, environment, <c>--key=value</c>
/// arguments): used by <c>dotnet run --project src/Mercato.Api -- migrate|seed|invite-owner</c> and by the <c>mercato</c> CLI.
/// </summary>
public static class ServerCommands
{
    /// <summary>Whether <paramref name="args"/> name a maintenance command rather than running the server.</summary>
    public static bool Handles(string[] args) => args is ["migrate", ..] or ["seed", ..] or ["invite-owner", ..] or ["generate-catalog", ..];

    /// <summary>
    /// <c>migrate</c>: applies the schema (and the bootstrap key); <c>seed [demo]</c>: the demo catalog into an empty
    /// database; <c>seed synthetic [--products N]</c> or <c>seed --products N</c>: a large synthetic catalog;
    /// <c>invite-owner &lt;email&gt;</c>: the first admin user; <c>generate-catalog --products N</c>: a bulk-loaded catalog for the
    /// benchmarks (<see cref="CatalogGenerator"/>). Returns the process exit code.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var (command, rest) = (args[0], args[1..]);
        // The command words are not settings; `--Key=value` arguments after them still configure the host.
        var settings = rest.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToList();
        var operands = rest.Except(settings).ToArray();
        if (command == "migrate") settings.Add("--Mercato:Seed=none");
        if (command == "seed" && operands is ["demo"]) settings.Add("--Mercato:Seed=demo");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. settings],
            ContentRootPath = ContentRoot.Find([.. settings]),
        });
        builder.AddMercato();
        await using var app = builder.Build();
        switch (command, operands)
        {
            case ("migrate", []):
                await app.PrepareDatabaseAsync();
                Console.WriteLine("The database schema is up to date.");
                return 0;
            case ("seed", ["demo"] or []):
                await app.PrepareDatabaseAsync();
                Console.WriteLine("The demo catalog is seeded (only ever into an empty database).");
                return 0;
            case ("seed", ["synthetic", .. var options]):
                return await SyntheticCatalog.RunAsync(app, options);
            case ("seed", ["--products", ..]):
                return await SyntheticCatalog.RunAsync(app, operands);
            case ("generate-catalog", _):
                return await CatalogGenerator.RunAsync(app, operands);
            case ("invite-owner", [var email]):
                await app.PrepareDatabaseAsync();
                return await FirstOwner.InviteAsync(app, email);
            default:
                await Console.Error.WriteLineAsync("Usage: migrate | seed [demo | synthetic [--products N]] | invite-owner <email> | generate-catalog --products N");
                return 2;
        }
    }
}
