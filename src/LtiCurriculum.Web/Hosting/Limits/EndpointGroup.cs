namespace LtiCurriculum.Web.Hosting.Limits;

/// <summary>The endpoint groups that get limits of their own (body size, form shape, request rate).</summary>
internal enum EndpointGroup
{
    Other,
    /// <summary>OIDC login initiation, <c>/lti/login</c> (GET or POST).</summary>
    LtiLogin,
    /// <summary>The launch (OIDC redirect URI), <c>/lti/launch</c>.</summary>
    LtiLaunch,
    /// <summary>Dynamic registration: <c>/lti/register</c> and its confirmation.</summary>
    Registration,
    /// <summary>The learner's module pages under <c>/learn</c>.</summary>
    Learn,
    /// <summary>Course staff pages under <c>/teach</c>.</summary>
    Teach,
    /// <summary>An administrator's pack upload (a zip), <c>/teach/packs/upload</c>.</summary>
    PackUpload,
}

internal static class EndpointGroups
{
    public static EndpointGroup Of(HttpRequest request)
    {
        var path = request.Path;
        if (path.Equals(Launch.ToolUrls.LoginPath, StringComparison.OrdinalIgnoreCase)) return EndpointGroup.LtiLogin;
        if (path.Equals(Launch.ToolUrls.LaunchPath, StringComparison.OrdinalIgnoreCase)) return EndpointGroup.LtiLaunch;
        if (path.StartsWithSegments(Install.Registration.RegistrationSecret.RegistrationPath, StringComparison.OrdinalIgnoreCase)) return EndpointGroup.Registration;
        if (path.StartsWithSegments("/learn", StringComparison.OrdinalIgnoreCase)) return EndpointGroup.Learn;
        if (path.Equals(Packs.PackAdminRoutes.UploadPath, StringComparison.OrdinalIgnoreCase)) return EndpointGroup.PackUpload;
        if (path.StartsWithSegments("/teach", StringComparison.OrdinalIgnoreCase)) return EndpointGroup.Teach;
        return EndpointGroup.Other;
    }

    /// <summary>A method that may carry a body the tool reads.</summary>
    public static bool HasBody(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method);
}
