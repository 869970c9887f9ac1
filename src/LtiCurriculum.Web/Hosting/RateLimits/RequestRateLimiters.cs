using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Hosting.Limits;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Hosting.RateLimits;

/// <summary>
/// The limiters: one token bucket per (endpoint group, client address), and a second per (group, platform named) for
/// logins and launches, registration pages and confirmations (per LMS host) and course staff posts (per session platform). The client address is the connection's, or the forwarded one from a configured proxy
/// (see <c>ForwardedHeaders</c>); an IPv6 client counts by its /64, which one household or host usually holds whole.
/// </summary>
internal sealed class RequestRateLimiters : IDisposable
{
    public const string PlatformItem = "RateLimits.Platform";
    private const string None = "";

    private readonly RateLimitOptions _options;

    public RequestRateLimiters(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        ByAddress = PartitionedRateLimiter.Create<HttpContext, (EndpointGroup, string)>(http =>
            PerAddress(http) is { } perMinute
                ? RateLimitPartition.GetTokenBucketLimiter((EndpointGroups.Of(http.Request), AddressOf(http)), _ => Bucket(perMinute))
                : RateLimitPartition.GetNoLimiter((EndpointGroup.Other, None)));
        ByPlatform = PartitionedRateLimiter.Create<HttpContext, (EndpointGroup, string)>(http =>
            _options.Enabled && http.Items[PlatformItem] is string platform && PerPlatform(EndpointGroups.Of(http.Request)) is { } perMinute
                ? RateLimitPartition.GetTokenBucketLimiter((EndpointGroups.Of(http.Request), platform), _ => Bucket(perMinute))
                : RateLimitPartition.GetNoLimiter((EndpointGroup.Other, None)));
        Global = PartitionedRateLimiter.CreateChained(ByAddress, ByPlatform);
    }

    public PartitionedRateLimiter<HttpContext> ByAddress { get; }

    public PartitionedRateLimiter<HttpContext> ByPlatform { get; }

    public PartitionedRateLimiter<HttpContext> Global { get; }

    /// <summary>
    /// Whether this request is limited per platform, so the platform must be found first: logins and launches, opening
    /// or confirming a registration for an LMS, course staff form posts.
    /// </summary>
    public bool NamesPlatform(HttpRequest request) => _options.Enabled && EndpointGroups.Of(request) switch
    {
        EndpointGroup.LtiLogin or EndpointGroup.LtiLaunch => true,
        EndpointGroup.Registration => HttpMethods.IsGet(request.Method) || HttpMethods.IsPost(request.Method),
        EndpointGroup.Teach or EndpointGroup.PackUpload => EndpointGroups.HasBody(request),
        _ => false,
    };

    private int? PerPlatform(EndpointGroup group) => group switch
    {
        EndpointGroup.LtiLogin or EndpointGroup.LtiLaunch => _options.LaunchesPerPlatform,
        EndpointGroup.Registration => _options.RegistrationsPerPlatform,
        EndpointGroup.Teach or EndpointGroup.PackUpload => _options.TeachPostsPerPlatform,
        _ => null,
    };

    private int? PerAddress(HttpContext http) => !_options.Enabled ? null : EndpointGroups.Of(http.Request) switch
    {
        EndpointGroup.LtiLogin or EndpointGroup.LtiLaunch => _options.LaunchesPerAddress,
        EndpointGroup.Registration => _options.RegistrationsPerAddress,
        EndpointGroup.Teach or EndpointGroup.PackUpload when EndpointGroups.HasBody(http.Request) => _options.TeachPostsPerAddress,
        _ => null,
    };

    /// <summary>A bucket that holds a minute's worth and refills evenly (every second, or one token at a time for low rates).</summary>
    private static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = perMinute >= 60 ? (perMinute + 59) / 60 : 1,
        ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / perMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public static string AddressOf(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }

    /// <summary>429 with Retry-After in seconds, and a page or problem+json that names the limit reached.</summary>
    public async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        var group = EndpointGroups.Of(http.Request);
        var byAddress = ByAddress.GetStatistics(http) is { CurrentAvailablePermits: <= 0 };
        var (what, perMinute) = (group, byAddress) switch
        {
            (EndpointGroup.LtiLogin, false) => ("LTI logins naming this platform", _options.LaunchesPerPlatform),
            (EndpointGroup.LtiLaunch, false) => ("LTI launches naming this platform", _options.LaunchesPerPlatform),
            (EndpointGroup.LtiLogin, _) => ("LTI logins from one address", _options.LaunchesPerAddress),
            (EndpointGroup.LtiLaunch, _) => ("LTI launches from one address", _options.LaunchesPerAddress),
            (EndpointGroup.Registration, false) => ("dynamic registration requests for one LMS", _options.RegistrationsPerPlatform),
            (EndpointGroup.Registration, _) => ("dynamic registration requests from one address", _options.RegistrationsPerAddress),
            (_, false) => ("course staff form posts of one platform", _options.TeachPostsPerPlatform),
            _ => ("course staff form posts from one address", _options.TeachPostsPerAddress),
        };
        var failure = new LaunchFailure("rate_limited", StatusCodes.Status429TooManyRequests,
            $"Too many requests: the limit for {what} ({perMinute} a minute) was reached. Try again in {seconds} seconds.");
        http.Response.Clear();
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await RequestBodyErrors.Refusal(http, failure).ExecuteAsync(http);
    }

    public void Dispose()
    {
        Global.Dispose();
        ByAddress.Dispose();
        ByPlatform.Dispose();
    }
}
