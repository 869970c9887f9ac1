using System.Net;
using System.Net.Sockets;

namespace LtiCurriculum.Lti.Registration;

/// <summary>
/// Which network addresses the tool may call during a registration. The LMS names the URLs, so without this an
/// administrator's paste (or a forged link) could make the tool probe its own network.
/// </summary>
public static class PlatformAddresses
{
    public enum Kind { Public, Loopback, Forbidden }

    public static Kind Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address))
        {
            return Kind.Loopback;
        }
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()) ? Kind.Public : Kind.Forbidden,
            AddressFamily.InterNetworkV6 => IsPublicV6(address) ? Kind.Public : Kind.Forbidden,
            _ => Kind.Forbidden,
        };
    }

    public static bool IsAllowed(IPAddress address, bool allowLoopback) => Classify(address) switch
    {
        Kind.Public => true,
        Kind.Loopback => allowLoopback,
        _ => false,
    };

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0                                   // unspecified, "this network"
        || b[0] == 10                               // private
        || (b[0] == 100 && (b[1] & 0xC0) == 64)     // shared address space (carrier NAT)
        || (b[0] == 169 && b[1] == 254)             // link-local (cloud metadata lives here)
        || (b[0] == 172 && (b[1] & 0xF0) == 16)     // private
        || (b[0] == 192 && b[1] == 168)             // private
        || b[0] >= 224);                            // multicast, reserved, broadcast

    private static bool IsPublicV6(IPAddress address) =>
        !address.Equals(IPAddress.IPv6Any)
        && !address.IsIPv6LinkLocal
        && !address.IsIPv6SiteLocal
        && !address.IsIPv6UniqueLocal
        && !address.IsIPv6Multicast;
}
