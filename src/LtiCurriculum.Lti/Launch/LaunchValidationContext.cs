using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Lti.Storage;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.Launch;

/// <summary>What the steps learn as the pipeline runs; each step may rely on what earlier steps set.</summary>
internal sealed class LaunchValidationContext(LaunchRequest request, LtiToolOptions options, DateTimeOffset now)
{
    public LaunchRequest Request { get; } = request;
    public LtiToolOptions Options { get; } = options;
    public DateTimeOffset Now { get; } = now;

    public LoginState? LoginState { get; set; }
    public SignedToken? Token { get; set; }
    public IdTokenPayload? Payload { get; set; }
    public PlatformRegistration? Registration { get; set; }
    public SignatureProvider? Verifier { get; set; }
    public bool SignatureVerified { get; set; }

    public LoginState State => LoginState ?? throw new InvalidOperationException("The state step has not run.");
    public IdTokenPayload Claims => Payload ?? throw new InvalidOperationException("The token step has not run.");
}
