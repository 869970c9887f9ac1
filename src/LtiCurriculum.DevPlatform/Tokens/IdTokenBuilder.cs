using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform;

/// <summary>Signs LTI 1.3 id_tokens with the platform key; <c>iat</c> is now on the injected clock, <c>exp</c> 60 s later (as Moodle).</summary>
public sealed class IdTokenBuilder
{
    /// <summary>How long an id_token is valid, like Moodle's <c>lti_sign_jwt</c>.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly DevPlatformKey key;
    private readonly TimeProvider timeProvider;
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IdTokenBuilder(DevPlatformKey key, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.key = key;
        this.timeProvider = timeProvider;
    }

    /// <summary>The signed id_token (compact JWS, RS256, header <c>kid</c>).</summary>
    public string Build(DevLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var issuedAt = timeProvider.GetUtcNow();
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = IdTokenClaims.For(launch, issuedAt, issuedAt + Lifetime),
            SigningCredentials = key.SigningCredentials,
        };
        return handler.CreateToken(descriptor);
    }
}
