using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LtiCurriculum.Lti.Ags;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Lti.Nrps;

/// <summary>
/// Reads a context's membership (NRPS 2.0): bearer token for the contextmembership.readonly scope from
/// <see cref="PlatformAccessTokens"/>, one retry after a 401, Link rel=next paging restricted to the first request's
/// origin. Failures are <see cref="NrpsException"/>; a cancelled caller gets its OperationCanceledException unchanged.
/// </summary>
public sealed partial class NrpsClient(IHttpClientFactory httpClientFactory, PlatformAccessTokens tokens, ILogger<NrpsClient> logger)
{
    public const string HttpClientName = "lti-nrps";
    internal const int MaxPages = 1_000;
    internal const int MaxMembers = 200_000;
    internal const int MaxPageBytes = 16 * 1024 * 1024;

    private static readonly string[] Scopes = [NrpsScopes.ContextMembershipReadOnly];

    /// <summary>
    /// Every member of the context behind <paramref name="contextMembershipsUrl"/> (the launch's
    /// <c>context_memberships_url</c>, which may already carry a query string), filtered by <paramref name="query"/>.
    /// <paramref name="platform"/> names the registration whose token endpoint issues the access token.
    /// </summary>
    public async Task<NrpsMembership> GetMembershipAsync(AgsPlatform platform, string contextMembershipsUrl, MembershipQuery? query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentException.ThrowIfNullOrWhiteSpace(contextMembershipsUrl);
        using var span = LtiActivities.StartCall("lti.nrps.membership", platform.PlatformId);
        try
        {
            return await ReadAllPagesAsync(platform, AgsUrls.ToRequestUri(RequestUrl(contextMembershipsUrl, query)), cancellationToken).ConfigureAwait(false);
        }
        catch (AgsException ex)
        {
            throw NrpsException.From(ex);
        }
    }

    /// <summary>NRPS 2.0 role, limit and rlid parameters, appended to the parameters already there (Moodle: <c>?type_id=1</c>).</summary>
    internal static string RequestUrl(string url, MembershipQuery? query)
    {
        if (query is null)
        {
            return url;
        }
        if (query.Limit is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "limit must be greater than zero.");
        }
        url = string.IsNullOrEmpty(query.ResourceLinkId) ? url : AgsUrls.WithQuery(url, "rlid", query.ResourceLinkId);
        url = string.IsNullOrEmpty(query.Role) ? url : AgsUrls.WithQuery(url, "role", query.Role);
        return query.Limit is { } limit ? AgsUrls.WithQuery(url, "limit", limit.ToString(CultureInfo.InvariantCulture)) : url;
    }

    private async Task<NrpsMembership> ReadAllPagesAsync(AgsPlatform platform, Uri first, CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { first.AbsoluteUri };
        var members = new List<NrpsMember>();
        string? id = null;
        Claims.ContextClaim? context = null;
        var skipped = 0;
        Uri? next = first;
        for (var pages = 0; next is not null; pages++)
        {
            if (pages == MaxPages)
            {
                LogPagingStopped(logger, first.AbsoluteUri, $"more than {MaxPages} pages");
                return Finish(complete: false);
            }
            var (page, following) = await CallAsync(next, ReadPageAsync(platform, next, cancellationToken), cancellationToken).ConfigureAwait(false);
            id ??= page.Id;
            context ??= page.Context?.ToClaim();
            foreach (var row in page.Members ?? [])
            {
                if (row?.ToMember() is not { } member)
                {
                    skipped++;
                    continue;
                }
                if (members.Count == MaxMembers)
                {
                    LogPagingStopped(logger, first.AbsoluteUri, $"more than {MaxMembers} members");
                    return Finish(complete: false);
                }
                members.Add(member);
            }
            next = following;
            if (next is not null && !AgsUrls.SameOrigin(first, next))
            {
                LogPagingStopped(logger, first.AbsoluteUri, $"next page is on another origin ({next.GetLeftPart(UriPartial.Authority)})");
                return Finish(complete: false);
            }
            if (next is not null && !visited.Add(next.AbsoluteUri))
            {
                next = null;
            }
        }
        return Finish(complete: true);

        NrpsMembership Finish(bool complete)
        {
            if (skipped > 0)
            {
                LogMembersSkipped(logger, first.AbsoluteUri, skipped);
            }
            return new NrpsMembership(id, context, members, complete);
        }
    }

    private async Task<(MembershipContainer Page, Uri? Next)> ReadPageAsync(AgsPlatform platform, Uri uri, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(platform, uri, cancellationToken).ConfigureAwait(false);
        if (!PlatformResponse.IsSuccess(response.StatusCode))
        {
            var error = await PlatformResponse.ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
            LogServiceFailed(logger, uri.AbsoluteUri, (int)response.StatusCode, error);
            throw PlatformResponse.Failure($"The platform's membership service {uri.GetLeftPart(UriPartial.Path)}", response, error, tokens.Time.GetUtcNow(), fromTokenEndpoint: false);
        }
        var json = await PlatformResponse.ReadBodyAsync(response, fromTokenEndpoint: false, cancellationToken, MaxPageBytes).ConfigureAwait(false);
        try
        {
            var page = JsonSerializer.Deserialize(json, NrpsJsonContext.Default.MembershipContainer)
                ?? throw new JsonException("null instead of a membership container");
            return (page, LinkHeader.FindNext(response, uri));
        }
        catch (JsonException ex)
        {
            throw new NrpsException("The platform's answer is not the membership container NRPS describes.", (int)response.StatusCode,
                PlatformResponse.Cut(System.Text.Encoding.UTF8.GetString(json)), null, isTransient: false, fromTokenEndpoint: false, ex);
        }
    }

    /// <summary>Sends with the membership token; on 401 drops that token and tries once more with a fresh one.</summary>
    private async Task<HttpResponseMessage> SendAsync(AgsPlatform platform, Uri uri, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.GetAsync(platform, Scopes, cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(NrpsMediaTypes.MembershipContainer));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }
            using (response)
            {
                var body = await PlatformResponse.ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
                tokens.Invalidate(platform, Scopes, token);
                if (attempt > 1)
                {
                    LogServiceFailed(logger, uri.AbsoluteUri, 401, body);
                    throw new NrpsException("The platform refused a freshly issued access token (HTTP 401 twice).",
                        401, body, null, isTransient: true, fromTokenEndpoint: false);
                }
                LogRetryingWithFreshToken(logger, uri.AbsoluteUri, body);
            }
        }
    }

    /// <summary>Turns connection failures and timeouts (not the caller's cancellation) into transient failures.</summary>
    private async Task<T> CallAsync<T>(Uri uri, Task<T> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (Exception ex) when (LtiActivities.RecordFailure(ex))
        {
            throw; // Never reached: the filter marks the span and declines.
        }
        catch (Exception ex) when (PlatformResponse.IsNetworkFailure(ex, cancellationToken))
        {
            LogServiceUnreachable(logger, ex, uri.AbsoluteUri);
            throw PlatformResponse.NetworkFailure($"The platform's membership service {uri.GetLeftPart(UriPartial.Path)}", ex, fromTokenEndpoint: false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "NRPS GET {Url} answered HTTP {StatusCode}: {PlatformBody}")]
    private static partial void LogServiceFailed(ILogger logger, string url, int statusCode, string platformBody);

    [LoggerMessage(Level = LogLevel.Information, Message = "NRPS GET {Url} answered HTTP 401 ({PlatformBody}); retrying once with a fresh access token")]
    private static partial void LogRetryingWithFreshToken(ILogger logger, string url, string platformBody);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NRPS {Url} could not be reached")]
    private static partial void LogServiceUnreachable(ILogger logger, Exception exception, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NRPS paging of {Url} stopped: {Reason}")]
    private static partial void LogPagingStopped(ILogger logger, string url, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "NRPS {Url}: {Count} members without user_id skipped")]
    private static partial void LogMembersSkipped(ILogger logger, string url, int count);
}
