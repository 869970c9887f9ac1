using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>GET /dev-platform/return: where launch_presentation.return_url leads; shows the tool's lti_msg and lti_errormsg.</summary>
internal static class ReturnEndpoint
{
    public static IResult Handle(HttpRequest request) =>
        MessagePages.Return(PlatformUrls.For(request), Read(request, "lti_msg"), Read(request, "lti_errormsg"));

    private static string? Read(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }
}
