using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Mercato.Kernel.Paging;

/// <summary>
/// Opaque keyset cursors: the sort key of the last item of a page (ending with its id) so the next page starts
/// strictly after it, with no gaps or overlaps while rows are added or removed.
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static string Encode(params string?[] keys) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(keys, KernelJson.Default.StringArray)));

    /// <summary>Null when the cursor was not made by <see cref="Encode"/> with <paramref name="expectedKeys"/> parts.</summary>
    public static string?[]? Decode(string? cursor, int expectedKeys)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 2048) return null;
        try
        {
            var keys = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(cursor), KernelJson.Default.StringArray);
            // No cursor we make holds a NUL, and PostgreSQL would refuse to compare one.
            return keys is not null && keys.Length == expectedKeys && !keys.Any(k => k?.Contains('\0', StringComparison.Ordinal) == true) ? keys : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>A page of a list: <c>{ "items": [...], "nextCursor": "..." }</c>; nextCursor is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
