using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Container paging as each platform does it. Standard and Canvas: <c>limit</c> (default 10) and a 1-based
/// <c>page</c>; Canvas's Link header also has current, prev, first and last. Moodle: everything unless <c>limit</c>
/// is given, then <c>from</c> is the offset, and the Link header quotes <c>next</c> with typographic quotes
/// (U+201C, U+201D) as Moodle really did.
/// </summary>
internal sealed record Paging(string Style, int Offset, int? Size)
{
    public const int DefaultSize = 10;
    public const int MaxSize = 1000;

    /// <param name="defaultSize">
    /// The page size when no <c>limit</c> is given, in every style (Moodle style too); null keeps the AGS behaviour:
    /// <see cref="DefaultSize"/>, and everything at once in Moodle style.
    /// </param>
    public static (Paging? Paging, string? Problem) Read(IQueryCollection query, string style, int? defaultSize = null)
    {
        var limit = query["limit"].ToString();
        int? size = null;
        if (limit.Length > 0)
        {
            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                return (null, "limit must be a whole number of at least 1");
            }

            size = Math.Min(parsed, MaxSize);
        }

        size ??= defaultSize;

        if (style == GradebookStyles.Moodle)
        {
            var from = query["from"].ToString();
            var offset = 0;
            if (size is not null && from.Length > 0 && (!int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
            {
                return (null, "from must be a whole number");
            }

            return (new Paging(style, offset, size), null);
        }

        var pageText = query["page"].ToString();
        var page = 1;
        if (pageText.Length > 0 && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return (null, "page must be a whole number of at least 1");
        }

        size ??= DefaultSize;
        return (new Paging(style, (int)Math.Min((long)(page - 1) * size.Value, int.MaxValue), size), null);
    }

    public IReadOnlyList<T> Slice<T>(IReadOnlyList<T> all) =>
        Size is null ? all : [.. all.Skip(Offset).Take(Size.Value)];

    /// <summary>The Link header for this page of <paramref name="total"/> rows, or null when none is due.</summary>
    public string? LinkHeader(string baseUrl, IReadOnlyList<KeyValuePair<string, string?>> filters, int total)
    {
        if (Size is not { } size)
        {
            return null;
        }

        var hasNext = Offset + size < total;
        if (Style == GradebookStyles.Moodle)
        {
            return hasNext ? $"<{Url(baseUrl, filters, ("limit", size), ("from", Offset + size))}>; rel=\u201Cnext\u201D" : null;
        }

        var page = Offset / size + 1;
        string PageLink(int number, string rel) => $"<{Url(baseUrl, filters, ("limit", size), ("page", number))}>; rel=\"{rel}\"";
        if (Style == GradebookStyles.Standard)
        {
            return hasNext ? PageLink(page + 1, "next") : null;
        }

        var links = new List<string> { PageLink(page, "current") };
        if (hasNext)
        {
            links.Add(PageLink(page + 1, "next"));
        }

        if (page > 1)
        {
            links.Add(PageLink(page - 1, "prev"));
        }

        links.Add(PageLink(1, "first"));
        links.Add(PageLink(Math.Max(1, (total + size - 1) / size), "last"));
        return string.Join(',', links);
    }

    private static string Url(string baseUrl, IReadOnlyList<KeyValuePair<string, string?>> filters, params (string Name, int Value)[] paging) =>
        AgsUrls.WithQuery(baseUrl, filters.Concat(paging.Select(pair =>
            KeyValuePair.Create(pair.Name, (string?)pair.Value.ToString(CultureInfo.InvariantCulture)))));
}
