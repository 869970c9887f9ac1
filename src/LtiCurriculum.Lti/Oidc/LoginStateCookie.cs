namespace LtiCurriculum.Lti.Oidc;

/// <summary>
/// The cookie that binds a login's state to the browser that started it. Its name carries part of the
/// state's hash so that two launches in two tabs do not overwrite each other.
/// </summary>
public static class LoginStateCookie
{
    public const string Prefix = "lti_state_";

    public static string NameFor(string state) => Prefix + OpaqueTokens.Hash(state)[..16];
}
