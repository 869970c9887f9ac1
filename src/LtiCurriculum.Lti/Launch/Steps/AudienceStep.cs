namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>[17, 18] aud contains our client_id; azp equals it when present, and must be present when aud has several values.</summary>
internal sealed class AudienceStep : SyncLaunchStep
{
    public override string Name => "audience";

    protected override LaunchFailure? Run(LaunchValidationContext context)
    {
        var clientId = context.Registration!.ClientId;
        var audience = context.Claims.Audience;
        if (audience is null || !audience.Contains(clientId, StringComparer.Ordinal))
        {
            return LaunchFailures.AudienceMismatch;
        }
        var azp = context.Claims.AuthorizedParty;
        if (azp is null)
        {
            return audience.Length > 1 ? LaunchFailures.AuthorizedPartyMissing : null;
        }
        return azp == clientId ? null : LaunchFailures.AuthorizedPartyMismatch;
    }
}
