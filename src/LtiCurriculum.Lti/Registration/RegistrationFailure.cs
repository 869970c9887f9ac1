namespace LtiCurriculum.Lti.Registration;

/// <summary>
/// Why a dynamic registration stopped: a stable reason code (logged, shown), the HTTP status the host answers with
/// and a sentence for the administrator.
/// </summary>
public sealed record RegistrationFailure(string Code, int StatusCode, string Description)
{
    /// <summary>The same reason with a sentence that names the specific detail.</summary>
    public RegistrationFailure WithDetail(string detail) => this with { Description = $"{Description} {detail}" };

    public override string ToString() => Code;
}
