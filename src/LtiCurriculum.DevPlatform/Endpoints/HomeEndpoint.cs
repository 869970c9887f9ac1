using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// GET /dev-platform: the demo courses, with the user (<c>as</c>), language, login style and deep linking
/// accept_multiple chosen in the query, and the tool registered by dynamic registration to launch (<c>client_id</c>);
/// anything unknown falls back to the first user, English, the configured style (the registration's when one is
/// chosen), true and the built-in tool. The host's registrar may offer the tool's registration URL.
/// </summary>
internal static class HomeEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request, DemoDirectory directory, CourseLinks courseLinks, DynamicRegistrations registrations, IOptions<DevPlatformOptions> options)
    {
        var registration = registrations.Find(request.Query[LaunchFormFields.ClientId].ToString());
        var registrar = request.HttpContext.RequestServices.GetService<IDevPlatformRegistrar>();
        var toolRegistrationUrl = registrar is null ? null : await registrar.GetToolRegistrationUrlAsync(request, request.HttpContext.RequestAborted);
        var locale = request.Query[LaunchFormFields.Locale].ToString();
        if (!directory.IsKnownLocale(locale))
        {
            locale = directory.Locales[0].Code;
        }

        var loginStyle = LoginStyles.Normalize(request.Query[LaunchFormFields.Style].ToString())
            ?? registration?.LoginStyle
            ?? LoginStyles.Normalize(options.Value.LoginStyle)
            ?? LoginStyles.Post;
        var user = directory.FindUser(request.Query[HomePage.AsParameter].ToString()) ?? directory.Users[0];
        var acceptMultiple = request.Query[LaunchFormFields.AcceptMultiple].ToString() != "false";
        return HomePage.Render(directory, courseLinks, registrations.All(), PlatformUrls.For(request), options.Value,
            new HomeChoice(user, locale, loginStyle, acceptMultiple, registration, toolRegistrationUrl));
    }
}
