using System.Text.Json.Serialization;

namespace LtiCurriculum.Lti.Ags;

/// <summary>One element of a result container (AGS 2.0 §3.3); scoreOf, timestamp and extensions are ignored.</summary>
internal sealed record ResultRow(
    [property: JsonPropertyName("id"), JsonConverter(typeof(StringOrNumberConverter))] string? Id,
    [property: JsonPropertyName("userId"), JsonConverter(typeof(StringOrNumberConverter))] string? UserId,
    [property: JsonPropertyName("resultScore")] decimal? ResultScore,
    [property: JsonPropertyName("resultMaximum")] decimal? ResultMaximum,
    [property: JsonPropertyName("comment")] string? Comment)
{
    public AgsResult? ToResult() =>
        string.IsNullOrEmpty(UserId) ? null : new AgsResult(Id, UserId, ResultScore, ResultMaximum, Comment);
}
