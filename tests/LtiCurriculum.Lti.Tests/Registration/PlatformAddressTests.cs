using System.Net;
using LtiCurriculum.Lti.Registration;

namespace LtiCurriculum.Lti.Tests.Registration;

/// <summary>Which resolved addresses the registration client connects to.</summary>
public sealed class PlatformAddressTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Loopback_is_allowed_only_when_insecure_loopback_is_on(string address)
    {
        Assert.True(PlatformAddresses.IsAllowed(IPAddress.Parse(address), allowLoopback: true));
        Assert.False(PlatformAddresses.IsAllowed(IPAddress.Parse(address), allowLoopback: false));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("10.0.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("::7f00:1")]
    [InlineData("::a9fe:a9fe")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:a9fe:a9fe::1")]
    [InlineData("2002:c0a8:1::1")]
    [InlineData("192.0.0.170")]
    [InlineData("198.18.0.1")]
    public void Non_public_addresses_are_never_allowed(string address) =>
        Assert.False(PlatformAddresses.IsAllowed(IPAddress.Parse(address), allowLoopback: true));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("64:ff9b::808:808")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(PlatformAddresses.IsAllowed(IPAddress.Parse(address), allowLoopback: false));
}
