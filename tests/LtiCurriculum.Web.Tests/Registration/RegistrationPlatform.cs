using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LtiCurriculum.DevPlatform;
using LtiCurriculum.Web.Install.Registration;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Web.Tests.Registration;

/// <summary>
/// An LMS that supports dynamic registration, on its own 127.0.0.1 port: it serves its OpenID configuration, records
/// every registration POST and answers it as the test says, publishes its key set, and signs launches for the client
/// id it handed out. Its issuer is its own origin, as LTI Dynamic Registration 1.0 §3.5.1 wants.
/// </summary>
internal sealed class RegistrationPlatform : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RegistrationPlatform(WebApplication app, string origin, DevPlatformKey key)
    {
        _app = app;
        Issuer = origin;
        Key = key;
        Tokens = new IdTokenBuilder(key, TimeProvider.System);
    }

    public string Issuer { get; }

    public string ConfigurationUrl => Issuer + "/openid-configuration";

    public DevPlatformKey Key { get; }

    public IdTokenBuilder Tokens { get; }

    public string ProductFamily { get; set; } = "moodle";

    /// <summary>What the registration endpoint answers; by default a new client id and deployment "dep-1".</summary>
    public (int Status, string Body) RegistrationAnswer { get; set; } = (200, """{"client_id":"dr-client-1","https://purl.imsglobal.org/spec/lti-tool-configuration":{"deployment_id":"dep-1"}}""");

    public ConcurrentQueue<(string? Authorization, JsonObject Body)> Registrations { get; } = new();

    public static async Task<RegistrationPlatform> StartAsync()
    {
        var key = new DevPlatformKey();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        RegistrationPlatform? platform = null;
        app.MapGet("/openid-configuration", () => Results.Content(platform!.Configuration().ToJsonString(), "application/json"));
        app.MapGet("/jwks", () => Results.Content(key.JwksJson, "application/json"));
        app.MapPost("/register", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = JsonNode.Parse(await reader.ReadToEndAsync(context.RequestAborted))!.AsObject();
            platform!.Registrations.Enqueue((context.Request.Headers.Authorization.FirstOrDefault(), body));
            var (status, answer) = platform.RegistrationAnswer;
            return Results.Content(answer, "application/json", Encoding.UTF8, status);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        platform = new RegistrationPlatform(app, address.TrimEnd('/'), key);
        return platform;
    }

    public JsonObject Configuration() => new()
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = Issuer + "/auth",
        ["token_endpoint"] = Issuer + "/token",
        ["jwks_uri"] = Issuer + "/jwks",
        ["registration_endpoint"] = Issuer + "/register",
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["authorization_server"] = Issuer + "/token-audience",
        ["https://purl.imsglobal.org/spec/lti-platform-configuration"] = new JsonObject
        {
            ["product_family_code"] = ProductFamily,
            ["version"] = "4.5.1",
        },
    };

    /// <summary>The URL the LMS opens: the tool's registration URL plus what the LMS appends.</summary>
    public async Task<Uri> RegistrationUrlAsync(ToolInstance tool, string? registrationToken = "reg-token-1")
    {
        var secret = await tool.Services.GetRequiredService<RegistrationSecret>().GetOrCreateAsync("test", TestContext.Current.CancellationToken);
        var url = QueryHelpers.AddQueryString(tool.Url(RegistrationSecret.RegistrationPath).AbsoluteUri, new Dictionary<string, string?>
        {
            [RegistrationSecret.QueryParameter] = secret,
            ["openid_configuration"] = ConfigurationUrl,
            ["registration_token"] = registrationToken,
        }.Where(p => p.Value is not null));
        return new Uri(url);
    }

    /// <summary>Login then launch at the tool as this platform, with the client id and deployment given.</summary>
    /// <param name="deploymentAtLogin">Whether the login initiation names the deployment (lti_deployment_id is optional).</param>
    public async Task<WebPage> LaunchAsync(TestBrowser browser, ToolInstance tool, string clientId, string deploymentId, bool deploymentAtLogin = true)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("iss", Issuer),
            new("login_hint", "user-1"),
            new("target_link_uri", tool.Origin + "/lti/launch"),
            new("client_id", clientId),
        ];
        if (deploymentAtLogin)
        {
            fields.Add(new("lti_deployment_id", deploymentId));
        }
        var login = await browser.PostFormAsync(tool.Url("/lti/login"), fields);
        if (login.Status != HttpStatusCode.Redirect)
        {
            return login;
        }
        var query = QueryHelpers.ParseQuery(login.Location!.Query);
        var token = Tokens.Build(new DevLaunch
        {
            Issuer = Issuer,
            ClientId = clientId,
            DeploymentId = deploymentId,
            Nonce = query["nonce"].Single()!,
            Subject = "user-1",
            Name = "Grace Hopper",
            Roles = [LtiRoles.Learner],
            TargetLinkUri = tool.Origin + "/lti/launch",
            ResourceLinkId = "link-1",
            ResourceLinkTitle = "Cardiology pre-work",
            ContextId = "course-1",
            ContextTitle = "Cardiology",
        });
        return await browser.PostFormAsync(tool.Url("/lti/launch"), [new("id_token", token), new("state", query["state"].Single()!)]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Key.Dispose();
    }
}
