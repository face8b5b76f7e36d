using Microsoft.AspNetCore.OutputCaching;

namespace Mercato.Kernel.Caching;

/// <summary>
/// Decides which answers the in-memory output cache stores. While the answers stored within the last
/// <c>Mercato:Cache:DurationSeconds</c> fit in its size limit, every answer is stored. Past that (a catalog larger than the
/// cache, read all over), an answer is stored only if its key was asked for before in that time ("second hit"): an answer
/// read once would only push out answers that are read again, and each one pushed out is garbage left for a full
/// collection. Measured at 100,000 products read at random (SQLite): the cache kept turning over and the process grew by
/// about 160 MB more than with no output cache at all.
/// </summary>
internal sealed class AdmittingOutputCacheStore(IOutputCacheStore store, long capacityBytes, TimeSpan window, TimeProvider time)
    : IOutputCacheStore
{
    private readonly SeenKeys _seen = new();
    private long _windowStarted = time.GetTimestamp();
    private long _storedBytes;
    private long _refused;

    /// <summary>The store the admitted answers go to.</summary>
    internal IOutputCacheStore Store => store;

    /// <summary>How many bytes of answers a window stores before it asks for a second hit.</summary>
    internal long CapacityBytes => capacityBytes;

    /// <summary>Answers turned away since the start (for tests and diagnostics).</summary>
    internal long Refused => Interlocked.Read(ref _refused);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => store.GetAsync(key, cancellationToken);

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => store.EvictByTagAsync(tag, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (Admits(key, value.Length)) return store.SetAsync(key, value, tags, validFor, cancellationToken);
        Interlocked.Increment(ref _refused);
        return ValueTask.CompletedTask;
    }

    /// <summary>Whether an answer of <paramref name="bytes"/> under <paramref name="key"/> is stored; notes the key as asked for.</summary>
    internal bool Admits(string key, int bytes)
    {
        var started = Interlocked.Read(ref _windowStarted);
        var now = time.GetTimestamp();
        if (time.GetElapsedTime(started, now) >= window && Interlocked.CompareExchange(ref _windowStarted, now, started) == started)
        {
            Interlocked.Exchange(ref _storedBytes, 0);
            _seen.Clear();
        }
        var askedBefore = _seen.Add(key);
        if (!askedBefore && Interlocked.Read(ref _storedBytes) + bytes > capacityBytes) return false;
        Interlocked.Add(ref _storedBytes, bytes);
        return true;
    }

    /// <summary>
    /// The keys asked for in the current window, as a Bloom filter: 128 KB whatever the catalog's size. It forgets everything
    /// once it holds as many keys as keep false positives near 5%, so a key it wrongly claims costs at most one stored answer.
    /// Lock-free: an add racing a clear can only forget a key, which costs that key one more read before it is stored.
    /// </summary>
    private sealed class SeenKeys
    {
        private const int Bits = 1 << 20;
        private const int MostKeys = Bits / 8;

        private readonly long[] _words = new long[Bits / 64];
        private int _count;

        /// <summary>Notes <paramref name="key"/>; true when it was (probably) noted before.</summary>
        public bool Add(string key)
        {
            if (Interlocked.Increment(ref _count) > MostKeys) Clear();
            // Two positions from one 64-bit mix of the string's hash (randomized per process).
            var mixed = (ulong)(uint)key.GetHashCode() * 0x9E3779B97F4A7C15UL;
            var first = Set((int)(mixed >> 44));
            var second = Set((int)(mixed >> 20) & (Bits - 1));
            return first && second;
        }

        public void Clear()
        {
            Array.Clear(_words);
            Interlocked.Exchange(ref _count, 0);
        }

        /// <summary>Sets bit <paramref name="bit"/>; true when it was set already.</summary>
        private bool Set(int bit)
        {
            var mask = 1L << (bit & 63);
            return (Interlocked.Or(ref _words[bit >> 6], mask) & mask) != 0;
        }
    }
}
