using System.Text;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The tools registered by dynamic registration: what each registered, and buttons to launch it (as a learner or an
/// instructor) on the first demo course's first link, or to add an activity to that course by deep linking. Every form
/// posts to the launch endpoint with the registration's <c>client_id</c>.
/// </summary>
internal static class RegistrationsPage
{
    public static HtmlPage Render(PlatformUrls urls, IReadOnlyList<DynamicRegistration> registrations, DemoCourse course, DemoLink link)
    {
        var body = new StringBuilder("<h1>Tools registered by dynamic registration</h1>\n");
        if (registrations.Count == 0)
        {
            body.Append("<p>No tool has registered yet. Use \u201cRegister a tool\u201d on the <a href=\"").Append(Html.Encode(urls.Issuer))
                .Append("\">demo courses page</a>.</p>\n");
        }

        foreach (var registration in registrations)
        {
            var headingId = $"registration-{registration.ClientId}";
            body.Append("<section aria-labelledby=\"").Append(Html.Encode(headingId)).Append("\">\n<h2 id=\"").Append(Html.Encode(headingId)).Append("\">")
                .Append(Html.Encode($"{registration.ClientName} ({registration.Flavour})")).Append("</h2>\n<dl>\n");
            Detail(body, "Client ID", registration.ClientId);
            Detail(body, "Deployment ID", registration.DeploymentId);
            Detail(body, "Login initiation", registration.InitiateLoginUri);
            Detail(body, "Redirect URIs", string.Join(" ", registration.RedirectUris));
            Detail(body, "Target link URI", registration.TargetLinkUri);
            Detail(body, "Public keys (JWKS)", registration.JwksUri);
            Detail(body, "Scopes", string.Join(" ", registration.Scopes));
            body.Append("</dl>\n");

            var launchId = $"launch-{registration.ClientId}";
            body.Append("<p id=\"").Append(Html.Encode(launchId)).Append("\">").Append(Html.Encode($"Launch {link.Title} in {course.Label}:")).Append("</p>\n");
            StartForm(body, urls, launchId, registration, course, LtiMessageTypes.ResourceLinkRequest);
            Hidden(body, LaunchFormFields.Link, link.Id);
            body.Append("<div class=\"buttons\">\n");
            Button(body, "learner-ana", "Launch as learner", registration.ClientName);
            Button(body, "instructor-lee", "Launch as instructor", registration.ClientName);
            body.Append("</div>\n</form>\n");

            var deepLinkingId = $"deep-linking-{registration.ClientId}";
            body.Append("<p id=\"").Append(Html.Encode(deepLinkingId)).Append("\">")
                .Append(Html.Encode($"Open the tool's content picker as the instructor, to add activities to {course.Label}:")).Append("</p>\n");
            StartForm(body, urls, deepLinkingId, registration, course, LtiMessageTypes.DeepLinkingRequest);
            Button(body, "instructor-lee", "Add activity (Deep Linking)", registration.ClientName);
            body.Append("</form>\n<p><a href=\"").Append(Html.Encode($"{urls.Issuer}?{LaunchFormFields.ClientId}={Uri.EscapeDataString(registration.ClientId)}"))
                .Append("\">").Append(Html.Encode($"Use {registration.ClientName} for every course on the demo courses page")).Append("</a></p>\n</section>\n");
        }

        body.Append("<p><a href=\"").Append(Html.Encode(urls.Issuer)).Append("\">Back to the demo courses</a></p>\n");
        return new HtmlPage("Registered tools", body.ToString());
    }

    private static void StartForm(StringBuilder body, PlatformUrls urls, string labelId, DynamicRegistration registration, DemoCourse course, string messageType)
    {
        body.Append("<form method=\"post\" action=\"").Append(Html.Encode(urls.Launch)).Append("\" aria-labelledby=\"").Append(Html.Encode(labelId)).Append("\">\n");
        Hidden(body, LaunchFormFields.ClientId, registration.ClientId);
        Hidden(body, LaunchFormFields.Course, course.Id);
        Hidden(body, LaunchFormFields.MessageType, messageType);
        Hidden(body, LaunchFormFields.Style, registration.LoginStyle);
    }

    private static void Button(StringBuilder body, string userKey, string verb, string what) =>
        body.Append("<button type=\"submit\" name=\"").Append(LaunchFormFields.User).Append("\" value=\"").Append(Html.Encode(userKey)).Append("\">")
            .Append(Html.Encode(verb)).Append("<span class=\"visually-hidden\">").Append(Html.Encode($" ({what})")).Append("</span></button>\n");

    private static void Hidden(StringBuilder body, string name, string value) =>
        body.Append("<input type=\"hidden\" name=\"").Append(Html.Encode(name)).Append("\" value=\"").Append(Html.Encode(value)).Append("\">\n");

    private static void Detail(StringBuilder body, string term, string value) =>
        body.Append("<dt>").Append(Html.Encode(term)).Append("</dt>\n<dd><code>").Append(Html.Encode(value)).Append("</code></dd>\n");
}
