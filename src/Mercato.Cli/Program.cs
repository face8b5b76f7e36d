namespace Mercato.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => MercatoCli.Build(CliContext.Default()).Parse(args).InvokeAsync();
}
