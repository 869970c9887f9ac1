namespace LtiCurriculum.DevPlatform;

/// <summary>Which endpoints a fault rule hits (the token endpoint, the AGS services, the NRPS memberships), and what it does to them.</summary>
internal static class FaultTargets
{
    public const string Token = "token";
    public const string LineItems = "lineitems";
    public const string Scores = "scores";
    public const string Results = "results";
    public const string Memberships = "memberships";
    public const string Any = "any";

    public const string StatusKind = "status";
    public const string DelayKind = "delay";
    public const string CloseKind = "close";

    public static readonly IReadOnlyList<string> All = [Token, LineItems, Scores, Results, Memberships, Any];

    public static readonly IReadOnlyList<string> Kinds = [StatusKind, DelayKind, CloseKind];
}
