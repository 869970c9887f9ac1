using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform.Tests;

/// <summary>Plays the browser and the tool: starts launches on the platform and sends authentication requests.</summary>
internal sealed class LaunchFlow(DevPlatformHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public Task<HttpResponseMessage> PostLaunchAsync(IDictionary<string, string> fields) =>
        host.Client.PostAsync("/dev-platform/launch", new FormUrlEncodedContent(fields), Cancel);

    /// <summary>Starts a launch from the home page's form and returns the login initiation form posted to the tool.</summary>
    public async Task<AutoPost> StartAsync(
        string user = "learner-ana", string course = "med-501", string? link = "link-cc-1",
        string messageType = LtiMessageTypes.ResourceLinkRequest, string locale = "en", bool? acceptMultiple = null)
    {
        var fields = new Dictionary<string, string> { ["course"] = course, ["user"] = user, ["message_type"] = messageType, ["locale"] = locale };
        if (link is not null)
        {
            fields["link"] = link;
        }

        if (acceptMultiple is not null)
        {
            fields["accept_multiple"] = acceptMultiple.Value ? "true" : "false";
        }

        return await AutoPost.ReadAsync(await PostLaunchAsync(fields));
    }

    /// <summary>The authentication request a correct tool sends in answer to this login initiation.</summary>
    public Dictionary<string, string> AuthenticationRequest(AutoPost login, string nonce = "nonce-1", string state = "state-1") => new()
    {
        ["scope"] = "openid",
        ["response_type"] = "id_token",
        ["response_mode"] = "form_post",
        ["prompt"] = "none",
        ["client_id"] = login.Fields["client_id"],
        ["redirect_uri"] = host.RedirectUri,
        ["login_hint"] = login.Fields["login_hint"],
        ["lti_message_hint"] = login.Fields["lti_message_hint"],
        ["nonce"] = nonce,
        ["state"] = state,
    };

    public Task<HttpResponseMessage> AuthorizeAsync(IDictionary<string, string> parameters, bool usePost = false) =>
        usePost
            ? host.Client.PostAsync("/dev-platform/authorize", new FormUrlEncodedContent(parameters), Cancel)
            : host.Client.GetAsync("/dev-platform/authorize" + QueryString(parameters), Cancel);

    /// <summary>A whole successful launch; returns the id_token the platform posts to the tool.</summary>
    public async Task<string> LaunchAsync(
        string user = "learner-ana", string course = "med-501", string? link = "link-cc-1",
        string messageType = LtiMessageTypes.ResourceLinkRequest, string locale = "en", bool? acceptMultiple = null)
    {
        var login = await StartAsync(user, course, link, messageType, locale, acceptMultiple);
        var answer = await AutoPost.ReadAsync(await AuthorizeAsync(AuthenticationRequest(login)));
        Assert.Equal(host.RedirectUri, answer.Action);
        return answer.Fields["id_token"];
    }

    public static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(jwt.Split('.')[1])).RootElement;

    public static JsonElement Header(string jwt) =>
        JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(jwt.Split('.')[0])).RootElement;

    private static string QueryString(IDictionary<string, string> parameters) =>
        "?" + string.Join('&', parameters.Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value)}"));
}
