namespace LtiCurriculum.Lti.Ags;

/// <summary>
/// Finds <c>rel="next"</c> in RFC 8288 Link headers, tolerantly: unquoted, single-quoted and Moodle's typographic
/// quotes (<c>rel=“next”</c>, also when decoded as Latin-1 mojibake), rel lists, any case, several links per header
/// or several headers, relative targets.
/// </summary>
internal static class LinkHeader
{
    public static Uri? FindNext(HttpResponseMessage response, Uri requestUri)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }
        foreach (var value in values)
        {
            foreach (var (target, rels) in Parse(value))
            {
                if (rels.Contains("next", StringComparer.OrdinalIgnoreCase)
                    && Uri.TryCreate(requestUri, target, out var next)
                    && (next.Scheme == Uri.UriSchemeHttps || next.Scheme == Uri.UriSchemeHttp))
                {
                    return next;
                }
            }
        }
        return null;
    }

    internal static IEnumerable<(string Target, string[] Rels)> Parse(string header)
    {
        var position = 0;
        while (position < header.Length)
        {
            var open = header.IndexOf('<', position);
            var close = open < 0 ? -1 : header.IndexOf('>', open + 1);
            if (close < 0)
            {
                yield break;
            }
            var following = header.IndexOf('<', close + 1);
            var parameters = header[(close + 1)..(following < 0 ? header.Length : following)];
            // Moodle writes its links with moodle_url::out(), which HTML-escapes '&'.
            var target = header[(open + 1)..close].Trim().Replace("&amp;", "&", StringComparison.Ordinal);
            yield return (target, RelsOf(parameters));
            position = following < 0 ? header.Length : following;
        }
    }

    private static string[] RelsOf(string parameters)
    {
        foreach (var parameter in parameters.Split(';'))
        {
            var equals = parameter.IndexOf('=');
            if (equals > 0 && parameter[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                return Unquote(parameter[(equals + 1)..]).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(Unquote).Where(rel => rel.Length > 0).ToArray();
            }
        }
        return [];
    }

    /// <summary>Strips whitespace, commas, ASCII quotes and any non-ASCII character (typographic quotes) from both ends.</summary>
    private static string Unquote(string value)
    {
        static bool Strip(char c) => c <= ' ' || c > '~' || c is '"' or '\'' or ',';
        var start = 0;
        var end = value.Length;
        while (start < end && Strip(value[start]))
        {
            start++;
        }
        while (end > start && Strip(value[end - 1]))
        {
            end--;
        }
        return value[start..end];
    }
}
