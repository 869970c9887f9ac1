using LtiCurriculum.Web.Hosting;
using LtiCurriculum.Web.Tests.Support;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Tests;

/// <summary>A bad setting stops the app at start with a sentence that names the key.</summary>
public sealed class ConfigurationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Platform(string issuer, string urlBase, string jwksUri) => new()
    {
        ["Lti:Platforms:0:Issuer"] = issuer,
        ["Lti:Platforms:0:ClientId"] = "client-1",
        ["Lti:Platforms:0:AuthorizationEndpoint"] = urlBase + "/auth",
        ["Lti:Platforms:0:TokenEndpoint"] = urlBase + "/token",
        ["Lti:Platforms:0:JwksUri"] = jwksUri,
        ["Lti:Platforms:0:DeploymentIds:0"] = "1",
    };

    /// <summary>Runs the start-up tasks and returns the platforms they registered from configuration.</summary>
    private static async Task<List<PlatformEntity>> RunStartupAsync(ToolSettings settings)
    {
        using var folder = new TempFolder();
        await using var app = ToolInstance.Build(settings, folder.DatabaseFile);
        await StartupTasks.RunAsync(app.Services, Ct);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<LtiDbContext>>().CreateDbContextAsync(Ct);
        return await db.Platforms.AsNoTracking().Include(p => p.Deployments).Where(p => p.Source == "configuration").ToListAsync(Ct);
    }

    private static void AssertRegistered(List<PlatformEntity> platforms, string issuer, string jwksUri)
    {
        var platform = Assert.Single(platforms);
        Assert.Equal(issuer, platform.Issuer);
        Assert.Equal("client-1", platform.ClientId);
        Assert.Equal(jwksUri, platform.JwksUri);
        Assert.Equal("1", Assert.Single(platform.Deployments).DeploymentId);
    }

    [Fact]
    public async Task Bad_platform_jwks_uri_stops_startup_naming_the_key()
    {
        var settings = new ToolSettings { Configuration = Platform("https://lms.example.edu", "https://lms.example.edu", "not a url") };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunStartupAsync(settings));

        Assert.Contains("Lti:Platforms:0:JwksUri", error.Message, StringComparison.Ordinal);
        Assert.Single(error.Failures);
    }

    [Fact]
    public async Task Production_refuses_plain_http_platform_urls_on_other_hosts()
    {
        // 1A-37: all URLs HTTPS
        var settings = new ToolSettings
        {
            Environment = "Production",
            DevPlatform = false,
            Configuration = Platform("http://lms.example.edu", "http://lms.example.edu", "http://lms.example.edu/jwks"),
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunStartupAsync(settings));

        foreach (var field in new[] { "Issuer", "AuthorizationEndpoint", "TokenEndpoint", "JwksUri" })
        {
            Assert.Contains($"Lti:Platforms:0:{field} must use https in Production", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Production_accepts_plain_http_on_loopback()
    {
        var settings = new ToolSettings
        {
            Environment = "Production",
            DevPlatform = false,
            Configuration = Platform("http://127.0.0.1:9", "http://127.0.0.1:9", "http://127.0.0.1:9/jwks"),
        };

        AssertRegistered(await RunStartupAsync(settings), "http://127.0.0.1:9", "http://127.0.0.1:9/jwks");
    }

    [Fact]
    public async Task Development_accepts_plain_http_platform_urls()
    {
        var settings = new ToolSettings { Configuration = Platform("http://lms.example.edu", "http://lms.example.edu", "http://lms.example.edu/jwks") };

        AssertRegistered(await RunStartupAsync(settings), "http://lms.example.edu", "http://lms.example.edu/jwks");
    }
}
