using System.Net;
using System.Text.RegularExpressions;

namespace LtiCurriculum.DevPlatform.Tests;

/// <summary>The one form of a page, read the way a browser would submit it.</summary>
internal sealed partial record AutoPost(string Action, IReadOnlyDictionary<string, string> Fields, string Html)
{
    public static AutoPost Parse(string html)
    {
        var forms = FormTag().Matches(html);
        Assert.Single(forms);
        var fields = HiddenInput().Matches(html).ToDictionary(
            match => WebUtility.HtmlDecode(match.Groups["name"].Value),
            match => WebUtility.HtmlDecode(match.Groups["value"].Value));
        return new AutoPost(WebUtility.HtmlDecode(forms[0].Groups["action"].Value), fields, html);
    }

    public static async Task<AutoPost> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [GeneratedRegex("<form [^>]*method=\"post\" action=\"(?<action>[^\"]*)\"")]
    private static partial Regex FormTag();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInput();
}
