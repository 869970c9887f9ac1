using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

/// <summary>GET /dev-platform: the demo courses, with the language and login style chosen in the query.</summary>
internal static class HomeEndpoint
{
    public static IResult Handle(HttpRequest request, DemoDirectory directory, IOptions<DevPlatformOptions> options)
    {
        var locale = request.Query[LaunchFormFields.Locale].ToString();
        if (!directory.IsKnownLocale(locale))
        {
            locale = directory.Locales[0].Code;
        }

        var loginStyle = LoginStyles.Normalize(request.Query[LaunchFormFields.Style].ToString())
            ?? LoginStyles.Normalize(options.Value.LoginStyle)
            ?? LoginStyles.Post;
        return HomePage.Render(directory, PlatformUrls.For(request), options.Value, locale, loginStyle);
    }
}
