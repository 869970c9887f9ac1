using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Lti.Ags;

/// <summary>
/// How every AGS request travels: bearer token for the launch's AGS scopes, one retry after a 401, status mapping,
/// Link rel=next paging restricted to the first request's origin, connection failures as transient AgsExceptions.
/// </summary>
public sealed partial class AgsClient
{
    private async IAsyncEnumerable<T> ReadAllPagesAsync<T>(AgsAccess access, Uri first, string accept, JsonTypeInfo<List<T>> typeInfo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { first.AbsoluteUri };
        Uri? next = first;
        for (var pages = 0; next is not null; pages++)
        {
            if (pages == MaxPages)
            {
                LogPagingStopped(logger, first.AbsoluteUri, $"more than {MaxPages} pages");
                yield break;
            }
            var current = next;
            var page = await CallAsync(current, () => ReadPageAsync(access, current, accept, typeInfo, cancellationToken), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }
            next = page.Next;
            if (next is not null && !AgsUrls.SameOrigin(first, next))
            {
                LogPagingStopped(logger, first.AbsoluteUri, $"next page is on another origin ({next.GetLeftPart(UriPartial.Authority)})");
                next = null;
            }
            else if (next is not null && !visited.Add(next.AbsoluteUri))
            {
                next = null;
            }
        }
    }

    private async Task<(List<T> Items, Uri? Next)> ReadPageAsync<T>(AgsAccess access, Uri uri, string accept, JsonTypeInfo<List<T>> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(access, () => Get(uri, accept), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, HttpMethod.Get, uri, cancellationToken).ConfigureAwait(false);
        var items = await ReadJsonAsync(response, typeInfo, cancellationToken).ConfigureAwait(false) ?? [];
        return (items, LinkHeader.FindNext(response, uri));
    }

    /// <summary>Sends with the token for the launch's AGS scopes; on 401 drops that token and tries once more with a fresh one.</summary>
    private async Task<HttpResponseMessage> SendAsync(AgsAccess access, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        var scopes = access.TokenScopes();
        var client = httpClientFactory.CreateClient(PlatformAccessTokens.HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.GetAsync(access.Platform, scopes, cancellationToken).ConfigureAwait(false);
            using var request = createRequest();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }
            using (response)
            {
                var body = await PlatformResponse.ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
                tokens.Invalidate(access.Platform, scopes, token);
                if (attempt == 1)
                {
                    LogRetryingWithFreshToken(logger, request.Method.Method, request.RequestUri!.AbsoluteUri, body);
                }
                else
                {
                    LogServiceFailed(logger, request.Method.Method, request.RequestUri!.AbsoluteUri, 401, body);
                    throw new AgsException("The platform refused a freshly issued access token (HTTP 401 twice).",
                        401, body, null, isTransient: true, fromTokenEndpoint: false);
                }
            }
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, HttpMethod method, Uri uri, CancellationToken cancellationToken)
    {
        if (PlatformResponse.IsSuccess(response.StatusCode))
        {
            return;
        }
        var body = await PlatformResponse.ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
        LogServiceFailed(logger, method.Method, uri.AbsoluteUri, (int)response.StatusCode, body);
        throw PlatformResponse.Failure($"The platform's service {uri.GetLeftPart(UriPartial.Path)}", response, body, tokens.Time.GetUtcNow(), fromTokenEndpoint: false);
    }

    private static async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var json = await PlatformResponse.ReadBodyAsync(response, fromTokenEndpoint: false, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new AgsException("The platform's answer is not the JSON AGS describes.", (int)response.StatusCode,
                PlatformResponse.Cut(System.Text.Encoding.UTF8.GetString(json)), null, isTransient: false, fromTokenEndpoint: false, ex);
        }
    }

    /// <summary>Turns connection failures and timeouts (not the caller's cancellation) into transient AgsExceptions.</summary>
    private async Task<T> CallAsync<T>(Uri uri, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (LtiActivities.RecordFailure(ex))
        {
            throw; // Never reached: the filter marks the span and declines.
        }
        catch (Exception ex) when (PlatformResponse.IsNetworkFailure(ex, cancellationToken))
        {
            LogServiceUnreachable(logger, ex, uri.AbsoluteUri);
            throw PlatformResponse.NetworkFailure($"The platform's service {uri.GetLeftPart(UriPartial.Path)}", ex, fromTokenEndpoint: false);
        }
    }

    private static void RequireAny(AgsAccess access, string action, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!scopes.Any(access.Grants))
        {
            throw new AgsException($"Cannot {action}: the launch did not grant {string.Join(" or ", scopes)}.",
                null, null, null, isTransient: false, fromTokenEndpoint: false);
        }
    }

    private static HttpRequestMessage Get(Uri uri, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return request;
    }

    /// <summary>Content-Type is the bare media type: Moodle compares it as a whole string, a charset parameter fails.</summary>
    private static HttpRequestMessage Post(Uri uri, string contentType, byte[] body, string? accept)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }
        return request;
    }

    private static HttpRequestMessage Put(Uri uri, string mediaType, byte[] body)
    {
        var request = Post(uri, mediaType, body, accept: mediaType);
        request.Method = HttpMethod.Put;
        return request;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "AGS {Method} {Url} answered HTTP {StatusCode}: {PlatformBody}")]
    private static partial void LogServiceFailed(ILogger logger, string method, string url, int statusCode, string platformBody);

    [LoggerMessage(Level = LogLevel.Information, Message = "AGS {Method} {Url} answered HTTP 401 ({PlatformBody}); retrying once with a fresh access token")]
    private static partial void LogRetryingWithFreshToken(ILogger logger, string method, string url, string platformBody);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AGS {Url} could not be reached")]
    private static partial void LogServiceUnreachable(ILogger logger, Exception exception, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AGS paging of {Url} stopped: {Reason}")]
    private static partial void LogPagingStopped(ILogger logger, string url, string reason);
}
