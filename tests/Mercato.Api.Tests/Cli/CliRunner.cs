using Mercato.Cli;
using Spectre.Console.Testing;

namespace Mercato.Api.Tests.Cli;

/// <summary>Runs <c>mercato</c> commands in-process: a test console, the given HTTP client, no environment variables.</summary>
internal sealed class CliRunner
{
    public CliRunner(Func<Uri, HttpClient> client, Func<CancellationToken, Task>? wait = null, Func<string[], Task<int>>? local = null)
    {
        Console.Profile.Width = 250;
        Context = new CliContext(Console, client, _ => null, local ?? (_ => Task.FromResult(0)), wait ?? (_ => Task.CompletedTask));
    }

    public TestConsole Console { get; } = new();

    public CliContext Context { get; }

    public string Output => Console.Output;

    public Task<int> RunAsync(params string[] args) => MercatoCli.Build(Context).Parse(args).InvokeAsync();

    /// <summary>The arguments for the app's server with the owner's bootstrap key.</summary>
    public static string[] Remote(params string[] args) => [.. args, "--url", "http://localhost", "--key", MercatoApp.AdminKey];
}
