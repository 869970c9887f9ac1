namespace LtiCurriculum.Lti.Ags;

/// <summary>AGS 2.0 scope URIs.</summary>
public static class AgsScopes
{
    public const string LineItem = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public const string LineItemReadOnly = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    public const string ResultReadOnly = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    public const string Score = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public static readonly IReadOnlyList<string> All = [LineItem, LineItemReadOnly, ResultReadOnly, Score];
}
