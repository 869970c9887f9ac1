using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace LtiCurriculum.Lti.Tests.Ags;

/// <summary>What the tool sent, captured when it was sent (the content is disposed afterwards).</summary>
internal sealed record SentRequest(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, string Accept, string Body)
{
    public string Url => Uri.AbsoluteUri;

    public Dictionary<string, string> Form =>
        Body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]));
}

/// <summary>
/// A platform's token endpoint and AGS services behind one handler. Routes match method and absolute URL; a route
/// answers its responses in turn and repeats the last. Requests to a held URL wait until released.
/// </summary>
internal sealed class FakePlatform : HttpMessageHandler
{
    private readonly ConcurrentQueue<SentRequest> _requests = new();
    private readonly ConcurrentDictionary<(string Method, string Url), Route> _routes = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new();
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<SentRequest> Requests => [.. _requests];

    /// <summary>Completes when a request to a held URL arrives.</summary>
    public Task EnteredHold => _entered.Task;

    public IReadOnlyList<SentRequest> To(string url) => [.. _requests.Where(r => r.Url == new Uri(url).AbsoluteUri)];

    public void On(HttpMethod method, string url, params Func<SentRequest, HttpResponseMessage>[] responses) =>
        _routes[(method.Method, new Uri(url).AbsoluteUri)] = new Route(responses);

    public void Get(string url, params Func<SentRequest, HttpResponseMessage>[] responses) => On(HttpMethod.Get, url, responses);

    public void Post(string url, params Func<SentRequest, HttpResponseMessage>[] responses) => On(HttpMethod.Post, url, responses);

    public TaskCompletionSource Hold(string url)
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holds[new Uri(url).AbsoluteUri] = hold;
        return hold;
    }

    public void Release(string url)
    {
        if (_holds.TryRemove(new Uri(url).AbsoluteUri, out var hold))
        {
            hold.TrySetResult();
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var sent = new SentRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.ToString(), request.Headers.Accept.ToString(), body);
        _requests.Enqueue(sent);
        if (_holds.TryGetValue(sent.Url, out var hold))
        {
            _entered.TrySetResult();
            await hold.Task.WaitAsync(cancellationToken);
        }
        return _routes.TryGetValue((request.Method.Method, sent.Url), out var route)
            ? route.Next()(sent)
            : new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent($"no route for {request.Method} {sent.Url}") };
    }

    private sealed class Route(Func<SentRequest, HttpResponseMessage>[] responses)
    {
        private int _served;

        public Func<SentRequest, HttpResponseMessage> Next() => responses[Math.Min(Interlocked.Increment(ref _served) - 1, responses.Length - 1)];
    }
}

/// <summary>Ready-made platform answers.</summary>
internal static class Respond
{
    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };

    public static HttpResponseMessage Status(int status, string body = "") =>
        new((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Token(string accessToken, object? expiresIn = null, string? tokenType = "Bearer")
    {
        var members = new Dictionary<string, object?> { ["access_token"] = accessToken, ["scope"] = "granted" };
        if (tokenType is not null)
        {
            members["token_type"] = tokenType;
        }
        if (expiresIn is not null)
        {
            members["expires_in"] = expiresIn;
        }
        return Json(System.Text.Json.JsonSerializer.Serialize(members));
    }

    public static HttpResponseMessage WithLink(this HttpResponseMessage response, params string[] headers)
    {
        foreach (var header in headers)
        {
            response.Headers.TryAddWithoutValidation("Link", header);
        }
        return response;
    }

    public static HttpResponseMessage WithHeader(this HttpResponseMessage response, string name, string value)
    {
        response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }
}

internal sealed class FakeAgsHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) =>
        name is Lti.Ags.PlatformAccessTokens.HttpClientName or Lti.Nrps.NrpsClient.HttpClientName
            ? new HttpClient(handler, disposeHandler: false)
            : throw new InvalidOperationException($"Unexpected HTTP client '{name}'.");
}
