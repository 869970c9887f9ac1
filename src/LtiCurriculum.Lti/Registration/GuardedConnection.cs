using System.Net;
using System.Net.Sockets;

namespace LtiCurriculum.Lti.Registration;

/// <summary>The tool refused to connect to this address (see <see cref="PlatformAddresses"/>).</summary>
public sealed class PlatformAddressRefusedException(string host) : Exception($"{host} resolves to an address the tool does not call.")
{
    public string Host { get; } = host;
}

/// <summary>
/// The connection step of the registration client: resolves the host, checks every address, and connects to exactly
/// the addresses it checked, so a DNS answer that changes between check and use (rebinding) cannot slip past.
/// </summary>
internal static class GuardedConnection
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowLoopback, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        // Any forbidden address refuses the host: a name that mixes public and private answers is not a platform.
        if (addresses.Length == 0 || addresses.Any(a => !PlatformAddresses.IsAllowed(a, allowLoopback)))
        {
            throw new PlatformAddressRefusedException(host);
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
