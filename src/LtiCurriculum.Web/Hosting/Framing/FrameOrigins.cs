namespace LtiCurriculum.Web.Hosting.Framing;

/// <summary>An origin as a CSP source expression (scheme://host[:port]), from a URL or a configured entry.</summary>
internal readonly record struct FrameOrigin(string Scheme, string Value, bool IsLoopback);

internal static class FrameOrigins
{
    private const string WildcardLabel = "*.";

    /// <summary>The origin of an absolute http(s) URL, or null for anything else (an issuer need not be a URL).</summary>
    public static string? Of(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;

    /// <summary>A configured entry: an origin with nothing after the host and port but an optional '/', or null.</summary>
    public static FrameOrigin? Parse(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry) || entry.Any(c => char.IsWhiteSpace(c) || c is ';' or ',' or '\'' or '"'))
        {
            return null;
        }
        // CSP allows a wildcard for the leftmost label; Uri does not, so check the rest of the host as written.
        var schemeEnd = entry.IndexOf("://", StringComparison.Ordinal);
        var wildcard = schemeEnd > 0 && string.CompareOrdinal(entry, schemeEnd + 3, WildcardLabel, 0, 2) == 0;
        var checkable = wildcard ? entry.Remove(schemeEnd + 3, 2) : entry;
        if (!Uri.TryCreate(checkable, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0
            || uri.PathAndQuery != "/" || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0 || (wildcard && uri.HostNameType != UriHostNameType.Dns))
        {
            return null;
        }
        var origin = uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        return new FrameOrigin(uri.Scheme, wildcard ? origin.Insert(uri.Scheme.Length + 3, WildcardLabel) : origin, !wildcard && uri.IsLoopback);
    }
}
