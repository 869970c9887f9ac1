using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Lti.Tests.Registration;

/// <summary>One request the stub received.</summary>
internal sealed record RecordedRequest(string Method, string Path, string? Authorization, string? ContentType, string Body);

/// <summary>
/// A platform on a real Kestrel server at 127.0.0.1: each path answers as the test says, every request is recorded.
/// Its OpenID configuration is served at <see cref="ConfigurationPath"/> unless the test replaces it.
/// </summary>
internal sealed class StubPlatform : IAsyncDisposable
{
    public const string ConfigurationPath = "/openid-configuration";
    public const string RegisterPath = "/register";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);

    private StubPlatform(WebApplication app, string origin)
    {
        _app = app;
        Origin = origin;
        Configuration = Document(origin);
        Answer(ConfigurationPath, context => Json(context, 200, Configuration.ToJsonString()));
    }

    /// <summary>http://127.0.0.1:port</summary>
    public string Origin { get; }

    public string ConfigurationUrl => Origin + ConfigurationPath;

    /// <summary>The document served at <see cref="ConfigurationPath"/>; tests change it before the fetch.</summary>
    public JsonObject Configuration { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<StubPlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        StubPlatform? stub = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            stub!.Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(), context.Request.ContentType, body));
            if (stub._routes.TryGetValue(context.Request.Path.Value ?? "", out var route))
            {
                await route(context);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        stub = new StubPlatform(app, address.TrimEnd('/'));
        return stub;
    }

    public void Answer(string path, RequestDelegate handler) => _routes[path] = handler;

    public void AnswerRegistration(int status, string body) => Answer(RegisterPath, context => Json(context, status, body));

    public static async Task Json(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>A Moodle-like configuration whose every URL is on <paramref name="origin"/>.</summary>
    public static JsonObject Document(string origin) => new()
    {
        ["issuer"] = origin,
        ["authorization_endpoint"] = origin + "/auth",
        ["token_endpoint"] = origin + "/token",
        ["jwks_uri"] = origin + "/jwks",
        ["registration_endpoint"] = origin + RegisterPath,
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["scopes_supported"] = new JsonArray(
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
            "openid"),
        ["https://purl.imsglobal.org/spec/lti-platform-configuration"] = new JsonObject
        {
            ["product_family_code"] = "moodle",
            ["version"] = "4.5",
            ["messages_supported"] = new JsonArray(new JsonObject { ["type"] = "LtiResourceLinkRequest" }, new JsonObject { ["type"] = "LtiDeepLinkingRequest" }),
        },
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
