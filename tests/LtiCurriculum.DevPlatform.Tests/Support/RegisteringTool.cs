using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LtiCurriculum.DevPlatform.Tests;

/// <summary>
/// Plays a tool that registers itself by dynamic registration on a platform of its own: the built-in tool's key set on
/// the usual path and this tool's own key set on <see cref="JwksPath"/>, both on the platform's origin, so the
/// platform must use the registered jwks_uri to tell them apart.
/// </summary>
internal sealed class RegisteringTool : IAsyncDisposable
{
    public const string JwksPath = "/registered-tool/jwks.json";
    public const string ToolConfiguration = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    public const string NrpsScope = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    private RegisteringTool(AgsHost ags, ToolJwks keys)
    {
        Ags = ags;
        Keys = keys;
    }

    public AgsHost Ags { get; }

    /// <summary>This tool's own keys, published at <see cref="JwksPath"/>.</summary>
    public ToolJwks Keys { get; }

    public HttpClient Client => Ags.Host.Client;

    public string Origin => Ags.Host.Origin;

    public string Issuer => Ags.Issuer;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<RegisteringTool> StartAsync(string gradebookStyle = "standard")
    {
        var keys = new ToolJwks();
        var ags = await AgsHost.StartAsync(gradebookStyle, mapMore: app => keys.Map(app, JwksPath));
        return new RegisteringTool(ags, keys);
    }

    /// <summary>A registration as a real tool sends it (LTI Dynamic Registration 1.0 §3.5.1); <paramref name="change"/> spoils it.</summary>
    public JsonObject Body(Action<JsonObject>? change = null)
    {
        var body = new JsonObject
        {
            ["application_type"] = "web",
            ["response_types"] = new JsonArray("id_token"),
            ["grant_types"] = new JsonArray("implicit", "client_credentials"),
            ["initiate_login_uri"] = Origin + "/registered-tool/login",
            ["redirect_uris"] = new JsonArray(Origin + "/registered-tool/launch", Origin + "/registered-tool/launch-2"),
            ["client_name"] = "LtiCurriculum",
            ["jwks_uri"] = Origin + JwksPath,
            ["logo_uri"] = Origin + "/logo.svg",
            ["token_endpoint_auth_method"] = "private_key_jwt",
            ["scope"] = $"{AgsHost.LineItemScope} {AgsHost.ScoreScope} {AgsHost.ResultScope} {NrpsScope}",
            [ToolConfiguration] = new JsonObject
            {
                ["domain"] = new Uri(Origin).Authority,
                ["target_link_uri"] = Origin + "/registered-tool/launch",
                ["description"] = "Curriculum modules",
                ["custom_parameters"] = new JsonObject { ["course"] = "$Context.id" },
                ["claims"] = new JsonArray("iss", "sub", "name", "given_name", "family_name", "email"),
                ["messages"] = new JsonArray(
                    new JsonObject { ["type"] = "LtiResourceLinkRequest", ["label"] = "LtiCurriculum" },
                    new JsonObject
                    {
                        ["type"] = "LtiDeepLinkingRequest",
                        ["target_link_uri"] = Origin + "/registered-tool/deep-link",
                        ["label"] = "Add a module",
                        ["placements"] = new JsonArray("assignment_selection"),
                    }),
            },
        };
        change?.Invoke(body);
        return body;
    }

    /// <summary>POST control/registrations: what an admin's "register this tool" gives the tool.</summary>
    public async Task<JsonElement> StartRegistrationAsync(string flavour, string toolRegistrationUrl = "https://tool.example/lti/register")
    {
        var response = await Ags.ControlAsync(HttpMethod.Post, "registrations", new { flavour, toolRegistrationUrl });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await AgsHost.JsonAsync(response);
    }

    public async Task<string> TokenAsync(string flavour) => (await StartRegistrationAsync(flavour)).GetProperty("registrationToken").GetString()!;

    public Task<HttpResponseMessage> GetConfigurationAsync(string flavour, string? token = null) =>
        Ags.SendAsync(HttpMethod.Get, $"{Issuer}/registration/{flavour}/openid-configuration", token);

    public async Task<HttpResponseMessage> RegisterAsync(string flavour, string? token, JsonObject? body = null, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Issuer}/registration/{flavour}/register")
        {
            Content = new StringContent((body ?? Body()).ToJsonString(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request, Cancel);
    }

    /// <summary>A whole successful registration; the platform's answer.</summary>
    public async Task<JsonElement> RegisterAsync(string flavour, JsonObject? body = null)
    {
        var response = await RegisterAsync(flavour, await TokenAsync(flavour), body);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string ClientId(JsonElement answer) => answer.GetProperty("client_id").GetString()!;

    public static string DeploymentId(JsonElement answer) => answer.GetProperty(ToolConfiguration).GetProperty("deployment_id").GetString()!;

    /// <summary>A client assertion for <paramref name="clientId"/> signed with this tool's key (or <paramref name="credentials"/>).</summary>
    public string Assertion(string clientId, Microsoft.IdentityModel.Tokens.SigningCredentials? credentials = null) =>
        ClientAssertion.Sign(credentials ?? Keys.Key.SigningCredentials, Ags.TokenUrl, Ags.Now, claims =>
        {
            claims["iss"] = clientId;
            claims["sub"] = clientId;
        });

    public async ValueTask DisposeAsync()
    {
        await Ags.DisposeAsync();
        Keys.Dispose();
    }
}
