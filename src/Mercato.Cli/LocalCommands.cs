using System.CommandLine;

namespace Mercato.Cli;

/// <summary>
/// Commands on the database itself, through the server's own host and configuration (appsettings, environment,
/// <c>ConnectionStrings:Mercato</c>, <c>Mercato:Database:Provider</c>); <c>--connection</c> and <c>--provider</c> override them.
/// </summary>
internal static class LocalCommands
{
    public static IEnumerable<Command> Build(CliContext context)
    {
        var connection = new Option<string?>("--connection") { Description = "ConnectionStrings:Mercato (default: the server's configuration)" };
        var provider = new Option<string?>("--provider") { Description = "sqlite or postgres (default: the server's configuration)" };
        provider.AcceptOnlyFromAmong("sqlite", "postgres");

        string[] Settings(ParseResult parse) =>
        [
            .. parse.GetValue(connection) is { } c ? [$"--ConnectionStrings:Mercato={c}"] : Array.Empty<string>(),
            .. parse.GetValue(provider) is { } p ? [$"--Mercato:Database:Provider={p}"] : Array.Empty<string>(),
        ];

        var migrate = new Command("migrate", "Apply the database migrations (the server also does at start-up)") { connection, provider };
        migrate.SetAction(parse => context.RunLocal(["migrate", .. Settings(parse)]));

        var kind = new Argument<string>("kind") { Description = "demo (into an empty database) or synthetic", DefaultValueFactory = _ => "demo" };
        kind.AcceptOnlyFromAmong("demo", "synthetic");
        var products = new Option<int>("--products") { Description = "How many synthetic products", DefaultValueFactory = _ => 10_000 };
        products.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--products must be at least 1.");
        });
        var seed = new Command("seed", "Seed the demo catalog, or a large synthetic catalog for performance work") { kind, products, connection, provider };
        seed.SetAction(parse => parse.GetValue(kind) == "synthetic"
            ? context.RunLocal(["seed", "synthetic", "--products", parse.GetValue(products).ToString(System.Globalization.CultureInfo.InvariantCulture), .. Settings(parse)])
            : context.RunLocal(["seed", "demo", .. Settings(parse)]));

        var email = new Argument<string>("email") { Description = "The first owner's email address" };
        var invite = new Command("invite-owner", "Invite the first owner of a new shop (prints a one-time invitation token)") { email, connection, provider };
        invite.SetAction(parse => context.RunLocal(["invite-owner", parse.GetValue(email)!, .. Settings(parse)]));

        return [migrate, seed, invite];
    }
}
