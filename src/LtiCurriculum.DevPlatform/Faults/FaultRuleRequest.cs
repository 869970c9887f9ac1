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
    [property: JsonPropertyName("count")] int? Count,
    [property: JsonPropertyName("body")] string? Body = null,
    [property: JsonPropertyName("location")] string? Location = null,
    [property: JsonPropertyName("bytes")] int? Bytes = null)
{
    public const int MaxDelayMs = 600_000;
    public const int MaxBodyChars = 64 * 1024;
    public const int DefaultOversizedBytes = 5 * 1024 * 1024;
    public const int MaxOversizedBytes = 64 * 1024 * 1024;

    public string? Check() =>
        Target is null || !FaultTargets.All.Contains(Target) ? $"target must be one of {string.Join(", ", FaultTargets.All)}"
        : Kind is null || !FaultTargets.Kinds.Contains(Kind) ? $"kind must be one of {string.Join(", ", FaultTargets.Kinds)}"
        : Kind == FaultTargets.StatusKind && Status is not (>= 400 and <= 599) ? "status is required for kind status: an HTTP error status from 400 to 599"
        : Kind == FaultTargets.DelayKind && DelayMs is not (>= 0 and <= MaxDelayMs) ? $"delayMs is required for kind delay: 0 to {MaxDelayMs}"
        : Kind == FaultTargets.RedirectKind && !IsHttpUrl(Location) ? "location is required for kind redirect: an absolute http or https URL"
        : Kind == FaultTargets.OversizedKind && Bytes is not null and not (>= 1 and <= MaxOversizedBytes) ? $"bytes, when sent, must be 1 to {MaxOversizedBytes}"
        : Body is { Length: > MaxBodyChars } ? $"body must be at most {MaxBodyChars} characters"
        : Count is < 1 ? "count, when sent, must be at least 1 (leave it out for until cleared)"
        : RetryAfter is not null && !IsRetryAfter(RetryAfter) ? "retryAfter must be delta-seconds (\"2\") or an HTTP-date"
        : null;

    public FaultRule ToRule(int id) => new(
        id, Target!, Kind!, Kind == FaultTargets.StatusKind ? Status : null, RetryAfter,
        Kind == FaultTargets.DelayKind ? DelayMs : null, Count, Count, 0,
        Kind == FaultTargets.StatusKind ? Body : null,
        Kind == FaultTargets.RedirectKind ? Location : null,
        Kind == FaultTargets.OversizedKind ? Bytes ?? DefaultOversizedBytes : null);

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsRetryAfter(string value) =>
        (value.Length is > 0 and <= 10 && value.All(char.IsAsciiDigit))
        || DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
