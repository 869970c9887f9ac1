using System.Text;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The page an admin sees while a tool registers itself: the tool's registration page in an iframe, as Canvas shows
/// it (LTI Dynamic Registration 1.0 §3.3), and a script that waits for the tool's
/// <c>{subject:"org.imsglobal.lti.close"}</c> window message (an object, or the same as a JSON string) and then opens
/// the list of registrations.
/// </summary>
internal static class RegisterToolPage
{
    private const string FrameId = "tool-registration";
    private const string StatusId = "registration-status";

    private static readonly string Script =
        "(function(){var frame=document.getElementById('" + FrameId + "');var status=document.getElementById('" + StatusId + "');" +
        "window.addEventListener('message',function(event){if(event.source!==frame.contentWindow){return;}" +
        "var data=event.data;if(typeof data==='string'){try{data=JSON.parse(data);}catch(e){return;}}" +
        "if(data&&data.subject==='" + RegistrationNames.CloseSubject + "'){" +
        "status.textContent='The tool finished registering. Opening the list of registrations.';" +
        "window.location.assign(frame.getAttribute('data-done'));}});})();";

    public static HtmlPage Render(PlatformUrls urls, string flavour, RegistrationStart start)
    {
        var toolOrigin = new Uri(start.InitiationUrl).GetLeftPart(UriPartial.Authority);
        var name = flavour == RegistrationNames.Canvas ? "Canvas" : "Moodle";
        var body = new StringBuilder()
            .Append("<h1>Registering a tool (").Append(Html.Encode(name)).Append(" style)</h1>\n")
            .Append("<p>The tool's registration page is below. It reads this platform's OpenID configuration, registers itself, and then ")
            .Append("tells this page it is done; the list of registrations opens then.</p>\n")
            .Append("<p id=\"").Append(StatusId).Append("\" role=\"status\" aria-live=\"polite\">Waiting for the tool to finish.</p>\n")
            .Append("<iframe id=\"").Append(FrameId).Append("\" title=\"The tool's registration page\" src=\"").Append(Html.Encode(start.InitiationUrl))
            .Append("\" data-done=\"").Append(Html.Encode(urls.Registrations)).Append("\"></iframe>\n")
            .Append("<p><a href=\"").Append(Html.Encode(urls.Registrations)).Append("\">See the registrations</a> (when the tool does not say it is done).</p>\n")
            .Append("<h2>What the tool was given</h2>\n<dl>\n<dt>openid_configuration</dt><dd><code>").Append(Html.Encode(start.OpenIdConfiguration))
            .Append("</code></dd>\n<dt>Registration endpoint</dt><dd><code>").Append(Html.Encode(urls.RegistrationEndpoint(flavour)))
            .Append("</code></dd>\n</dl>\n<p><a href=\"").Append(Html.Encode(urls.Issuer)).Append("\">Back to the demo courses</a></p>\n");
        return new HtmlPage("Registering a tool", body.ToString(), script: Script, frameOrigin: toolOrigin);
    }
}
