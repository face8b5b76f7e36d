using System.Globalization;
using System.Runtime.CompilerServices;

namespace Mercato.Kernel.Exports;

/// <summary>Helpers for the modules' export endpoints: keyset-ordered batches and the CSV spelling of values.</summary>
public static class ExportBatches
{
    /// <summary>Rows read per query: small enough to hold, large enough that a big export makes few round trips.</summary>
    public const int Size = 500;

    /// <summary>
    /// Reads a whole result in keyset-ordered batches: <paramref name="next"/> gets the last row of the previous batch (default
    /// for the first) and returns the rows after it, at most <see cref="Size"/>. Only one batch is held at a time.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(Func<T?, CancellationToken, Task<IReadOnlyList<T>>> next,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        T? last = default;
        while (true)
        {
            var batch = await next(last, ct);
            foreach (var row in batch) yield return row;
            if (batch.Count < Size) yield break;
            last = batch[^1];
        }
    }

    /// <summary>A timestamp as the API's JSON writes it: ISO 8601 in UTC with a Z.</summary>
    public static string? Timestamp(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";
}
