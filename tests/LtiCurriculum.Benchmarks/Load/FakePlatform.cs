using System.Net;
using LtiCurriculum.DevPlatform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Benchmarks.Load;

/// <summary>
/// The platform side, inside the load process: an RSA key whose JWKS a tiny Kestrel server publishes on
/// 127.0.0.1, and the signer of id_tokens. The authorization step is played in-process by <see cref="FlowClient"/>,
/// so /authorize and /token only need to be valid URLs in the registration; nothing serves them.
/// </summary>
internal sealed class FakePlatform : IAsyncDisposable
{
    public const string Issuer = "https://load-platform.test";
    public const string ClientId = "load-client";
    public const string DeploymentId = "load-deployment";

    private readonly WebApplication _app;
    private readonly DevPlatformKey _key;
    private readonly IdTokenBuilder _tokens;

    private FakePlatform(WebApplication app, DevPlatformKey key, Uri baseUrl)
    {
        _app = app;
        _key = key;
        _tokens = new IdTokenBuilder(key, TimeProvider.System);
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }
    public string JwksUri => new Uri(BaseUrl, "jwks").AbsoluteUri;
    public string AuthorizationEndpoint => new Uri(BaseUrl, "authorize").AbsoluteUri;
    public string TokenEndpoint => new Uri(BaseUrl, "token").AbsoluteUri;

    /// <param name="port">0 for any free port; a fixed one when an already running tool has it registered.</param>
    /// <param name="routes">More endpoints to serve beside /jwks (the dashboard command's token and membership endpoints).</param>
    public static async Task<FakePlatform> StartAsync(int port, CancellationToken cancellationToken, Action<WebApplication>? routes = null)
    {
        var key = new DevPlatformKey();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        // Not the console lifetime: Ctrl+C and SIGTERM belong to the load command, which stops this server itself.
        builder.Services.AddSingleton<IHostLifetime, NoSignalsLifetime>();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var jwks = key.JwksJson;
        app.MapGet("/jwks", () => Results.Text(jwks, "application/json"));
        routes?.Invoke(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakePlatform(app, key, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>The id_token a platform posts back for this user's link, answering the tool's nonce.</summary>
    public string SignIdToken(LoadUser user, string nonce, string targetLinkUri) => _tokens.Build(new DevLaunch
    {
        Issuer = Issuer,
        ClientId = ClientId,
        DeploymentId = DeploymentId,
        Nonce = nonce,
        Subject = user.Subject,
        Name = user.Name,
        GivenName = "Load",
        FamilyName = user.FamilyName,
        Email = user.Email,
        Roles = [user.Role],
        TargetLinkUri = targetLinkUri,
        ContextId = $"load-course-{user.Course}",
        ContextLabel = $"LOAD10{user.Course}",
        ContextTitle = $"Load Course {user.Course}",
        ResourceLinkId = $"load-link-{user.Link}",
        ResourceLinkTitle = $"Load Module {user.Link}",
        ReturnUrl = $"{Issuer}/courses/{user.Course}",
        Custom = new Dictionary<string, string> { ["module"] = LoadUsers.Modules[user.Link % LoadUsers.Modules.Length] },
    });

    /// <summary>Any launch message, signed with this platform's key (issuer, client and deployment are this platform's).</summary>
    public string SignIdToken(DevLaunch launch) => _tokens.Build(launch with { Issuer = Issuer, ClientId = ClientId, DeploymentId = DeploymentId });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private sealed class NoSignalsLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
