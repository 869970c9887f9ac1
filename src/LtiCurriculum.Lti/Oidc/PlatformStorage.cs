using LtiCurriculum.Lti.Storage;

namespace LtiCurriculum.Lti.Oidc;

/// <summary>
/// What a tool page needs to keep a login's browser binding and nonce in the platform's storage instead of a cookie
/// (LTI Client Side postMessages 0.1 and Platform Storage 0.1): the frame to talk to, the origin messages go to, the
/// origins replies may come from, and the storage keys of this login.
/// </summary>
/// <param name="Target">The <c>lti_storage_target</c> the platform named (Canvas: <c>post_message_forwarding</c>; else <c>_parent</c>).</param>
/// <param name="TargetOrigin">
/// The origin of the platform's OIDC authorization endpoint, as the specification asks; <c>*</c> for Canvas, whose
/// documentation ("Using window.postMessage in LTI Tools") says it does not answer messages addressed to an origin yet.
/// </param>
/// <param name="ReplyOrigins">Replies from any other origin are ignored: only the platform may vouch for a login.</param>
public sealed record PlatformStorage(string Target, string TargetOrigin, IReadOnlyList<string> ReplyOrigins, string BindingKey, string NonceKey)
{
    /// <summary>The form field a storage-backed launch re-posts the binding in, read from the platform's storage.</summary>
    public const string BindingField = "lti_storage_binding";

    /// <summary>The form field a storage-backed launch re-posts the nonce in, read from the platform's storage.</summary>
    public const string NonceField = "lti_storage_nonce";

    public const string TargetParameter = "lti_storage_target";

    private const int MaxTargetLength = 128;

    public static PlatformStorage? For(PlatformRegistration registration, string state, string? target)
    {
        if (string.IsNullOrWhiteSpace(target) || target.Length > MaxTargetLength)
        {
            return null;
        }
        var authorization = OriginOf(registration.AuthorizationEndpoint);
        if (authorization is null)
        {
            return null;
        }
        // Canvas serves the storage frame from its authorization (sso) host and frames tools from the institution's
        // host (the token endpoint's); Moodle uses one host for all. Replies are accepted from the platform's own hosts only.
        string[] replies = [.. new[] { authorization, OriginOf(registration.Issuer), OriginOf(registration.TokenEndpoint) }
            .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];
        var suffix = LoginStateCookie.NameFor(state)[LoginStateCookie.Prefix.Length..];
        return new PlatformStorage(target, IsCanvas(registration) ? "*" : authorization, replies,
            "lticurriculum_binding_" + suffix, "lticurriculum_nonce_" + suffix);
    }

    private static bool IsCanvas(PlatformRegistration registration) =>
        string.Equals(registration.ProductFamily, "canvas", StringComparison.OrdinalIgnoreCase)
        || (Uri.TryCreate(registration.Issuer, UriKind.Absolute, out var issuer)
            && (issuer.Host.Equals("instructure.com", StringComparison.OrdinalIgnoreCase) || issuer.Host.EndsWith(".instructure.com", StringComparison.OrdinalIgnoreCase)));

    private static string? OriginOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri.GetLeftPart(UriPartial.Authority) : null;
}
