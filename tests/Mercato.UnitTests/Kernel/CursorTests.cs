using Mercato.Kernel.Ids;
using Mercato.Kernel.Paging;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.UnitTests.Kernel;

public class CursorTests
{
    [Fact]
    public void A_cursor_round_trips_its_keys()
    {
        var cursor = Cursor.Encode("price_asc", "1999", "prod_123");
        Assert.Equal(new[] { "price_asc", "1999", "prod_123" }, Cursor.Decode(cursor, 3)!.Select(k => k!));
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("bm90IGpzb24")]
    [InlineData("")]
    public void Garbage_is_not_a_cursor(string cursor) => Assert.Null(Cursor.Decode(cursor, 1));

    [Fact]
    public void A_cursor_with_another_number_of_keys_is_refused() => Assert.Null(Cursor.Decode(Cursor.Encode("a", "b"), 3));
}

public class EntityIdTests
{
    [Fact]
    public void Ids_have_the_prefix_and_26_base32_characters_and_sort_by_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var first = EntityId.New("prod", clock);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = EntityId.New("prod", clock);

        Assert.True(EntityId.HasShape(first, "prod"), first);
        Assert.Equal(31, first.Length);
        Assert.True(string.CompareOrdinal(first, second) < 0);
    }

    [Fact]
    public void Secrets_are_unguessable_and_distinct()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => EntityId.Secret("sk", 24)).ToHashSet();
        Assert.Equal(100, secrets.Count);
        Assert.All(secrets, s => Assert.True(s.Length >= 3 + 38));
    }
}
