using System.Net;
using System.Net.Sockets;

namespace Mercato.Webhooks.Sending;

/// <summary>
/// The webhook client's connect step: it resolves the host itself and connects only to an address that
/// <see cref="NetworkRules"/> allows, so a name that resolves (or later re-resolves, DNS rebinding) to a private address
/// is refused at the moment of connecting, not only when the endpoint was saved.
/// </summary>
internal static class GuardedConnect
{
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint target, bool allowPrivate, CancellationToken ct)
    {
        if (!allowPrivate && NetworkRules.IsLocalName(target.Host))
            throw new HttpRequestException(HttpRequestError.ConnectionError, $"Refused to connect to '{target.Host}': a local name.");
        var host = target.Host.TrimStart('[').TrimEnd(']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = allowPrivate ? addresses : [.. addresses.Where(a => !NetworkRules.IsBlocked(a))];
        if (allowed.Length == 0)
            throw new HttpRequestException(HttpRequestError.ConnectionError,
                $"Refused to connect to '{target.Host}': it resolves only to private, loopback, link-local or reserved addresses.");
        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, target.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }
        throw new HttpRequestException(HttpRequestError.ConnectionError, $"Could not connect to '{target.Host}'.", last);
    }
}
