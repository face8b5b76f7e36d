using Mercato.Api.Hosting;

namespace Mercato.Api.Tests.Operations;

public sealed class MallocArenasTests
{
    [Fact]
    public void On_glibc_the_arenas_are_capped_unless_the_environment_sets_them()
    {
        var fromEnvironment = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX"));

        var outcome = MallocArenas.Apply();

        // The tests run on Debian (glibc), where mallopt accepts the cap.
        Assert.Equal(fromEnvironment ? MallocArenas.Outcome.LeftToEnvironment : MallocArenas.Outcome.Capped, outcome);
    }
}
