using BenchmarkDotNet.Running;

namespace Mercato.Benchmarks;

/// <summary><c>dotnet run -c Release --project bench/Mercato.Benchmarks -- --filter '*'</c> (or one class: <c>--filter '*Serialization*'</c>).</summary>
internal static class BenchmarksProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarksProgram).Assembly).Run(args);
}
