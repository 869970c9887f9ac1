namespace LtiCurriculum.DevPlatform;

/// <summary>AGS 2.0 scope URIs: what a launch announces and what the token endpoint grants.</summary>
internal static class AgsScopes
{
    private const string Prefix = "https://purl.imsglobal.org/spec/lti-ags/scope/";

    public const string LineItem = Prefix + "lineitem";
    public const string LineItemReadOnly = Prefix + "lineitem.readonly";
    public const string ResultReadOnly = Prefix + "result.readonly";
    public const string Score = Prefix + "score";

    /// <summary>The scope list of the endpoint claim in every launch.</summary>
    public static readonly IReadOnlyList<string> Announced = [LineItem, ResultReadOnly, Score];

    /// <summary>What the token endpoint grants, intersected with the request.</summary>
    public static readonly IReadOnlyList<string> Offered = [LineItem, LineItemReadOnly, ResultReadOnly, Score];
}
