namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>[19] exp in the future, iat neither in the future nor too old, nbf reached — each with the configured clock skew.</summary>
internal sealed class LifetimeStep : SyncLaunchStep
{
    public override string Name => "lifetime";

    protected override LaunchFailure? Run(LaunchValidationContext context)
    {
        var claims = context.Claims;
        var now = context.Now.ToUnixTimeMilliseconds() / 1000.0;
        var skew = context.Options.ClockSkew.TotalSeconds;

        if (claims.ExpiresAt is not { } exp)
        {
            return LaunchFailures.ExpiryMissing;
        }
        if (exp + skew <= now)
        {
            return LaunchFailures.TokenExpired;
        }
        if (claims.IssuedAt is not { } iat)
        {
            return LaunchFailures.IssuedAtMissing;
        }
        if (iat - skew > now)
        {
            return LaunchFailures.IssuedInFuture;
        }
        if (now - iat > context.Options.MaxTokenAge.TotalSeconds + skew)
        {
            return LaunchFailures.TokenTooOld;
        }
        if (claims.NotBefore is { } nbf && nbf - skew > now)
        {
            return LaunchFailures.NotYetValid;
        }
        return null;
    }
}
