using Mercato.Kernel.Persistence;

namespace Mercato.UnitTests.Kernel;

public sealed class SharedPlansTests
{
    [Fact]
    public void Fewer_values_than_the_assumed_array_length_are_padded_with_the_last()
    {
        Assert.Equal(["a", "b", "c", "c", "c", "c", "c", "c", "c", "c"], SharedPlans.PaddedForSharedPlan(["a", "b", "c"]));
        Assert.Equal(Enumerable.Repeat("x", SharedPlans.AssumedArrayLength), SharedPlans.PaddedForSharedPlan(["x"]));
    }

    [Fact]
    public void Enough_values_are_kept_as_they_are_and_none_stay_none()
    {
        string[] twelve = [.. Enumerable.Range(0, 12).Select(i => $"v{i}")];

        Assert.Equal(twelve, SharedPlans.PaddedForSharedPlan(twelve));
        Assert.Empty(SharedPlans.PaddedForSharedPlan(Array.Empty<string>()));
    }
}
