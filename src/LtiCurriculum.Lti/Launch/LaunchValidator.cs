using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Lti.Keys;
using LtiCurriculum.Lti.Launch.Steps;
using LtiCurriculum.Lti.Storage;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Lti.Launch;

/// <summary>
/// Validates an authentication response (the launch) as a pipeline of named steps, in order; the first
/// step that fails decides the reason. Steps read what earlier ones established (state → token →
/// registration → key → signature → claims).
/// </summary>
public sealed class LaunchValidator
{
    private readonly ILaunchStep[] _steps;
    private readonly IOptionsMonitor<LtiToolOptions> _options;
    private readonly TimeProvider _time;
    private readonly LaunchTelemetry _telemetry;

    public LaunchValidator(
        ILoginStateStore loginStates,
        IPlatformRegistrationStore registrations,
        PlatformKeySetCache keySets,
        IOptionsMonitor<LtiToolOptions> options,
        TimeProvider time,
        LaunchTelemetry telemetry,
        IDeploymentRegistrar? deployments = null)
    {
        _options = options;
        _time = time;
        _telemetry = telemetry;
        _steps =
        [
            new StateStep(loginStates),
            new TokenFormatStep(),
            new AlgorithmStep(),
            new KeyIdStep(),
            new RegistrationStep(registrations),
            new IssuerStep(),
            new SigningKeyStep(keySets),
            new SignatureStep(keySets),
            new AudienceStep(),
            new LifetimeStep(),
            new NonceStep(),
            new DeploymentStep(deployments),
            new VersionStep(),
            new MessageTypeStep(),
            new MessageClaimsStep(),
        ];
    }

    /// <summary>The step names in the order they run, for documentation and tests.</summary>
    public IEnumerable<string> StepNames => _steps.Select(s => s.Name);

    public async Task<LaunchResult> ValidateAsync(LaunchRequest request, CancellationToken cancellationToken)
    {
        using var activity = _telemetry.StartLaunch();
        var context = new LaunchValidationContext(request, _options.CurrentValue, _time.GetUtcNow());
        foreach (var step in _steps)
        {
            var failure = await step.RunAsync(context, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                _telemetry.LaunchRejected(failure, step.Name, context.Registration?.Issuer ?? context.LoginState?.Issuer);
                return new LaunchResult(null, failure, step.Name, context.SignatureVerified ? SafeReturnUrl(context.Payload?.LaunchPresentation?.ReturnUrl) : null);
            }
        }

        var launch = BuildLaunch(context);
        _telemetry.LaunchAccepted(launch);
        return new LaunchResult(launch, null, null, null);
    }

    private static LtiLaunch BuildLaunch(LaunchValidationContext context)
    {
        var claims = context.Claims;
        var registration = context.Registration!;
        return new LtiLaunch
        {
            PlatformId = registration.Id,
            Issuer = registration.Issuer,
            ClientId = registration.ClientId,
            DeploymentId = claims.DeploymentId!,
            MessageType = claims.MessageType!,
            TargetLinkUri = claims.TargetLinkUri ?? context.State.TargetLinkUri,
            UserId = claims.Subject,
            Name = claims.Name,
            GivenName = claims.GivenName,
            FamilyName = claims.FamilyName,
            Email = claims.Email,
            RoleUris = claims.Roles!,
            Roles = LtiRoles.Map(claims.Roles!),
            Context = claims.Context,
            ResourceLink = claims.ResourceLink,
            LaunchPresentation = claims.LaunchPresentation is { } presentation ? presentation with { ReturnUrl = SafeReturnUrl(presentation.ReturnUrl) } : null,
            ToolPlatform = claims.ToolPlatform,
            Lis = claims.Lis,
            Custom = claims.Custom ?? new Dictionary<string, string>(StringComparer.Ordinal),
            Ags = claims.AgsEndpoint,
            Nrps = claims.NrpsService,
            DeepLinkingSettings = claims.DeepLinkingSettings,
            Locale = SafeLocale(claims.LaunchPresentation?.Locale ?? claims.Locale),
        };
    }

    /// <summary>
    /// Only absolute http(s) return URLs up to 1024 characters are kept; anything else (javascript:,
    /// relative, absurdly long) is dropped, so it cannot bloat the session that carries it.
    /// </summary>
    private static string? SafeReturnUrl(string? url) =>
        url is { Length: <= MaxReturnUrlLength } && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.AbsoluteUri.Length <= MaxReturnUrlLength
            ? uri.AbsoluteUri
            : null;

    /// <summary>A BCP 47 tag is short; anything longer is not a locale the tool can use.</summary>
    private static string? SafeLocale(string? locale) => locale is { Length: > 0 and <= 35 } ? locale : null;

    private const int MaxReturnUrlLength = 1024;
}
