namespace LtiCurriculum.Lti.Launch;

/// <summary>
/// Why a login or launch was refused: a stable reason code (logged, counted, shown), the HTTP status the
/// host should answer with and a sentence for the person who sees it.
/// </summary>
public sealed record LaunchFailure(string Code, int StatusCode, string Description)
{
    /// <summary>The same reason with a sentence that names the specific detail.</summary>
    public LaunchFailure WithDetail(string detail) => this with { Description = $"{Description} {detail}" };

    public override string ToString() => Code;
}
