namespace LtiCurriculum.Lti.Registration;

/// <summary>The shape every URL the tool calls or stores during a registration must have.</summary>
public static class RegistrationUrls
{
    /// <summary>Absolute https without user info; http only when insecure loopback is allowed (the address check still applies).</summary>
    public static bool IsAcceptable(string? value, bool allowInsecureLoopback, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 2048 || !Uri.TryCreate(value, UriKind.Absolute, out var parsed))
        {
            return false;
        }
        var schemeOk = parsed.Scheme == Uri.UriSchemeHttps || (allowInsecureLoopback && parsed.Scheme == Uri.UriSchemeHttp);
        if (!schemeOk || !string.IsNullOrEmpty(parsed.UserInfo) || string.IsNullOrEmpty(parsed.Host))
        {
            return false;
        }
        uri = parsed;
        return true;
    }

    /// <summary>Scheme, host and port: what LTI Dynamic Registration 1.0 §3.5.1 compares.</summary>
    public static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
}
