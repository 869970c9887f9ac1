namespace LtiCurriculum.Web.Hosting.Framing;

/// <summary>
/// The dynamic registration pages are framed by an LMS that is not registered yet (LTI Dynamic Registration 1.0 §3.3:
/// the platform opens the registration URL in an iframe or a new window), so their responses name that LMS instead:
/// the origins of its <c>openid_configuration</c> URL and of the issuer that configuration names.
/// </summary>
public static class RegistrationFraming
{
    /// <summary>Lets the platform behind these URLs frame this response (non-URLs are ignored).</summary>
    public static void AllowFramingBy(HttpContext http, params string?[] urls)
    {
        var feature = http.Features.Get<RegistrationFrameAncestors>();
        if (feature is null)
        {
            feature = new RegistrationFrameAncestors();
            http.Features.Set(feature);
        }
        foreach (var origin in urls.Select(FrameOrigins.Of).OfType<string>())
        {
            feature.Origins.Add(origin);
        }
    }
}

/// <summary>Present on a registration response: these origins replace the registered platforms in frame-ancestors.</summary>
internal sealed class RegistrationFrameAncestors
{
    public HashSet<string> Origins { get; } = new(StringComparer.Ordinal);
}
