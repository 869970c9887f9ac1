namespace LtiCurriculum.Lti.Ags;

/// <summary>One result row of <c>{lineitem}/results</c>.</summary>
public sealed record AgsResult(string? Id, string UserId, decimal? ResultScore, decimal? ResultMaximum, string? Comment);
