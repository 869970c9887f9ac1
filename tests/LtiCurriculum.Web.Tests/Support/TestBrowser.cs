using System.Globalization;
using System.Net;

namespace LtiCurriculum.Web.Tests.Support;

/// <summary>
/// A browser that follows nothing by itself: it keeps cookies by name and path from Set-Cookie (including
/// Secure ones, which HttpClient's container would not send over http://127.0.0.1) and sends them back;
/// redirects and auto-posted forms are followed explicitly by the test.
/// </summary>
internal sealed class TestBrowser : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
    private readonly Lock _gate = new();
    private readonly List<StoredCookie> _cookies = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record StoredCookie(string Name, string Value, string Path, IReadOnlyList<string> Attributes);

    /// <summary>Every Set-Cookie header seen, raw, newest last.</summary>
    public List<string> SetCookieHeaders { get; } = [];

    /// <summary>The Sec-Fetch-Dest this browser sends: a top-level page (<c>document</c>) unless a test puts it in a frame (<c>iframe</c>).</summary>
    public string FetchDest { get; set; } = "document";

    public IReadOnlyList<StoredCookie> Cookies
    {
        get { lock (_gate) { return [.. _cookies]; } }
    }

    public StoredCookie? Cookie(string name) => Cookies.FirstOrDefault(c => c.Name == name);

    public void SetCookie(string name, string value, string path = "/")
    {
        lock (_gate)
        {
            _cookies.RemoveAll(c => c.Name == name && c.Path == path);
            _cookies.Add(new StoredCookie(name, value, path, []));
        }
    }

    public void ClearCookies()
    {
        lock (_gate) { _cookies.Clear(); }
    }

    public Task<WebPage> GetAsync(Uri url, IDictionary<string, string>? headers = null) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url), headers);

    public Task<WebPage> PostFormAsync(Uri url, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>Submits the page's single form, as the platform's script would.</summary>
    public Task<WebPage> SubmitAsync(HtmlForm form) => PostFormAsync(form.Action, form.Fields);

    /// <summary>GET the Location of a redirect (302 or 303).</summary>
    public Task<WebPage> FollowAsync(WebPage redirect)
    {
        Assert.True(redirect.Location is not null, $"Expected a redirect: {redirect}");
        return GetAsync(redirect.Location!);
    }

    public async Task<WebPage> SendAsync(HttpRequestMessage request, IDictionary<string, string>? headers = null)
    {
        using (request)
        {
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
            if (!request.Headers.Contains("Sec-Fetch-Dest"))
            {
                request.Headers.TryAddWithoutValidation("Sec-Fetch-Dest", FetchDest);
            }
            var cookieHeader = string.Join("; ", Cookies
                .Where(c => PathMatches(request.RequestUri!.AbsolutePath, c.Path))
                .OrderByDescending(c => c.Path.Length)
                .Select(c => $"{c.Name}={c.Value}"));
            if (cookieHeader.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
            }
            using var response = await _http.SendAsync(request, Ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    Store(setCookie);
                }
            }
            var body = await response.Content.ReadAsStringAsync(Ct);
            return new WebPage(response.StatusCode, request.RequestUri!, response.Headers, response.Content.Headers, body);
        }
    }

    private void Store(string header)
    {
        lock (_gate)
        {
            SetCookieHeaders.Add(header);
        }
        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        var equals = parts[0].IndexOf('=');
        var name = parts[0][..equals];
        var value = parts[0][(equals + 1)..];
        var path = "/";
        var expired = false;
        var attributes = new List<string>();
        foreach (var attribute in parts.Skip(1))
        {
            attributes.Add(attribute);
            var (key, attributeValue) = attribute.IndexOf('=') is var i and >= 0 ? (attribute[..i], attribute[(i + 1)..]) : (attribute, "");
            if (key.Equals("path", StringComparison.OrdinalIgnoreCase))
            {
                path = attributeValue;
            }
            else if (key.Equals("expires", StringComparison.OrdinalIgnoreCase)
                     && DateTimeOffset.TryParse(attributeValue, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires))
            {
                expired |= expires <= DateTimeOffset.UtcNow;
            }
            else if (key.Equals("max-age", StringComparison.OrdinalIgnoreCase) && int.TryParse(attributeValue, CultureInfo.InvariantCulture, out var maxAge))
            {
                expired |= maxAge <= 0;
            }
        }
        lock (_gate)
        {
            _cookies.RemoveAll(c => c.Name == name && c.Path == path);
            if (!expired && value.Length > 0)
            {
                _cookies.Add(new StoredCookie(name, value, path, attributes));
            }
        }
    }

    private static bool PathMatches(string requestPath, string cookiePath) =>
        cookiePath == "/" || requestPath == cookiePath || requestPath.StartsWith(cookiePath.TrimEnd('/') + "/", StringComparison.Ordinal);

    public void Dispose() => _http.Dispose();
}
