using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>A launch picked on the home page, checked against the demo directory.</summary>
internal sealed record LaunchChoice(
    DemoCourse Course, DemoLink? Link, DemoUser User, string MessageType, string Locale, string LoginStyle, bool AcceptMultiple = true,
    DynamicRegistration? Registration = null)
{
    /// <summary>The checked choice, or the name of the first bad field and what is wrong with it.</summary>
    public static (LaunchChoice? Choice, string? BadField, string? Problem) Read(
        IFormCollection form, DemoDirectory directory, CourseLinks courseLinks, DynamicRegistrations registrations, DevPlatformOptions options)
    {
        var clientId = Optional(form, LaunchFormFields.ClientId);
        var registration = registrations.Find(clientId);
        if (clientId is not null && registration is null)
        {
            return Bad(LaunchFormFields.ClientId, "names no tool registered here by dynamic registration; leave it out for the built-in tool");
        }

        var messageType = Optional(form, LaunchFormFields.MessageType) ?? LtiMessageTypes.ResourceLinkRequest;
        if (!LtiMessageTypes.IsKnown(messageType))
        {
            return Bad(LaunchFormFields.MessageType, $"must be {LtiMessageTypes.ResourceLinkRequest} or {LtiMessageTypes.DeepLinkingRequest}");
        }

        var course = directory.FindCourse(Optional(form, LaunchFormFields.Course));
        if (course is null)
        {
            return Bad(LaunchFormFields.Course, "is missing or names no demo course");
        }

        DemoLink? link = null;
        if (messageType == LtiMessageTypes.ResourceLinkRequest)
        {
            link = courseLinks.Find(course, Optional(form, LaunchFormFields.Link));
            if (link is null)
            {
                return Bad(LaunchFormFields.Link, $"is missing or names no resource link of {course.Label}");
            }
        }

        var user = directory.FindUser(Optional(form, LaunchFormFields.User));
        if (user is null)
        {
            return Bad(LaunchFormFields.User, "is missing or names no demo user");
        }

        var locale = Optional(form, LaunchFormFields.Locale) ?? directory.Locales[0].Code;
        if (!directory.IsKnownLocale(locale))
        {
            return Bad(LaunchFormFields.Locale, "names no offered language");
        }

        var style = LoginStyles.Normalize(Optional(form, LaunchFormFields.Style) ?? registration?.LoginStyle ?? options.LoginStyle);
        if (style is null)
        {
            return Bad(LaunchFormFields.Style, $"must be {LoginStyles.Post} or {LoginStyles.Get}");
        }

        var acceptMultiple = Optional(form, LaunchFormFields.AcceptMultiple) ?? "true";
        if (acceptMultiple is not ("true" or "false"))
        {
            return Bad(LaunchFormFields.AcceptMultiple, "must be true or false");
        }

        return (new LaunchChoice(course, link, user, messageType, locale, style, acceptMultiple == "true", registration), null, null);
    }

    private static string? Optional(IFormCollection form, string field) =>
        form.TryGetValue(field, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;

    private static (LaunchChoice?, string?, string?) Bad(string field, string problem) => (null, field, problem);
}
