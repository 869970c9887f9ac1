using System.Globalization;
using System.Text.Json.Serialization;

namespace LtiCurriculum.DevPlatform;

/// <summary>The body of POST {issuer}/control/faults; <see cref="Check"/> names the first bad member.</summary>
internal sealed record FaultRuleRequest(
    [property: JsonPropertyName("target")] string? Target,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("retryAfter")] string? RetryAfter,
    [property: JsonPropertyName("delayMs")] int? DelayMs,
    [property: JsonPropertyName("count")] int? Count)
{
    public const int MaxDelayMs = 600_000;

    public string? Check() =>
        Target is null || !FaultTargets.All.Contains(Target) ? $"target must be one of {string.Join(", ", FaultTargets.All)}"
        : Kind is null || !FaultTargets.Kinds.Contains(Kind) ? $"kind must be one of {string.Join(", ", FaultTargets.Kinds)}"
        : Kind == FaultTargets.StatusKind && Status is not (>= 400 and <= 599) ? "status is required for kind status: an HTTP error status from 400 to 599"
        : Kind == FaultTargets.DelayKind && DelayMs is not (>= 0 and <= MaxDelayMs) ? $"delayMs is required for kind delay: 0 to {MaxDelayMs}"
        : Count is < 1 ? "count, when sent, must be at least 1 (leave it out for until cleared)"
        : RetryAfter is not null && !IsRetryAfter(RetryAfter) ? "retryAfter must be delta-seconds (\"2\") or an HTTP-date"
        : null;

    public FaultRule ToRule(int id) => new(
        id, Target!, Kind!, Kind == FaultTargets.StatusKind ? Status : null, RetryAfter,
        Kind == FaultTargets.DelayKind ? DelayMs : null, Count, Count, 0);

    private static bool IsRetryAfter(string value) =>
        (value.Length is > 0 and <= 10 && value.All(char.IsAsciiDigit))
        || DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
