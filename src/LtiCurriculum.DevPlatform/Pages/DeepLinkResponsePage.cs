using System.Text;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// What an accepted LtiDeepLinkingResponse did: the tool's messages, the links made in the course (with their custom
/// parameters and coupled line items), the items listed but not made launchable, and the ignored ones.
/// </summary>
internal static class DeepLinkResponsePage
{
    public static HtmlPage Render(PlatformUrls urls, DemoCourse course, VerifiedDeepLinkingResponse response, IReadOnlyList<CreatedLink> created)
    {
        var body = new StringBuilder()
            .Append("<h1>Deep linking response received</h1>\n")
            .Append("<p>The response passed every check: signature, issuer, audience, times, nonce, message type, version, deployment and data.</p>\n");
        AppendText(body, "Message from the tool", response.Message, error: false);
        AppendText(body, "Error from the tool", response.ErrorMessage, error: true);
        AppendText(body, "Log from the tool", response.Log, error: false);
        AppendText(body, "Error log from the tool", response.ErrorLog, error: true);
        if (response.Items.Count == 0)
        {
            body.Append("<p id=\"no-items\">The tool sent no content items: nothing was added (the instructor cancelled or chose nothing).</p>\n");
        }

        AppendCreated(body, urls, course, response.Request, created);
        AppendOthers(body, response.Items.Others.Where(item => item.Known).ToList(), "listed", "Listed, not added as activities",
            "These content types are not launchable links here; a course page would show them as they are.");
        AppendOthers(body, response.Items.Others.Where(item => !item.Known).ToList(), "ignored", "Ignored items of unknown types",
            "Deep Linking 2.0 defines no such type, so the platform ignores them.");
        body.Append("<p><a href=\"").Append(Html.Encode(HomeUrl(urls, response.Request.UserKey, course.Id))).Append("\">Back to ")
            .Append(Html.Encode(course.Label)).Append(" on the demo courses page</a></p>");
        return new HtmlPage("Deep linking response", body.ToString());
    }

    private static void AppendCreated(StringBuilder body, PlatformUrls urls, DemoCourse course, DeepLinkingRequest request, IReadOnlyList<CreatedLink> created)
    {
        if (created.Count == 0)
        {
            return;
        }

        body.Append("<section aria-labelledby=\"created\">\n<h2 id=\"created\">")
            .Append(Html.Encode($"Added to {course.Label} {course.Title}")).Append("</h2>\n<ul class=\"created-links\">\n");
        foreach (var (link, lineItemUrl) in created)
        {
            body.Append("<li data-link-id=\"").Append(Html.Encode(link.Id)).Append("\"><strong>").Append(Html.Encode(link.Title)).Append("</strong>")
                .Append(" (resource link id <code>").Append(Html.Encode(link.Id)).Append("</code>)\n<dl>\n");
            AppendDetail(body, "Text", link.Text);
            AppendDetail(body, "URL", link.Url);
            AppendDetail(body, "Opens in", link.DocumentTarget);
            AppendDetail(body, "Available", Window(link.Available));
            AppendDetail(body, "Submissions", Window(link.Submission));
            AppendDetail(body, "Custom parameters", link.Custom.Count == 0 ? null : string.Join("; ", link.Custom.Select(pair => $"{pair.Key}={pair.Value}")));
            AppendDetail(body, "Line item", lineItemUrl);
            body.Append("</dl>\n</li>\n");
        }

        body.Append("</ul>\n<p>").Append(Html.Encode($"They are on the course now and launch like the built-in links; JSON: {urls.CourseLinksJson(course.Id)}"))
            .Append("</p>\n</section>\n");
    }

    private static void AppendOthers(StringBuilder body, IReadOnlyList<OtherItem> items, string id, string heading, string explanation)
    {
        if (items.Count == 0)
        {
            return;
        }

        body.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">").Append(Html.Encode(heading)).Append("</h2>\n<p>")
            .Append(Html.Encode(explanation)).Append("</p>\n<ul>\n");
        foreach (var item in items)
        {
            body.Append("<li>").Append(Html.Encode(item.Title ?? "(no title)")).Append(" <code>").Append(Html.Encode(item.Type)).Append("</code>")
                .Append(item.Url is null ? string.Empty : $" <code>{Html.Encode(item.Url)}</code>").Append("</li>\n");
        }

        body.Append("</ul>\n</section>\n");
    }

    private static void AppendText(StringBuilder body, string heading, string? text, bool error)
    {
        if (text is not null)
        {
            body.Append("<h2>").Append(Html.Encode(heading)).Append("</h2>\n<p").Append(error ? " class=\"error\"" : string.Empty).Append('>')
                .Append(Html.Encode(text)).Append("</p>\n");
        }
    }

    private static void AppendDetail(StringBuilder body, string term, string? value)
    {
        if (value is not null)
        {
            body.Append("<dt>").Append(Html.Encode(term)).Append("</dt><dd>").Append(Html.Encode(value)).Append("</dd>\n");
        }
    }

    private static string? Window(DemoTimeWindow? window) =>
        window is null ? null : $"from {window.StartDateTime ?? "any time"} until {window.EndDateTime ?? "no end"}";

    private static string HomeUrl(PlatformUrls urls, string userKey, string courseId) =>
        $"{urls.Issuer}?as={Uri.EscapeDataString(userKey)}#course-{courseId}";
}
