using System.Text;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The demo LMS: who you are (a demo user or a roster student), the language and login style, then per course one
/// "Launch" button per resource link (built in or made by deep linking) and, for staff, "Add activity (Deep Linking)".
/// Every launch form posts <c>course</c>, <c>link</c> (resource links), <c>message_type</c>, <c>locale</c>, <c>style</c>
/// (and <c>accept_multiple</c> for deep linking) in hidden fields; the button itself is <c>user</c>=the chosen user.
/// The choices travel in the query (<c>?as=…&amp;locale=…&amp;style=…&amp;accept_multiple=…&amp;client_id=…</c>), no cookie
/// needed; a <c>client_id</c> of a tool registered by dynamic registration adds that hidden field to every launch form.
/// "Register a tool" starts a dynamic registration.
/// </summary>
internal static class HomePage
{
    /// <summary>The query parameter naming the chosen user's key.</summary>
    public const string AsParameter = "as";

    public static HtmlPage Render(
        DemoDirectory directory, CourseLinks courseLinks, IReadOnlyList<DynamicRegistration> registrations, PlatformUrls urls, DevPlatformOptions options,
        HomeChoice choice)
    {
        var body = new StringBuilder()
            .Append("<h1>LtiCurriculum Development Platform</h1>\n")
            .Append("<p>This page stands in for a learning management system such as Canvas or Moodle, so you can launch LtiCurriculum without one. ")
            .Append("Pick who you are once, then press a link's Launch button: it starts a real LTI 1.3 launch (a login initiation to the tool, ")
            .Append("an authorization here, and a signed id_token posted back to the tool).</p>\n")
            .Append("<p><a href=\"").Append(Html.Encode(urls.Gradebook)).Append("\">Gradebook</a>: the line items, scores and score log the tool sent through Assignment and Grade Services.</p>\n");
        AppendSettings(body, directory, registrations, urls, choice);
        foreach (var course in directory.Courses)
        {
            AppendCourse(body, courseLinks.Of(course), urls, course, choice);
        }

        if (directory.Watched is { } watched)
        {
            WatchedPacksSection.Append(body, watched, directory, urls, choice);
        }

        RegisterToolSection.Append(body, urls, choice.ToolRegistrationUrl, registrations.Count);
        AppendUsers(body, directory);
        AppendPlatformDetails(body, urls, options);
        return new HtmlPage("Demo courses", body.ToString());
    }

    private static void AppendSettings(StringBuilder body, DemoDirectory directory, IReadOnlyList<DynamicRegistration> registrations, PlatformUrls urls, HomeChoice choice)
    {
        body.Append("<section aria-labelledby=\"settings\">\n<h2 id=\"settings\">Who you are</h2>\n")
            .Append("<form method=\"get\" action=\"").Append(Html.Encode(urls.Issuer)).Append("\" aria-labelledby=\"settings\">\n")
            .Append("<p><label for=\"as\">Launch as</label>\n<select id=\"as\" name=\"").Append(AsParameter).Append("\">\n");
        AppendUserOptions(body, "Demo users", directory.Users, choice.User);
        AppendUserOptions(body, "Course roster: students", directory.Students, choice.User);
        body.Append("</select></p>\n<p><label for=\"locale\">Language of launches</label>\n<select id=\"locale\" name=\"locale\">\n");
        foreach (var option in directory.Locales)
        {
            body.Append("<option value=\"").Append(Html.Encode(option.Code)).Append('"')
                .Append(option.Code == choice.Locale ? " selected" : string.Empty)
                .Append(" lang=\"").Append(Html.Encode(option.Code)).Append("\">").Append(Html.Encode(option.Name)).Append("</option>\n");
        }

        body.Append("</select></p>\n");
        if (registrations.Count > 0)
        {
            body.Append("<p><label for=\"client-id\">Tool to launch</label>\n<select id=\"client-id\" name=\"").Append(LaunchFormFields.ClientId).Append("\">\n")
                .Append("<option value=\"\">The built-in tool</option>\n");
            foreach (var registration in registrations)
            {
                body.Append("<option value=\"").Append(Html.Encode(registration.ClientId)).Append('"')
                    .Append(registration.ClientId == choice.Registration?.ClientId ? " selected" : string.Empty).Append('>')
                    .Append(Html.Encode($"{registration.ClientName} ({registration.Flavour}, client id {registration.ClientId})")).Append("</option>\n");
            }

            body.Append("</select></p>\n");
        }

        body.Append("<fieldset><legend>How the platform sends you to the tool's login</legend>\n");
        AppendRadio(body, LaunchFormFields.Style, LoginStyles.Post, "Moodle style: a form posted for you", choice.LoginStyle);
        AppendRadio(body, LaunchFormFields.Style, LoginStyles.Get, "Canvas style: a redirect with Canvas' extra parameters", choice.LoginStyle);
        body.Append("</fieldset>\n<fieldset><legend>Deep linking requests accept</legend>\n");
        AppendRadio(body, LaunchFormFields.AcceptMultiple, "true", "several content items (accept_multiple true)", choice.AcceptMultiple ? "true" : "false");
        AppendRadio(body, LaunchFormFields.AcceptMultiple, "false", "one content item only (accept_multiple false)", choice.AcceptMultiple ? "true" : "false");
        body.Append("</fieldset>\n<button type=\"submit\" class=\"secondary\">Use these settings</button>\n</form>\n")
            .Append("<p id=\"current-user\">You launch as <strong>").Append(Html.Encode(choice.User.DisplayName)).Append("</strong>: ")
            .Append(Html.Encode(choice.User.Description)).Append(" Roles: ").Append(Html.Encode(string.Join(", ", choice.User.Roles.Select(ShortRole))))
            .Append(".</p>\n</section>\n");
    }

    private static void AppendUserOptions(StringBuilder body, string label, IReadOnlyList<DemoUser> users, DemoUser chosen)
    {
        body.Append("<optgroup label=\"").Append(Html.Encode(label)).Append("\">\n");
        foreach (var user in users)
        {
            body.Append("<option value=\"").Append(Html.Encode(user.Key)).Append('"').Append(user.Key == chosen.Key ? " selected" : string.Empty)
                .Append('>').Append(Html.Encode(user.DisplayName)).Append("</option>\n");
        }

        body.Append("</optgroup>\n");
    }

    internal static void AppendRadio(StringBuilder body, string name, string value, string label, string selected)
    {
        var id = $"{name}-{value}".Replace('_', '-');
        body.Append("<p><input type=\"radio\" id=\"").Append(id).Append("\" name=\"").Append(name).Append("\" value=\"").Append(value).Append('"')
            .Append(value == selected ? " checked" : string.Empty)
            .Append("> <label for=\"").Append(id).Append("\">").Append(Html.Encode(label)).Append("</label></p>\n");
    }

    private static void AppendCourse(StringBuilder body, IReadOnlyList<DemoLink> links, PlatformUrls urls, DemoCourse course, HomeChoice choice)
    {
        var courseHeadingId = $"course-{course.Id}";
        body.Append("<section id=\"").Append(Html.Encode(courseHeadingId)).Append("-section\" aria-labelledby=\"").Append(Html.Encode(courseHeadingId)).Append("\">\n")
            .Append("<h2 id=\"").Append(Html.Encode(courseHeadingId)).Append("\">")
            .Append(Html.Encode($"{course.Label} {course.Title}")).Append("</h2>\n<ul class=\"links\">\n");
        foreach (var link in links)
        {
            var headingId = $"link-{course.Id}-{link.Id}";
            body.Append("<li>\n");
            StartForm(body, urls, headingId, course, LtiMessageTypes.ResourceLinkRequest, choice);
            AppendHidden(body, LaunchFormFields.Link, link.Id);
            body.Append("<div><h3 id=\"").Append(Html.Encode(headingId)).Append("\">").Append(Html.Encode(link.Title)).Append("</h3>\n")
                .Append("<p class=\"meta\">Resource link id <code>").Append(Html.Encode(link.Id)).Append("</code>")
                .Append(link.CreatedByDeepLinking ? "; added by deep linking" : string.Empty).Append("</p></div>\n");
            AppendUserButton(body, choice.User, "Launch", link.Title);
            body.Append("</form>\n</li>\n");
        }

        body.Append("</ul>\n");
        if (choice.User.IsStaff)
        {
            var deepLinkingId = $"deep-linking-{course.Id}";
            StartForm(body, urls, deepLinkingId, course, LtiMessageTypes.DeepLinkingRequest, choice);
            AppendHidden(body, LaunchFormFields.AcceptMultiple, choice.AcceptMultiple ? "true" : "false");
            body.Append("<p id=\"").Append(Html.Encode(deepLinkingId)).Append("\" class=\"meta\">")
                .Append(Html.Encode($"Opens the tool's content picker to add activities to {course.Label}.")).Append("</p>\n");
            AppendUserButton(body, choice.User, "Add activity (Deep Linking)", $"to {course.Label}");
            body.Append("</form>\n");
        }
        else
        {
            body.Append("<p class=\"meta\">Choose an instructor, the teaching assistant or the administrator above to add activities (Deep Linking).</p>\n");
        }

        body.Append("</section>\n");
    }

    internal static void StartForm(StringBuilder body, PlatformUrls urls, string labelId, DemoCourse course, string messageType, HomeChoice choice)
    {
        body.Append("<form method=\"post\" action=\"").Append(Html.Encode(urls.Launch))
            .Append("\" aria-labelledby=\"").Append(Html.Encode(labelId)).Append("\" class=\"launch\">\n");
        AppendHidden(body, LaunchFormFields.Course, course.Id);
        AppendHidden(body, LaunchFormFields.MessageType, messageType);
        AppendHidden(body, LaunchFormFields.Locale, choice.Locale);
        AppendHidden(body, LaunchFormFields.Style, choice.LoginStyle);
        if (choice.Registration is not null)
        {
            AppendHidden(body, LaunchFormFields.ClientId, choice.Registration.ClientId);
        }
    }

    /// <summary>The submit button is the user field, so a form has no other control; the hidden words make each name unique.</summary>
    internal static void AppendUserButton(StringBuilder body, DemoUser user, string verb, string what) =>
        body.Append("<button type=\"submit\" name=\"").Append(LaunchFormFields.User).Append("\" value=\"").Append(Html.Encode(user.Key)).Append("\">")
            .Append(Html.Encode(verb)).Append("<span class=\"visually-hidden\">").Append(Html.Encode($" {what}")).Append("</span></button>\n");

    internal static void AppendHidden(StringBuilder body, string name, string value) =>
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

        var inactive = directory.Students.Where(student => student.Inactive).Select(student => student.DisplayName);
        body.Append("</dl>\n<p>").Append(Html.Encode($"Every course's roster (Names and Role Provisioning) also lists {directory.Students.Count} students " +
            $"(sub dev-student-01 to dev-student-{directory.Students.Count:00}); one is Inactive: {string.Join(", ", inactive)}."))
            .Append("</p>\n</section>\n");
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
        AppendDetail(body, "Deep linking return", urls.DeepLinkReturn);
        AppendDetail(body, "Course memberships (NRPS)", urls.Memberships("{courseId}"));
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

/// <summary>
/// What the home page's query chose: the user, the launch language, the login style, accept_multiple, and the tool
/// registered by dynamic registration to launch (null: the built-in tool); and the host's registration URL to offer.
/// </summary>
internal sealed record HomeChoice(
    DemoUser User, string Locale, string LoginStyle, bool AcceptMultiple, DynamicRegistration? Registration = null, string? ToolRegistrationUrl = null);
