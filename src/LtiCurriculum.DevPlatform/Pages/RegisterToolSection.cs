using System.Text;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The home page's "Register a tool (Dynamic Registration)" form: the tool's registration URL and which LMS to
/// imitate; it posts to the page that frames the tool's registration.
/// </summary>
internal static class RegisterToolSection
{
    public static void Append(StringBuilder body, PlatformUrls urls, string? toolRegistrationUrl, int registered)
    {
        body.Append("<section aria-labelledby=\"register-tool\">\n<h2 id=\"register-tool\">Register a tool (Dynamic Registration)</h2>\n")
            .Append("<p>Plays an LMS admin installing a tool by LTI Dynamic Registration: the tool's registration page opens framed here, ")
            .Append("with this platform's OpenID configuration and a registration token.</p>\n")
            .Append("<form method=\"post\" action=\"").Append(Html.Encode(urls.RegisterTool)).Append("\" aria-labelledby=\"register-tool\">\n")
            .Append("<p><label for=\"tool-registration-url\">The tool's registration URL</label>\n")
            .Append("<input type=\"url\" id=\"tool-registration-url\" name=\"toolRegistrationUrl\" required value=\"").Append(Html.Encode(toolRegistrationUrl))
            .Append("\"></p>\n<fieldset><legend>Which LMS to imitate</legend>\n");
        HomePage.AppendRadio(body, "flavour", RegistrationNames.Moodle, "Moodle: a signed, single-use registration token", RegistrationNames.Moodle);
        HomePage.AppendRadio(body, "flavour", RegistrationNames.Canvas, "Canvas: the configuration needs the token too; errors are 422", RegistrationNames.Moodle);
        body.Append("</fieldset>\n<button type=\"submit\">Register the tool</button>\n</form>\n")
            .Append("<p><a href=\"").Append(Html.Encode(urls.Registrations)).Append("\">")
            .Append(Html.Encode($"Registered tools ({registered})")).Append("</a>: launch them, or add activities by deep linking.</p>\n</section>\n");
    }
}
