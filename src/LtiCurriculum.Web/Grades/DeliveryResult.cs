namespace LtiCurriculum.Web.Grades;

public enum DeliveryVerdict
{
    Delivered,
    /// <summary>Try again after <see cref="DeliveryResult.RetryAfter"/> (or the backoff); counts as a failure.</summary>
    Retry,
    /// <summary>Try again soon without counting a failure (the line item is being created by another worker).</summary>
    Later,
    NeedsAttention,
    NotGradable,
}

/// <summary>
/// What one delivery try came to. <see cref="AnswerUnknown"/>: the request may have reached the platform.
/// <see cref="PlatformTrouble"/>: the platform (or its token endpoint) is unreachable, failing or asking us to slow down.
/// </summary>
public sealed record DeliveryResult(DeliveryVerdict Verdict, int? StatusCode = null, string? Error = null, TimeSpan? RetryAfter = null, bool AnswerUnknown = false, bool PlatformTrouble = false)
{
    public static readonly DeliveryResult Done = new(DeliveryVerdict.Delivered);
}
