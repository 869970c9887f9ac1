namespace LtiCurriculum.Lti.Storage;

/// <summary>
/// One platform (LMS) registration: an issuer plus the client id it gave this tool. A disabled one is still
/// found (so it is refused with its own reason rather than as unknown), but no login or launch may use it.
/// </summary>
public sealed record PlatformRegistration(
    int Id,
    string Issuer,
    string ClientId,
    string AuthorizationEndpoint,
    string TokenEndpoint,
    string JwksUri,
    IReadOnlySet<string> DeploymentIds,
    bool IsDisabled = false)
{
    /// <summary>Registered through LTI Dynamic Registration: with <c>Lti:AutoAddDeployments</c>, its unknown deployments are added at launch.</summary>
    public bool RegisteredDynamically { get; init; }

    /// <summary>The LMS product (<c>canvas</c>, <c>moodle</c>) when known, from dynamic registration or the admin.</summary>
    public string? ProductFamily { get; init; }

    /// <summary>deployment_id is case-sensitive (LTI Core 1.3 §5.3.3).</summary>
    public bool HasDeployment(string deploymentId) => DeploymentIds.Contains(deploymentId);
}

/// <summary>Looks up registrations. The host implements it (database, cache).</summary>
public interface IPlatformRegistrationStore
{
    /// <summary>Every registration with this exact issuer (Canvas hosts many institutions behind one issuer).</summary>
    ValueTask<IReadOnlyList<PlatformRegistration>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken);
}
