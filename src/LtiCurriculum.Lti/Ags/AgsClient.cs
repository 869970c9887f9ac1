using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Lti.Ags;

/// <summary>
/// Line items, scores and results. Every call: token from <see cref="PlatformAccessTokens"/>, one retry after a 401.
/// Failures are <see cref="AgsException"/>; a cancelled caller gets its OperationCanceledException unchanged;
/// invalid arguments (a score without maximum, a line item without label) are ArgumentExceptions.
/// </summary>
public sealed partial class AgsClient(IHttpClientFactory httpClientFactory, PlatformAccessTokens tokens, ILogger<AgsClient> logger)
{
    internal const int MaxPages = 1_000;
    private const string PageSize = "100";

    public async Task<LineItem?> GetLineItemAsync(AgsAccess access, string lineItemUrl, CancellationToken cancellationToken)
    {
        using var span = LtiActivities.StartCall("lti.ags.lineitem.get", access);
        RequireAny(access, "read a line item", AgsScopes.LineItem, AgsScopes.LineItemReadOnly);
        var uri = AgsUrls.ToRequestUri(lineItemUrl);
        return await CallAsync(uri, async () =>
        {
            using var response = await SendAsync(access, () => Get(uri, AgsMediaTypes.LineItem), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            await EnsureSuccessAsync(response, HttpMethod.Get, uri, cancellationToken).ConfigureAwait(false);
            var item = await ReadJsonAsync(response, AgsJsonContext.Default.LineItem, cancellationToken).ConfigureAwait(false);
            return item is null ? null : item with { Id = item.Id ?? lineItemUrl };
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Finds the line item matching <paramref name="query"/> in the container (following Link rel=next paging, same
    /// origin only), else creates <paramref name="proposed"/> there. Callers serialize concurrent calls per link.
    /// </summary>
    public async Task<LineItem> FindOrCreateLineItemAsync(AgsAccess access, string lineItemsUrl, LineItemQuery query, LineItem proposed, CancellationToken cancellationToken)
    {
        using var span = LtiActivities.StartCall("lti.ags.lineitem.find_or_create", access);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentException.ThrowIfNullOrWhiteSpace(proposed.Label, "proposed.Label");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(proposed.ScoreMaximum, "proposed.ScoreMaximum");
        RequireAny(access, "look for a line item", AgsScopes.LineItem, AgsScopes.LineItemReadOnly);
        var container = AgsUrls.ToRequestUri(lineItemsUrl);

        var search = lineItemsUrl;
        foreach (var (name, value) in new[] { ("resource_link_id", query.ResourceLinkId), ("resource_id", query.ResourceId), ("tag", query.Tag), ("limit", PageSize) })
        {
            search = value is null ? search : AgsUrls.WithQuery(search, name, value);
        }
        await foreach (var item in ReadAllPagesAsync(access, AgsUrls.ToRequestUri(search), AgsMediaTypes.LineItemContainer, AgsJsonContext.Default.ListLineItem, cancellationToken).ConfigureAwait(false))
        {
            // An item without id cannot take scores: it does not count as found.
            if (item is { Id.Length: > 0 } && query.Matches(item))
            {
                return item;
            }
        }

        RequireAny(access, "create a line item (the platform granted only read access to line items)", AgsScopes.LineItem);
        return await CallAsync(container, () => CreateAsync(access, container, proposed, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces a line item (AGS 2.0 §3.2.6: PUT with the whole item; the platform may ignore changes to fields it owns),
    /// for example a new <c>scoreMaximum</c> after an instructor changed the activity's points.
    /// </summary>
    public async Task<LineItem> UpdateLineItemAsync(AgsAccess access, string lineItemUrl, LineItem item, CancellationToken cancellationToken)
    {
        using var span = LtiActivities.StartCall("lti.ags.lineitem.update", access);
        ArgumentNullException.ThrowIfNull(item);
        RequireAny(access, "change a line item", AgsScopes.LineItem);
        var uri = AgsUrls.ToRequestUri(lineItemUrl);
        var body = JsonSerializer.SerializeToUtf8Bytes(item with { Id = lineItemUrl }, AgsJsonContext.Default.LineItem);
        return await CallAsync(uri, async () =>
        {
            using var response = await SendAsync(access, () => Put(uri, AgsMediaTypes.LineItem, body), cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, HttpMethod.Put, uri, cancellationToken).ConfigureAwait(false);
            var updated = await ReadJsonAsync(response, AgsJsonContext.Default.LineItem, cancellationToken).ConfigureAwait(false);
            return (updated ?? item) with { Id = updated?.Id ?? lineItemUrl };
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task PostScoreAsync(AgsAccess access, string lineItemUrl, Score score, CancellationToken cancellationToken)
    {
        using var span = LtiActivities.StartCall("lti.ags.score.post", access);
        var payload = ScorePayload.From(score);
        RequireAny(access, "publish a score", AgsScopes.Score);
        var uri = AgsUrls.ToRequestUri(AgsUrls.Append(lineItemUrl, "scores"));
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, AgsJsonContext.Default.ScorePayload);
        await CallAsync(uri, async () =>
        {
            using var response = await SendAsync(access, () => Post(uri, AgsMediaTypes.Score, body, accept: null), cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, HttpMethod.Post, uri, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>All results of a line item (paged), optionally for one user.</summary>
    public async Task<IReadOnlyList<AgsResult>> GetResultsAsync(AgsAccess access, string lineItemUrl, string? userId, CancellationToken cancellationToken)
    {
        using var span = LtiActivities.StartCall("lti.ags.results.get", access);
        RequireAny(access, "read results", AgsScopes.ResultReadOnly);
        var url = AgsUrls.Append(lineItemUrl, "results");
        url = userId is null ? url : AgsUrls.WithQuery(url, "user_id", userId);
        var results = new List<AgsResult>();
        await foreach (var row in ReadAllPagesAsync(access, AgsUrls.ToRequestUri(AgsUrls.WithQuery(url, "limit", PageSize)), AgsMediaTypes.ResultContainer, AgsJsonContext.Default.ListResultRow, cancellationToken).ConfigureAwait(false))
        {
            if (row?.ToResult() is { } result)
            {
                results.Add(result);
            }
        }
        return results;
    }

    private async Task<LineItem> CreateAsync(AgsAccess access, Uri container, LineItem proposed, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(proposed with { Id = null, ScoreMaximum = AgsJson.Plain(proposed.ScoreMaximum) }, AgsJsonContext.Default.LineItem);
        using var response = await SendAsync(access, () => Post(container, AgsMediaTypes.LineItem, body, AgsMediaTypes.LineItem), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, HttpMethod.Post, container, cancellationToken).ConfigureAwait(false);
        var json = await PlatformResponse.ReadBodyAsync(response, fromTokenEndpoint: false, cancellationToken).ConfigureAwait(false);
        LineItem? created = null;
        if (json.Length > 0)
        {
            try
            {
                created = JsonSerializer.Deserialize(json, AgsJsonContext.Default.LineItem);
            }
            catch (JsonException)
            {
                // A Location header may still name the item.
            }
        }
        var id = created?.Id is { Length: > 0 } named ? named
            : response.Headers.Location is { } location ? new Uri(container, location).AbsoluteUri
            : null;
        if (id is null)
        {
            throw new AgsException("The platform created the line item but named it neither in the body (id) nor in a Location header.",
                (int)response.StatusCode, PlatformResponse.Cut(System.Text.Encoding.UTF8.GetString(json)), null, isTransient: false, fromTokenEndpoint: false);
        }
        LogLineItemCreated(logger, access.Platform.PlatformId, id);
        return (created ?? proposed) with { Id = id };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform {PlatformId} created line item {LineItemId}")]
    private static partial void LogLineItemCreated(ILogger logger, int platformId, string lineItemId);
}
