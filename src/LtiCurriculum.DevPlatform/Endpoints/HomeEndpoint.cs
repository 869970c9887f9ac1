using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// GET /dev-platform: the demo courses, with the user (<c>as</c>), language, login style and deep linking
/// accept_multiple chosen in the query; anything unknown falls back to the first user, English, the configured style
/// and true.
/// </summary>
internal static class HomeEndpoint
{
    public static IResult Handle(HttpRequest request, DemoDirectory directory, CourseLinks courseLinks, IOptions<DevPlatformOptions> options)
    {
        var locale = request.Query[LaunchFormFields.Locale].ToString();
        if (!directory.IsKnownLocale(locale))
        {
            locale = directory.Locales[0].Code;
        }

        var loginStyle = LoginStyles.Normalize(request.Query[LaunchFormFields.Style].ToString())
            ?? LoginStyles.Normalize(options.Value.LoginStyle)
            ?? LoginStyles.Post;
        var user = directory.FindUser(request.Query[HomePage.AsParameter].ToString()) ?? directory.Users[0];
        var acceptMultiple = request.Query[LaunchFormFields.AcceptMultiple].ToString() != "false";
        return HomePage.Render(directory, courseLinks, PlatformUrls.For(request), options.Value, new HomeChoice(user, locale, loginStyle, acceptMultiple));
    }
}
