namespace LtiCurriculum.Lti.Ags;

/// <summary>
/// Builds service URLs from the ones a platform hands out, which may carry a query string (Moodle:
/// <c>.../lineitem?type_id=3</c>) that must survive.
/// </summary>
public static class AgsUrls
{
    /// <summary><c>.../lineitem?type_id=3</c> + <c>scores</c> → <c>.../lineitem/scores?type_id=3</c>.</summary>
    public static string Append(string url, string segment)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentException.ThrowIfNullOrEmpty(segment);
        var split = url.IndexOfAny(['?', '#']);
        var path = split < 0 ? url : url[..split];
        var rest = split < 0 ? "" : url[split..];
        var separator = path.EndsWith('/') ? "" : "/";
        return $"{path}{separator}{segment.Trim('/')}{rest}";
    }

    /// <summary>Adds <paramref name="name"/>=<paramref name="value"/> (URL-encoded), keeping the parameters already there.</summary>
    public static string WithQuery(string url, string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var hash = url.IndexOf('#');
        var body = hash < 0 ? url : url[..hash];
        var fragment = hash < 0 ? "" : url[hash..];
        var separator = !body.Contains('?') ? "?" : body.EndsWith('?') || body.EndsWith('&') ? "" : "&";
        return $"{body}{separator}{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}{fragment}";
    }

    /// <summary>An absolute http(s) URL, or a permanent failure (the URL came from the platform's launch).</summary>
    internal static Uri ToRequestUri(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new AgsException($"'{url}' is not an absolute http(s) URL.", null, null, null, isTransient: false, fromTokenEndpoint: false);

    /// <summary>Same scheme, host and port: our bearer token is only ever sent where the first request went.</summary>
    internal static bool SameOrigin(Uri first, Uri other) =>
        string.Equals(first.Scheme, other.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(first.IdnHost, other.IdnHost, StringComparison.OrdinalIgnoreCase)
        && first.Port == other.Port;
}
