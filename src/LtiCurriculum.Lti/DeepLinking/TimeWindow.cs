using System.Text.Json.Serialization;

namespace LtiCurriculum.Lti.DeepLinking;

/// <summary>
/// <c>available</c> or <c>submission</c> window of a resource link (Deep Linking 2.0 §3.2): ISO 8601 date-times
/// with their offset; either end may be open.
/// </summary>
public sealed record TimeWindow(
    [property: JsonPropertyName("startDateTime")] DateTimeOffset? StartDateTime = null,
    [property: JsonPropertyName("endDateTime")] DateTimeOffset? EndDateTime = null);
