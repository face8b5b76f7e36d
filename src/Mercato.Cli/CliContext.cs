using Mercato.Api;
using Spectre.Console;

namespace Mercato.Cli;

/// <summary>What the commands use from the outside world, injected so that tests run them in-process against a test server.</summary>
internal sealed record CliContext(
    IAnsiConsole Console,
    Func<Uri, HttpClient> CreateClient,
    Func<string, string?> Environment,
    Func<string[], Task<int>> RunLocal,
    Func<CancellationToken, Task> WaitBeforePoll)
{
    public static CliContext Default() => new(
        AnsiConsole.Console,
        url => new HttpClient { BaseAddress = url, Timeout = Timeout.InfiniteTimeSpan },
        System.Environment.GetEnvironmentVariable,
        ServerCommands.RunAsync,
        ct => Task.Delay(TimeSpan.FromMilliseconds(500), ct));
}
