using System.Buffers;
using System.Text.RegularExpressions;

namespace LtiCurriculum.Web.Hosting.Telemetry;

/// <summary>
/// What must never reach a log line, replaced by a marker: values of URL parameters named like a token, session,
/// assertion, secret, state, nonce or hint (the session token travels as <c>lti_session</c> in GET URLs); anything that
/// looks like a JWT (id_tokens, client assertions, deep linking responses all start <c>eyJ</c>); bearer credentials;
/// PEM private keys.
/// </summary>
public static partial class LogRedaction
{
    public const string Marker = "[redacted]";

    private static readonly SearchValues<string> Signs = SearchValues.Create(
        ["eyJ", "token=", "session=", "assertion=", "secret=", "password=", "state=", "nonce=", "hint=", "bearer ", "private key"], StringComparison.OrdinalIgnoreCase);

    /// <summary>A cheap first look; only text that passes it is searched with the patterns.</summary>
    public static bool MayHoldSecret(string? text) => text is not null && text.AsSpan().IndexOfAny(Signs) >= 0;

    public static string Redact(string? text)
    {
        if (text is null || !MayHoldSecret(text))
        {
            return text ?? "";
        }
        text = PrivateKey().Replace(text, Marker);
        text = SecretParameter().Replace(text, Marker);
        text = Jwt().Replace(text, Marker);
        return Bearer().Replace(text, "Bearer " + Marker);
    }

    [GeneratedRegex(@"(?<=[?&;][\w.\-]*(?:token|session|assertion|secret|password|state|nonce|hint)[\w.\-]*=)[^&\s""'#<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();

    // Not inside a longer word (a stack trace's "ReadKeyJson" is not a token), unless after a percent-encoded character.
    [GeneratedRegex(@"(?:(?<![A-Za-z0-9_\-])|(?<=%[0-9A-Fa-f]{2}))eyJ[A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]*){0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    [GeneratedRegex(@"\bbearer\s+[A-Za-z0-9._~+/=\-]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKey();
}
