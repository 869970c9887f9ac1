using LtiCurriculum.Web.Components;
using LtiCurriculum.Lti.Keys;
using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Web.Components.Pages;
using LtiCurriculum.Web.Install.Config;
using LtiCurriculum.Web.Install.Registration;
using LtiCurriculum.Web.Launch;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Install;

/// <summary>What an LMS administrator's platform reads from the tool: its public keys, its configuration documents, and a home page pointing to them.</summary>
public static class InstallEndpoints
{
    public static IEndpointRouteBuilder MapInstall(this IEndpointRouteBuilder app)
    {
        app.MapGet(ToolUrls.JwksPath, async (HttpContext http, IToolKeyStore keys) =>
        {
            var published = await keys.GetPublishedKeysAsync(http.RequestAborted);
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(ToolKeySetDocument.Serialize(published), "application/json");
        });

        app.MapGet("/", async (HttpContext http, IOptions<ToolOptions> tool, IConfiguration configuration, IHostEnvironment environment, RegistrationSecret secret) =>
        {
            var baseUrl = ToolUrls.BaseUrl(http.Request, tool.Value);
            // The secret URL is an admin's to print with the CLI; only a developer's own machine shows it to any visitor.
            var registrationUrl = environment.IsDevelopment()
                ? RegistrationSecret.RegistrationUrl(baseUrl, await secret.GetOrCreateAsync("home page", http.RequestAborted))
                : null;
            return new HtmlPageResult<HomePage>(new
            {
                BaseUrl = baseUrl,
                RegistrationUrl = registrationUrl,
                DevPlatformEnabled = configuration.GetValue<bool>("DevPlatform:Enabled"),
            });
        });
        app.MapLtiConfig();
        return app;
    }
}
