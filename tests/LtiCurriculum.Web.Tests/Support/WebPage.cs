using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace LtiCurriculum.Web.Tests.Support;

/// <summary>One response as a browser saw it: status, headers, the whole body, and where a redirect points.</summary>
internal sealed partial record WebPage(HttpStatusCode Status, Uri Url, HttpResponseHeaders Headers, HttpContentHeaders? ContentHeaders, string Html)
{
    /// <summary>The Location header resolved against the page's URL.</summary>
    public Uri? Location => Headers.Location is null ? null : new Uri(Url, Headers.Location);

    /// <summary>The body with tags removed and entities decoded, whitespace collapsed: what a person reads.</summary>
    public string Text => Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(Html, " ")), " ").Trim();

    /// <summary>The reason code the tool's error page shows.</summary>
    public string? ReasonCode => Fact("Reason code");

    public string? CorrelationId => Fact("Correlation id");

    /// <summary>The value of one <c>&lt;dt&gt;</c>/<c>&lt;dd&gt;</c> pair of the page, as text.</summary>
    public string? Fact(string term) => Facts().TryGetValue(term, out var value) ? value : null;

    public IReadOnlyDictionary<string, string> Facts()
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in DefinitionPair().Matches(Html))
        {
            facts[Clean(match.Groups["term"].Value)] = Clean(match.Groups["value"].Value);
        }
        return facts;
    }

    /// <summary>Every link's target, decoded.</summary>
    public IReadOnlyList<string> Links => [.. Anchor().Matches(Html).Select(m => WebUtility.HtmlDecode(m.Groups["href"].Value))];

    /// <summary>The single form of the page (the platform's auto-posted forms).</summary>
    public HtmlForm Form() => HtmlForm.Parse(this);

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : ContentHeaders is not null && ContentHeaders.TryGetValues(name, out var content) ? string.Join(", ", content)
        : null;

    public override string ToString() => $"{(int)Status} {Url}{(Location is null ? "" : $" -> {Location}")}\n{Text[..Math.Min(Text.Length, 600)]}";

    private static string Clean(string html) => Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(html, "")), " ").Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<dt>(?<term>.*?)</dt>\s*<dd>(?<value>.*?)</dd>", RegexOptions.Singleline)]
    private static partial Regex DefinitionPair();

    [GeneratedRegex("<a [^>]*href=\"(?<href>[^\"]*)\"")]
    private static partial Regex Anchor();
}

/// <summary>A form read the way a browser submits it: its action (absolute) and hidden fields.</summary>
internal sealed partial record HtmlForm(Uri Action, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public string? this[string name] => Fields.FirstOrDefault(f => f.Key == name).Value;

    public static HtmlForm Parse(WebPage page)
    {
        var forms = FormTag().Matches(page.Html);
        Assert.True(forms.Count == 1, $"Expected one form on the page, found {forms.Count}: {page}");
        var action = new Uri(page.Url, WebUtility.HtmlDecode(forms[0].Groups["action"].Value));
        var fields = HiddenInput().Matches(page.Html)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .ToList();
        return new HtmlForm(action, fields);
    }

    /// <summary>The same form with one field replaced (or added).</summary>
    public HtmlForm With(string name, string value) =>
        this with { Fields = [.. Fields.Where(f => f.Key != name), KeyValuePair.Create(name, value)] };

    [GeneratedRegex("<form [^>]*method=\"post\"[^>]*action=\"(?<action>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
