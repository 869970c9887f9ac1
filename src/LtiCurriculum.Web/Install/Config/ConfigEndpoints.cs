using LtiCurriculum.Web.Components;
using LtiCurriculum.Web.Install.Profile;
using LtiCurriculum.Web.Launch;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Install.Config;

/// <summary>
/// The configuration documents an LMS administrator uses when Dynamic Registration is not an option, filled in
/// with the tool's own public URL. No sign-in: Canvas fetches an "Enter URL" configuration from its servers.
/// </summary>
public static class ConfigEndpoints
{
    public const string CanvasPath = "/lti-config/canvas.json";
    public const string MoodlePath = "/lti-config/moodle";
    public const string MoodleJsonPath = "/lti-config/moodle.json";

    public static IEndpointRouteBuilder MapLtiConfig(this IEndpointRouteBuilder app)
    {
        app.MapGet(CanvasPath, (HttpRequest request, IOptions<ToolOptions> tool) =>
            TypedResults.Text(CanvasDeveloperKey.For(ToolProfile.For(request, tool.Value)).ToJson(), "application/json"));

        app.MapGet(MoodleJsonPath, (HttpRequest request, IOptions<ToolOptions> tool) =>
            TypedResults.Text(MoodleManualConfiguration.For(ToolProfile.For(request, tool.Value)).ToJson(), "application/json"));

        app.MapGet(MoodlePath, (HttpRequest request, IOptions<ToolOptions> tool) =>
            new HtmlPageResult<MoodleConfigurationPage>(new
            {
                Configuration = MoodleManualConfiguration.For(ToolProfile.For(request, tool.Value)),
            }));
        return app;
    }
}
