using System.Net;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Hosting.Proxies;

/// <summary>
/// Configuration section <c>ForwardedHeaders</c>: the reverse proxies whose X-Forwarded-For/-Proto/-Host the tool
/// believes. None by default, so a client cannot pick its own address (rate limits) or scheme by sending the headers itself.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.4</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                errors.Add($"{ProxyOptions.SectionName}:KnownProxies:{i} ('{options.KnownProxies[i]}') is not an IP address, e.g. 10.0.0.4 or fd00::4.");
            }
        }
        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(options.KnownNetworks[i], out _))
            {
                errors.Add($"{ProxyOptions.SectionName}:KnownNetworks:{i} ('{options.KnownNetworks[i]}') is not a network in CIDR notation, e.g. 10.0.0.0/24.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
