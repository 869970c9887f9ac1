using System.Text.Json.Serialization;

namespace LtiCurriculum.Lti.DeepLinking;

/// <summary>
/// The gradebook column the platform creates with a resource link (Deep Linking 2.0 §3.2 lineItem). The platform
/// binds it to the new link; <see cref="ScoreMaximum"/> must be greater than zero.
/// </summary>
public sealed record ContentItemLineItem(
    [property: JsonPropertyName("scoreMaximum")] decimal ScoreMaximum,
    [property: JsonPropertyName("label")] string? Label = null,
    [property: JsonPropertyName("resourceId")] string? ResourceId = null,
    [property: JsonPropertyName("tag")] string? Tag = null,
    [property: JsonPropertyName("gradesReleased")] bool? GradesReleased = null);
