using System.Text.Json.Serialization;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// One fault rule as the control endpoint shows it. <see cref="Count"/> is how many requests it was asked to hit
/// (null: until cleared), <see cref="Remaining"/> how many are left, <see cref="Fired"/> how many it hit.
/// <see cref="Body"/> replaces a status answer's body; <see cref="Location"/> is where a redirect leads;
/// <see cref="Bytes"/> the size of an oversized body.
/// </summary>
internal sealed record FaultRule(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("retryAfter")] string? RetryAfter,
    [property: JsonPropertyName("delayMs")] int? DelayMs,
    [property: JsonPropertyName("count")] int? Count,
    [property: JsonPropertyName("remaining")] int? Remaining,
    [property: JsonPropertyName("fired")] int Fired,
    [property: JsonPropertyName("body")] string? Body = null,
    [property: JsonPropertyName("location")] string? Location = null,
    [property: JsonPropertyName("bytes")] int? Bytes = null)
{
    public bool Matches(string target) => Remaining is null or > 0 && (Target == FaultTargets.Any || Target == target);

    /// <summary>Whether the rule answers the request itself rather than letting it go on.</summary>
    public bool EndsRequest => Kind != FaultTargets.DelayKind;

    public FaultRule Spent() => this with { Fired = Fired + 1, Remaining = Remaining - 1 };
}
