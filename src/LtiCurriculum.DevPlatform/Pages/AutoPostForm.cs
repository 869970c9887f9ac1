using System.Text;

namespace LtiCurriculum.DevPlatform;

/// <summary>A page that POSTs hidden fields to another URL: by script at once, or by a button when script is off.</summary>
internal static class AutoPostForm
{
    public const string FormId = "auto-post";

    public static HtmlPage Page(string heading, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var body = new StringBuilder()
            .Append("<h1>").Append(Html.Encode(heading)).Append("</h1>\n")
            .Append("<form id=\"").Append(FormId).Append("\" method=\"post\" action=\"").Append(Html.Encode(action)).Append("\">\n");
        foreach (var (name, value) in fields)
        {
            body.Append("<input type=\"hidden\" name=\"").Append(Html.Encode(name))
                .Append("\" value=\"").Append(Html.Encode(value)).Append("\">\n");
        }

        body.Append("<noscript><p>JavaScript is off, so this page cannot continue by itself.</p>")
            .Append("<button type=\"submit\">Continue</button></noscript>\n")
            .Append("</form>");
        var target = Uri.TryCreate(action, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
        return new HtmlPage(heading, body.ToString(), autoSubmitFormId: FormId, formActionOrigin: target);
    }
}
