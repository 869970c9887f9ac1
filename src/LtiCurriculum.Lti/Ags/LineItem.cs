using System.Text.Json.Serialization;

namespace LtiCurriculum.Lti.Ags;

/// <summary>A line item (AGS 2.0 §3.2); unknown members the platform sends are ignored.</summary>
public sealed record LineItem
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("label")] public string? Label { get; init; }
    [JsonPropertyName("scoreMaximum")] public decimal ScoreMaximum { get; init; }
    [JsonPropertyName("resourceId")] public string? ResourceId { get; init; }
    [JsonPropertyName("tag")] public string? Tag { get; init; }
    [JsonPropertyName("resourceLinkId")] public string? ResourceLinkId { get; init; }
    [JsonPropertyName("startDateTime")] public DateTimeOffset? StartDateTime { get; init; }
    [JsonPropertyName("endDateTime")] public DateTimeOffset? EndDateTime { get; init; }
}
