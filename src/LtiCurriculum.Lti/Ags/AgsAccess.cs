namespace LtiCurriculum.Lti.Ags;

/// <summary>The scopes a launch granted, and the platform to ask; every AGS call takes one.</summary>
public sealed record AgsAccess(AgsPlatform Platform, IReadOnlyCollection<string> GrantedScopes)
{
    /// <summary>Granted ∩ <see cref="AgsScopes.All"/>, sorted: one token per platform and granted set covers every call.</summary>
    internal IReadOnlyList<string> TokenScopes() =>
        [.. GrantedScopes.Where(AgsScopes.All.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    internal bool Grants(string scope) => GrantedScopes.Contains(scope, StringComparer.Ordinal);
}
