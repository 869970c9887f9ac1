using System.Text;

namespace LtiCurriculum.DevPlatform;

/// <summary>The demo LMS: courses, their resource links, a deep linking start per course, the users, the platform's URLs.</summary>
internal static class HomePage
{
    public static HtmlPage Render(DemoDirectory directory, PlatformUrls urls, DevPlatformOptions options, string locale, string loginStyle)
    {
        var body = new StringBuilder()
            .Append("<h1>LtiCurriculum Development Platform</h1>\n")
            .Append("<p>This page stands in for a learning management system such as Canvas or Moodle, so you can launch LtiCurriculum without one. ")
            .Append("Each button starts a real LTI 1.3 launch: a login initiation to the tool, an authorization here, and a signed id_token posted back to the tool.</p>\n")
            .Append("<p><a href=\"").Append(Html.Encode(urls.Gradebook)).Append("\">Gradebook</a>: the line items, scores and score log the tool sent through Assignment and Grade Services.</p>\n");
        AppendSettings(body, directory, urls, locale, loginStyle);
        foreach (var course in directory.Courses)
        {
            AppendCourse(body, directory, urls, course, locale, loginStyle);
        }

        AppendUsers(body, directory);
        AppendPlatformDetails(body, urls, options);
        return new HtmlPage("Demo courses", body.ToString());
    }

    private static void AppendSettings(StringBuilder body, DemoDirectory directory, PlatformUrls urls, string locale, string loginStyle)
    {
        body.Append("<h2 id=\"settings\">Launch settings</h2>\n")
            .Append("<form method=\"get\" action=\"").Append(Html.Encode(urls.Issuer)).Append("\" aria-labelledby=\"settings\">\n")
            .Append("<p><label for=\"locale\">Language of launches</label>\n<select id=\"locale\" name=\"locale\">\n");
        foreach (var option in directory.Locales)
        {
            body.Append("<option value=\"").Append(Html.Encode(option.Code)).Append('"')
                .Append(option.Code == locale ? " selected" : string.Empty)
                .Append(" lang=\"").Append(Html.Encode(option.Code)).Append("\">").Append(Html.Encode(option.Name)).Append("</option>\n");
        }

        body.Append("</select></p>\n<fieldset><legend>How the platform sends you to the tool's login</legend>\n");
        AppendRadio(body, LoginStyles.Post, "Moodle style: a form posted for you", loginStyle);
        AppendRadio(body, LoginStyles.Get, "Canvas style: a redirect with Canvas' extra parameters", loginStyle);
        body.Append("</fieldset>\n<button type=\"submit\" class=\"secondary\">Use these settings</button>\n</form>\n");
    }

    private static void AppendRadio(StringBuilder body, string style, string label, string selectedStyle) =>
        body.Append("<p><input type=\"radio\" id=\"style-").Append(style).Append("\" name=\"style\" value=\"").Append(style).Append('"')
            .Append(style == selectedStyle ? " checked" : string.Empty)
            .Append("> <label for=\"style-").Append(style).Append("\">").Append(Html.Encode(label)).Append("</label></p>\n");

    private static void AppendCourse(StringBuilder body, DemoDirectory directory, PlatformUrls urls, DemoCourse course, string locale, string loginStyle)
    {
        var courseHeadingId = $"course-{course.Id}";
        body.Append("<section aria-labelledby=\"").Append(Html.Encode(courseHeadingId)).Append("\">\n")
            .Append("<h2 id=\"").Append(Html.Encode(courseHeadingId)).Append("\">")
            .Append(Html.Encode($"{course.Label} {course.Title}")).Append("</h2>\n");
        foreach (var link in course.Links)
        {
            var headingId = $"link-{course.Id}-{link.Id}";
            body.Append("<h3 id=\"").Append(Html.Encode(headingId)).Append("\">").Append(Html.Encode(link.Title)).Append("</h3>\n")
                .Append("<p>Resource link id <code>").Append(Html.Encode(link.Id)).Append("</code></p>\n");
            AppendLaunchForm(body, directory, urls, headingId, "Launch as", course, link, LtiMessageTypes.ResourceLinkRequest, locale, loginStyle);
        }

        var deepLinkingHeadingId = $"deep-linking-{course.Id}";
        body.Append("<h3 id=\"").Append(Html.Encode(deepLinkingHeadingId)).Append("\">")
            .Append(Html.Encode($"Add content to {course.Label} (Deep Linking)")).Append("</h3>\n")
            .Append("<p>Opens the tool's content picker, as an instructor adding an activity would.</p>\n");
        AppendLaunchForm(body, directory, urls, deepLinkingHeadingId, "Start deep linking as", course, null, LtiMessageTypes.DeepLinkingRequest, locale, loginStyle);
        body.Append("</section>\n");
    }

    private static void AppendLaunchForm(
        StringBuilder body, DemoDirectory directory, PlatformUrls urls, string headingId, string buttonVerb,
        DemoCourse course, DemoLink? link, string messageType, string locale, string loginStyle)
    {
        body.Append("<form method=\"post\" action=\"").Append(Html.Encode(urls.Launch))
            .Append("\" aria-labelledby=\"").Append(Html.Encode(headingId)).Append("\">\n");
        AppendHidden(body, LaunchFormFields.Course, course.Id);
        if (link is not null)
        {
            AppendHidden(body, LaunchFormFields.Link, link.Id);
        }

        AppendHidden(body, LaunchFormFields.MessageType, messageType);
        AppendHidden(body, LaunchFormFields.Locale, locale);
        AppendHidden(body, LaunchFormFields.Style, loginStyle);
        body.Append("<div class=\"buttons\">\n");
        foreach (var user in directory.Users)
        {
            body.Append("<button type=\"submit\" name=\"").Append(LaunchFormFields.User).Append("\" value=\"").Append(Html.Encode(user.Key)).Append("\">")
                .Append(Html.Encode($"{buttonVerb} {user.DisplayName}")).Append("</button>\n");
        }

        body.Append("</div>\n</form>\n");
    }

    private static void AppendHidden(StringBuilder body, string name, string value) =>
        body.Append("<input type=\"hidden\" name=\"").Append(Html.Encode(name)).Append("\" value=\"").Append(Html.Encode(value)).Append("\">\n");

    private static void AppendUsers(StringBuilder body, DemoDirectory directory)
    {
        body.Append("<section aria-labelledby=\"users\">\n<h2 id=\"users\">Demo users</h2>\n<dl>\n");
        foreach (var user in directory.Users)
        {
            body.Append("<dt>").Append(Html.Encode(user.DisplayName)).Append("</dt>\n<dd>").Append(Html.Encode(user.Description))
                .Append(" Login hint <code>").Append(Html.Encode(user.LoginHint)).Append("</code>; roles: ")
                .Append(Html.Encode(string.Join(", ", user.Roles.Select(ShortRole)))).Append(".</dd>\n");
        }

        body.Append("</dl>\n</section>\n");
    }

    private static void AppendPlatformDetails(StringBuilder body, PlatformUrls urls, DevPlatformOptions options)
    {
        body.Append("<section aria-labelledby=\"details\">\n<h2 id=\"details\">What the tool registers for this platform</h2>\n<dl>\n");
        AppendDetail(body, "Issuer", urls.Issuer);
        AppendDetail(body, "Client ID", options.ClientId);
        AppendDetail(body, "Deployment ID", options.DeploymentId);
        AppendDetail(body, "Authorization endpoint", urls.Authorization);
        AppendDetail(body, "Public keys (JWKS)", urls.Jwks);
        AppendDetail(body, "Token endpoint", urls.Token);
        AppendDetail(body, "Tool login initiation", urls.OnTool(options.ToolLoginPath));
        AppendDetail(body, "Tool redirect URI", urls.OnTool(options.ToolLaunchPath));
        body.Append("</dl>\n</section>\n");
    }

    private static void AppendDetail(StringBuilder body, string term, string value) =>
        body.Append("<dt>").Append(Html.Encode(term)).Append("</dt>\n<dd><code>").Append(Html.Encode(value)).Append("</code></dd>\n");

    private static string ShortRole(string role)
    {
        const string Vocabulary = "/lis/v2/";
        var start = role.IndexOf(Vocabulary, StringComparison.Ordinal);
        return start < 0 ? role : role[(start + Vocabulary.Length)..];
    }
}
