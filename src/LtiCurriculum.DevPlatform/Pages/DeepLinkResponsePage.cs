using System.Text;
using System.Text.Json;

namespace LtiCurriculum.DevPlatform;

/// <summary>What a tool's LtiDeepLinkingResponse carried: its content items and messages.</summary>
internal static class DeepLinkResponsePage
{
    private const string DeepLinking = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    public static HtmlPage Render(PlatformUrls urls, JsonElement payload)
    {
        var body = new StringBuilder()
            .Append("<h1>Deep linking response received</h1>\n")
            .Append("<p>This development platform does not check the response's signature yet: it shows what the tool sent.</p>\n");
        AppendText(body, "Message from the tool", Text(payload, DeepLinking + "msg"));
        AppendText(body, "Error from the tool", Text(payload, DeepLinking + "errormsg"));
        AppendText(body, "Settings data echoed", Text(payload, DeepLinking + "data"));
        body.Append("<h2>Content items</h2>\n");
        if (payload.TryGetProperty(DeepLinking + "content_items", out var items) && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > 0)
        {
            body.Append("<ul>\n");
            foreach (var item in items.EnumerateArray())
            {
                body.Append("<li>").Append(Html.Encode(Text(item, "title") ?? "(no title)"))
                    .Append(" <code>").Append(Html.Encode(Text(item, "type") ?? "(no type)")).Append("</code>")
                    .Append(Text(item, "url") is { } url ? $" <code>{Html.Encode(url)}</code>" : string.Empty)
                    .Append("</li>\n");
            }

            body.Append("</ul>\n");
        }
        else
        {
            body.Append("<p>None: the tool cancelled or chose nothing.</p>\n");
        }

        body.Append("<p><a href=\"").Append(Html.Encode(urls.Issuer)).Append("\">Back to the demo courses</a></p>");
        return new HtmlPage("Deep linking response", body.ToString());
    }

    private static void AppendText(StringBuilder body, string heading, string? text)
    {
        if (text is not null)
        {
            body.Append("<h2>").Append(Html.Encode(heading)).Append("</h2>\n<p>").Append(Html.Encode(text)).Append("</p>\n");
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
