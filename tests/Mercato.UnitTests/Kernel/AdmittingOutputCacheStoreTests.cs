using Mercato.Kernel.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.UnitTests.Kernel;

public class AdmittingOutputCacheStoreTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider _clock = new();
    private readonly KeptAnswers _kept = new();
    private readonly AdmittingOutputCacheStore _store;

    public AdmittingOutputCacheStoreTests() => _store = new AdmittingOutputCacheStore(_kept, capacityBytes: 1000, Window, _clock);

    private ValueTask SetAsync(string key, int bytes = 100) => _store.SetAsync(key, new byte[bytes], ["every"], Window, TestContext.Current.CancellationToken);

    [Fact]
    public async Task While_the_answers_fit_every_answer_is_stored_at_its_first_read()
    {
        for (var i = 0; i < 10; i++) await SetAsync($"/products/{i}");

        Assert.Equal(10, _kept.Keys.Count);
        Assert.Equal(0, _store.Refused);
    }

    [Fact]
    public async Task Past_the_size_an_answer_read_once_is_refused_and_stored_when_read_again()
    {
        for (var i = 0; i < 10; i++) await SetAsync($"/products/{i}");

        await SetAsync("/products/once");
        Assert.DoesNotContain("/products/once", _kept.Keys);
        Assert.Equal(1, _store.Refused);

        await SetAsync("/products/once");
        Assert.Contains("/products/once", _kept.Keys);
    }

    [Fact]
    public async Task A_new_window_stores_first_reads_again()
    {
        for (var i = 0; i < 10; i++) await SetAsync($"/products/{i}");
        await SetAsync("/products/late");
        Assert.DoesNotContain("/products/late", _kept.Keys);

        _clock.Advance(Window);
        await SetAsync("/products/later");

        Assert.Contains("/products/later", _kept.Keys);
    }

    [Fact]
    public async Task An_answer_larger_than_what_is_left_waits_for_its_second_read()
    {
        await SetAsync("/products/big", bytes: 1001);
        Assert.Empty(_kept.Keys);

        await SetAsync("/products/big", bytes: 1001);
        Assert.Equal(["/products/big"], _kept.Keys);
    }

    [Fact]
    public async Task Reads_and_evictions_go_to_the_store()
    {
        await SetAsync("/products/1");

        Assert.NotNull(await _store.GetAsync("/products/1", TestContext.Current.CancellationToken));
        await _store.EvictByTagAsync("every", TestContext.Current.CancellationToken);
        Assert.Null(await _store.GetAsync("/products/1", TestContext.Current.CancellationToken));
    }

    /// <summary>The store behind: keeps what it is given, evicts by tag.</summary>
    private sealed class KeptAnswers : IOutputCacheStore
    {
        private readonly Dictionary<string, (byte[] Value, string[] Tags)> _answers = [];

        public List<string> Keys => [.. _answers.Keys];

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
            ValueTask.FromResult(_answers.TryGetValue(key, out var answer) ? answer.Value : null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            _answers[key] = (value, tags ?? []);
            return ValueTask.CompletedTask;
        }

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            foreach (var key in _answers.Where(a => a.Value.Tags.Contains(tag)).Select(a => a.Key).ToList()) _answers.Remove(key);
            return ValueTask.CompletedTask;
        }
    }
}
