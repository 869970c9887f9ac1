using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.Keys;

public enum PlatformKeyStatus { Found, UnknownKeyId, KeySetUnavailable }

/// <summary>The answer to "which key signed this?": a verifier for the key, or why there is none.</summary>
public readonly record struct PlatformKeyLookup(PlatformKeyStatus Status, SignatureProvider? Verifier)
{
    public static PlatformKeyLookup Found(SignatureProvider verifier) => new(PlatformKeyStatus.Found, verifier);
    public static readonly PlatformKeyLookup UnknownKeyId = new(PlatformKeyStatus.UnknownKeyId, null);
    public static readonly PlatformKeyLookup Unavailable = new(PlatformKeyStatus.KeySetUnavailable, null);
}
