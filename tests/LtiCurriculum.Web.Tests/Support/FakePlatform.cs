using System.Net;
using System.Net.Sockets;
using LtiCurriculum.DevPlatform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Web.Tests.Support;

/// <summary>
/// Another LMS, registered with the tool through <c>Lti:Platforms</c>: its own key (a fresh
/// <see cref="DevPlatformKey"/>), tokens signed by <see cref="IdTokenBuilder"/>, and a JWKS served on its
/// own 127.0.0.1 port — or, for a "dead" platform, a JWKS URL on a port nobody listens on.
/// </summary>
internal sealed class FakePlatform : IAsyncDisposable
{
    private readonly WebApplication? _jwksServer;

    private FakePlatform(string name, string jwksUri, WebApplication? jwksServer, DevPlatformKey key)
    {
        Name = name;
        JwksUri = jwksUri;
        _jwksServer = jwksServer;
        Key = key;
        Tokens = new IdTokenBuilder(key, TimeProvider.System);
    }

    public string Name { get; }

    public string Issuer => $"https://{Name}.lms.test";

    public string ClientId => $"{Name}-client";

    public string DeploymentId => $"{Name}-deployment";

    public string AuthorizationEndpoint => Issuer + "/auth";

    public string TokenEndpoint => Issuer + "/token";

    public string ReturnUrl => Issuer + "/course/return";

    public string JwksUri { get; }

    public DevPlatformKey Key { get; }

    public IdTokenBuilder Tokens { get; }

    /// <summary>A platform whose JWKS is served (GET /jwks on its own port).</summary>
    public static async Task<FakePlatform> StartAsync(string name)
    {
        var key = new DevPlatformKey();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/jwks", () => Results.Content(key.JwksJson, "application/json"));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new FakePlatform(name, address.TrimEnd('/') + "/jwks", app, key);
    }

    /// <summary>A platform whose JWKS URL points at a closed 127.0.0.1 port.</summary>
    public static FakePlatform WithDeadJwks(string name)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new FakePlatform(name, $"http://127.0.0.1:{port}/jwks", null, new DevPlatformKey());
    }

    /// <summary>The <c>Lti:Platforms:{index}</c> entries that register this platform.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Configuration(int index) =>
    [
        new($"Lti:Platforms:{index}:Issuer", Issuer),
        new($"Lti:Platforms:{index}:ClientId", ClientId),
        new($"Lti:Platforms:{index}:AuthorizationEndpoint", AuthorizationEndpoint),
        new($"Lti:Platforms:{index}:TokenEndpoint", TokenEndpoint),
        new($"Lti:Platforms:{index}:JwksUri", JwksUri),
        new($"Lti:Platforms:{index}:DeploymentIds:0", DeploymentId),
    ];

    /// <summary>The login initiation this platform would send (Moodle-style form fields).</summary>
    public List<KeyValuePair<string, string>> LoginFields(ToolInstance tool, string loginHint = "user-1") =>
    [
        new("iss", Issuer),
        new("login_hint", loginHint),
        new("target_link_uri", tool.Origin + "/lti/launch"),
        new("client_id", ClientId),
        new("lti_deployment_id", DeploymentId),
    ];

    /// <summary>Starts a login at the tool and reads state and nonce from the authentication request it redirects to.</summary>
    public async Task<(WebPage Login, string State, string Nonce)> LoginAsync(TestBrowser browser, ToolInstance tool, string loginHint = "user-1")
    {
        var login = await browser.PostFormAsync(tool.Url("/lti/login"), LoginFields(tool, loginHint));
        Assert.True(login.Status == HttpStatusCode.Redirect, $"Login should redirect to the platform: {login}");
        Assert.StartsWith(AuthorizationEndpoint + "?", login.Location!.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(login.Location.Query);
        return (login, query["state"].Single()!, query["nonce"].Single()!);
    }

    /// <summary>A resource-link launch for this platform, as its id_token would say it.</summary>
    public DevLaunch Launch(ToolInstance tool, string nonce, string subject = "user-1") => new()
    {
        Issuer = Issuer,
        ClientId = ClientId,
        DeploymentId = DeploymentId,
        Nonce = nonce,
        Subject = subject,
        Name = "Grace Hopper",
        Roles = [LtiRoles.Learner],
        TargetLinkUri = tool.Origin + "/lti/launch",
        ResourceLinkId = $"{Name}-link-1",
        ResourceLinkTitle = "Cardiology pre-work",
        ContextId = $"{Name}-course-1",
        ContextLabel = "CARD-101",
        ContextTitle = "Cardiology",
        ReturnUrl = ReturnUrl,
    };

    public string Sign(DevLaunch launch) => Tokens.Build(launch);

    public async ValueTask DisposeAsync()
    {
        if (_jwksServer is not null)
        {
            await _jwksServer.StopAsync(CancellationToken.None);
            await _jwksServer.DisposeAsync();
        }
        Key.Dispose();
    }
}
