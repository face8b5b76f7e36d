using System.Net;
using System.Net.Sockets;

namespace Mercato.Webhooks.Sending;

/// <summary>
/// Which addresses a webhook may not reach unless private networks are allowed: loopback, private (RFC 1918, fc00::/7),
/// link-local (cloud metadata at 169.254.169.254 among them), CGNAT, unspecified, multicast, reserved and broadcast,
/// also when written as IPv4-mapped IPv6. What is left is the public internet.
/// </summary>
internal static class NetworkRules
{
    private static readonly (IPAddress Network, int Prefix)[] BlockedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),          // "this network", unspecified
        (IPAddress.Parse("10.0.0.0"), 8),         // RFC 1918
        (IPAddress.Parse("100.64.0.0"), 10),      // CGNAT (RFC 6598)
        (IPAddress.Parse("127.0.0.0"), 8),        // loopback
        (IPAddress.Parse("169.254.0.0"), 16),     // link-local, cloud metadata
        (IPAddress.Parse("172.16.0.0"), 12),      // RFC 1918
        (IPAddress.Parse("192.0.0.0"), 24),       // IETF protocol assignments
        (IPAddress.Parse("192.168.0.0"), 16),     // RFC 1918
        (IPAddress.Parse("198.18.0.0"), 15),      // benchmarking
        (IPAddress.Parse("224.0.0.0"), 4),        // multicast
        (IPAddress.Parse("240.0.0.0"), 4),        // reserved, broadcast
    ];

    private static readonly (IPAddress Network, int Prefix)[] BlockedV6 =
    [
        (IPAddress.IPv6None, 128),                // ::
        (IPAddress.IPv6Loopback, 128),            // ::1
        (IPAddress.Parse("fc00::"), 7),           // unique local
        (IPAddress.Parse("fe80::"), 10),          // link-local
        (IPAddress.Parse("fec0::"), 10),          // site-local (deprecated)
        (IPAddress.Parse("ff00::"), 8),           // multicast
    ];

    public static bool IsBlocked(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        // NAT64 (64:ff9b::/96) and IPv4-compatible (::a.b.c.d) forms carry an IPv4 address in their last 32 bits.
        else if (address.AddressFamily == AddressFamily.InterNetworkV6 && (InPrefix(address, IPAddress.Parse("64:ff9b::"), 96)
            || (InPrefix(address, IPAddress.IPv6None, 96) && !address.Equals(IPAddress.IPv6None) && !address.Equals(IPAddress.IPv6Loopback))))
            address = new IPAddress(address.GetAddressBytes()[12..]);
        var rules = address.AddressFamily == AddressFamily.InterNetwork ? BlockedV4 : BlockedV6;
        return rules.Any(r => InPrefix(address, r.Network, r.Prefix));
    }

    /// <summary>Host names that always mean this machine, refused before any lookup.</summary>
    public static bool IsLocalName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost.", StringComparison.OrdinalIgnoreCase);

    private static bool InPrefix(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily) return false;
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        var whole = prefix / 8;
        for (var i = 0; i < whole; i++)
        {
            if (a[i] != n[i]) return false;
        }
        var rest = prefix % 8;
        if (rest == 0) return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (n[whole] & mask);
    }
}
