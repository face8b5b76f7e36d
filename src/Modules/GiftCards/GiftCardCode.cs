using System.Security.Cryptography;
using System.Text;

namespace Mercato.GiftCards;

/// <summary>
/// Gift card codes: 16 characters of Crockford base32 from a CSPRNG (80 bits), shown as <c>GC-XXXX-XXXX-XXXX-XXXX</c>.
/// Only the SHA-256 of the normalized code and its last 4 characters are stored.
/// </summary>
internal static class GiftCardCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 16;

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return Format(new string(chars));
    }

    /// <summary><c>GC-</c> and four groups of four.</summary>
    public static string Format(string normalized) =>
        $"GC-{normalized[..4]}-{normalized[4..8]}-{normalized[8..12]}-{normalized[12..]}";

    /// <summary>
    /// The code as stored before hashing: upper case, without dashes, spaces or the <c>GC</c> prefix, with <c>O</c> read as
    /// <c>0</c> and <c>I</c>/<c>L</c> as <c>1</c> (Crockford). Null when it cannot be a code.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (input is null || input.Length > 64) return null;
        var sb = new StringBuilder(Length);
        foreach (var raw in input)
        {
            if (raw is '-' or ' ') continue;
            var c = char.ToUpperInvariant(raw) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            sb.Append(c);
        }
        var s = sb.ToString();
        if (s.Length == Length + 2 && s.StartsWith("GC", StringComparison.Ordinal)) s = s[2..];
        if (s.Length != Length) return null;
        foreach (var c in s)
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal)) return null;
        }
        return s;
    }

    public static byte[] Hash(string normalized) => SHA256.HashData(Encoding.ASCII.GetBytes(normalized));

    public static string HashHex(string normalized) => Convert.ToHexStringLower(Hash(normalized));
}
