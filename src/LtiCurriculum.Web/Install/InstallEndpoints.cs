using LtiCurriculum.Lti.Keys;
using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Web.Components.Pages;
using LtiCurriculum.Web.Launch;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Install;

/// <summary>What an LMS administrator's platform reads from the tool: its public keys, and a home page with the URLs to register.</summary>
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

        app.MapGet("/", (HttpContext http, IOptions<ToolOptions> tool, IConfiguration configuration) =>
            new RazorComponentResult<HomePage>(new
            {
                BaseUrl = ToolUrls.BaseUrl(http.Request, tool.Value),
                DevPlatformEnabled = configuration.GetValue<bool>("DevPlatform:Enabled"),
            }));
        return app;
    }
}
