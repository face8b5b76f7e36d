using Mercato.Kernel.Ids;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.UnitTests.Kernel;

public sealed class EntityIdOrderTests
{
    [Fact]
    public void Ids_made_in_one_millisecond_sort_in_the_order_they_were_made()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 2, 50, 0, TimeSpan.Zero));

        var ids = Enumerable.Range(0, 1000).Select(_ => EntityId.New("reg", clock)).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(1000, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(EntityId.HasShape(id, "reg"), id));
    }

    [Fact]
    public void An_id_keeps_the_time_it_was_made_at_in_its_first_characters()
    {
        var earlier = EntityId.New("ord", new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 2, 50, 0, TimeSpan.Zero)));
        var later = EntityId.New("ord", new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 2, 50, 1, TimeSpan.Zero)));

        Assert.True(string.CompareOrdinal(earlier, later) < 0, $"{earlier} !< {later}");
        Assert.Equal(earlier[..12], EntityId.New("ord", new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 2, 50, 0, TimeSpan.Zero)))[..12]);
    }
}
