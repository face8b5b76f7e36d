using System.Security.Cryptography;
using System.Text;
using Mercato.Kernel.Ids;

namespace Mercato.Orders;

/// <summary>The guest's secret for reading an order: only its SHA-256 is stored, and hashes are compared in constant time.</summary>
internal static class OrderToken
{
    public const string Header = "X-Order-Token";

    public static string New() => EntityId.Secret("otok", 32);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string? token, string storedHash)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200 || storedHash.Length != 64) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));
    }
}
