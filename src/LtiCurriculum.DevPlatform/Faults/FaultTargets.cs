namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Which endpoints a fault rule hits (the token endpoint, the AGS services, the NRPS memberships, the dynamic
/// registration OpenID configuration and registration endpoint), and what it does to them.
/// </summary>
internal static class FaultTargets
{
    public const string Token = "token";
    public const string LineItems = "lineitems";
    public const string Scores = "scores";
    public const string Results = "results";
    public const string Memberships = "memberships";
    public const string OpenIdConfiguration = "openid-configuration";
    public const string Registration = "registration";
    public const string Any = "any";

    public const string StatusKind = "status";
    public const string DelayKind = "delay";
    public const string CloseKind = "close";

    /// <summary>A 302 to the rule's <c>location</c>, as a platform behind a login page or a moved URL answers.</summary>
    public const string RedirectKind = "redirect";

    /// <summary>A 200 JSON body of the rule's <c>bytes</c> (5 MiB unless set), to try the reader's size limit.</summary>
    public const string OversizedKind = "oversized";

    public static readonly IReadOnlyList<string> All = [Token, LineItems, Scores, Results, Memberships, OpenIdConfiguration, Registration, Any];

    public static readonly IReadOnlyList<string> Kinds = [StatusKind, DelayKind, CloseKind, RedirectKind, OversizedKind];
}
