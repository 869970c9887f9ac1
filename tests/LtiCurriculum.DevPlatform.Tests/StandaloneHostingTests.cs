using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.DevPlatform.Tests;

/// <summary>The platform in a process of its own, as a tool's integration tests run it: nothing but AddDevPlatform and MapDevPlatform.</summary>
public sealed class StandaloneHostingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Plain_web_application_serves_the_platform_for_a_tool_elsewhere()
    {
        using var jwks = new ToolJwks();
        await using var tool = await StartAsync(jwks.Map, [], withPlatform: false);
        var toolOrigin = Origin(tool);
        await using var platform = await StartAsync(app => app.MapDevPlatform(), new Dictionary<string, string?>
        {
            ["DevPlatform:Enabled"] = "true",
            ["DevPlatform:ToolOrigin"] = toolOrigin + "/",
            ["DevPlatform:GradebookStyle"] = "canvas",
        }, withPlatform: true);
        var issuer = Origin(platform) + "/dev-platform";
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var login = AutoPost.Parse(await (await client.PostAsync(issuer + "/launch", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["course"] = "med-501", ["link"] = "link-cc-1", ["user"] = "learner-ana",
        }), Cancel)).Content.ReadAsStringAsync(Cancel));
        var assertion = ClientAssertion.Sign(jwks.Key.SigningCredentials, issuer + "/token", DateTimeOffset.UtcNow);
        var tokenAnswer = await client.PostAsync(issuer + "/token", new FormUrlEncodedContent(AgsHost.TokenForm(assertion, AgsHost.LineItemScope)), Cancel);
        using var request = new HttpRequestMessage(HttpMethod.Get, issuer + "/ags/med-501/lineitems");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await AgsHost.JsonAsync(tokenAnswer)).GetProperty("access_token").GetString());
        var lineItems = await client.SendAsync(request, Cancel);

        Assert.Equal(toolOrigin + "/lti/login", login.Action);
        Assert.Equal(toolOrigin + "/lti/launch", login.Fields["target_link_uri"]);
        Assert.Equal(HttpStatusCode.OK, tokenAnswer.StatusCode);
        Assert.Equal(1, jwks.Fetches);
        Assert.Equal(HttpStatusCode.OK, lineItems.StatusCode);
    }

    private static async Task<WebApplication> StartAsync(
        Action<WebApplication> map, Dictionary<string, string?> settings, bool withPlatform)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        if (withPlatform)
        {
            builder.Services.AddDevPlatform(builder.Configuration.GetSection(DevPlatformOptions.SectionName));
        }

        var app = builder.Build();
        map(app);
        await app.StartAsync(Cancel);
        return app;
    }

    private static string Origin(WebApplication app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single())
            .GetLeftPart(UriPartial.Authority);
}
