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
        else if (EmbeddedIPv4(address) is { } embedded)
        {
            // IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses reach the IPv4
            // address inside them: judge that one, so ::7f00:1 or 64:ff9b::a9fe:a9fe is not a way around the rules.
            return Classify(embedded) == Kind.Public ? Kind.Public : Kind.Forbidden;
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
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)  // IETF protocol assignments
        || (b[0] == 198 && (b[1] & 0xFE) == 18)     // benchmarking networks
        || b[0] >= 224);                            // multicast, reserved, broadcast

    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback))
        {
            return null;
        }
        var b = address.GetAddressBytes();
        var compatible = b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;
        var nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
        if (compatible || nat64)
        {
            return new IPAddress(b.AsSpan(12, 4));
        }
        return b[0] == 0x20 && b[1] == 0x02 ? new IPAddress(b.AsSpan(2, 4)) : null;
    }

    private static bool IsPublicV6(IPAddress address) =>
        !address.Equals(IPAddress.IPv6Any)
        && !address.IsIPv6LinkLocal
        && !address.IsIPv6SiteLocal
        && !address.IsIPv6UniqueLocal
        && !address.IsIPv6Multicast;
}
