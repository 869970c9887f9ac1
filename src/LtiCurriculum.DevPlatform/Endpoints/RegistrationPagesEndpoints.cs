using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// POST {issuer}/register-tool (the home page's "Register a tool" form: <c>toolRegistrationUrl</c>, <c>flavour</c>):
/// starts a registration and frames the tool's page. GET {issuer}/registrations: the registered tools.
/// </summary>
internal static class RegisterToolEndpoint
{
    private const string Heading = "The registration could not start";

    public static async Task<IResult> HandleAsync(HttpContext context, RegistrationTokens tokens)
    {
        var request = context.Request;
        var urls = PlatformUrls.For(request);
        if (!request.HasFormContentType)
        {
            return MessagePages.BadRequest(urls, Heading, "Start a registration with the form on the demo courses page.");
        }

        var form = await request.ReadFormAsync(context.RequestAborted);
        var flavour = form["flavour"].ToString();
        var (start, problem) = RegistrationsControl.Start(flavour, form["toolRegistrationUrl"].ToString(), urls, tokens);
        return start is null
            ? MessagePages.BadRequest(urls, Heading, $"Check the form: {problem}.")
            : RegisterToolPage.Render(urls, RegistrationNames.Normalize(flavour)!, start);
    }
}

internal static class RegistrationsPageEndpoint
{
    public static IResult Handle(HttpRequest request, DynamicRegistrations registrations, DemoDirectory directory, CourseLinks courseLinks)
    {
        var course = directory.Courses[0];
        return RegistrationsPage.Render(PlatformUrls.For(request), registrations.All(), course, courseLinks.Of(course)[0]);
    }
}
