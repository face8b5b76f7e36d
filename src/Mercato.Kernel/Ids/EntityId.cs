using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Mercato.Kernel.Ids;

/// <summary>
/// Prefixed, time-sortable identifiers (<c>prod_</c> + 26 Crockford base32 characters of a version 7 GUID),
/// the same shape as Medusa's prefix_ULID. Clients treat them as opaque strings.
/// </summary>
public static class EntityId
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly System.Buffers.SearchValues<char> AlphabetChars = System.Buffers.SearchValues.Create(Alphabet);

    /// <summary>The last id made by each clock (tests run apps with clocks of their own side by side).</summary>
    private static readonly ConditionalWeakTable<TimeProvider, LastId> LastByClock = new();

    private sealed class LastId
    {
        public UInt128 Value;
    }

    public static string New(string prefix, TimeProvider time)
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.CreateVersion7(time.GetUtcNow()).TryWriteBytes(bytes, bigEndian: true, out _);
        var value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        var last = LastByClock.GetValue(time, _ => new LastId());
        lock (last)
        {
            // The rest of a version 7 GUID is random, so ids made in one millisecond sorted at random; lists ordered by id (the
            // regions, whose first is the storefront's default) must show what was made first, first. The next id of the same
            // millisecond is the last one plus a random step: still unguessable from the one before (a cart's id is all a guest
            // shopper holds), and 31 bits of 62 leave room for millions of ids in one millisecond.
            if (value >> 80 == last.Value >> 80 && value <= last.Value) value = last.Value + 1 + (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
            last.Value = value;
        }
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return prefix + "_" + Encode(bytes);
    }

    /// <summary>An unguessable token of <paramref name="bytes"/> random bytes, for keys and secrets.</summary>
    public static string Secret(string prefix, int bytes = 24) => prefix + "_" + Encode(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>True when <paramref name="value"/> has the shape of an id with <paramref name="prefix"/>.</summary>
    public static bool HasShape(string? value, string prefix) =>
        value is not null && value.Length == prefix.Length + 27 && value.StartsWith(prefix + "_", StringComparison.Ordinal)
        && value.AsSpan(prefix.Length + 1).IndexOfAnyExcept(AlphabetChars) < 0;

    private static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[(data.Length * 8 + 4) / 5];
        int buffer = 0, bits = 0, index = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        if (bits > 0) chars[index++] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(chars, 0, index);
    }
}
