using LtiCurriculum.Lti;
using System.ComponentModel.DataAnnotations;

namespace LtiCurriculum.Web.Grades;

/// <summary>Score delivery settings (configuration section <c>Grades</c>). Validated at start.</summary>
public sealed class GradeOptions
{
    public const string SectionName = "Grades";

    /// <summary>Whether this instance runs the delivery worker. Scores are always written to the outbox.</summary>
    public bool DeliveryEnabled { get; set; } = true;

    /// <summary>
    /// Failed tries after which a score is marked "needs attention" and no longer retried by itself. With the default
    /// backoff, 20 tries span 6 to 11 hours (jitter), so an LMS outage of that length heals by itself.
    /// </summary>
    [Range(1, 100, ErrorMessage = "Grades:MaxFailures must be between 1 and 100.")]
    public int MaxFailures { get; set; } = 20;

    /// <summary>Wait after the first failure; doubled after each further failure (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    [TimeSpanRange("00:00:00.010", "01:00:00", ErrorMessage = "Grades:FirstRetryDelay must be between 00:00:00.010 and 01:00:00.")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    [TimeSpanRange("00:00:00.010", "1.00:00:00", ErrorMessage = "Grades:MaxRetryDelay must be between 00:00:00.010 and 1.00:00:00.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a worker owns the scores it took. Longer than one delivery can take (token + score calls with timeouts).</summary>
    [TimeSpanRange("00:00:01", "01:00:00", ErrorMessage = "Grades:LeaseDuration must be between 00:00:01 and 01:00:00.")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Scores taken per round for one platform.</summary>
    [Range(1, 1000, ErrorMessage = "Grades:BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 128;

    /// <summary>Score requests in flight to one platform at a time.</summary>
    [Range(1, 256, ErrorMessage = "Grades:ConcurrencyPerPlatform must be between 1 and 256.")]
    public int ConcurrencyPerPlatform { get; set; } = 16;

    /// <summary>Longest wait for one platform call (token, line item, score); a slow platform then counts as a failed try.</summary>
    [TimeSpanRange("00:00:00.100", "00:05:00", ErrorMessage = "Grades:RequestTimeout must be between 00:00:00.100 and 00:05:00.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long delivered scores are kept (each learner's latest score in a link is always kept).</summary>
    [TimeSpanRange("1.00:00:00", "3650.00:00:00", ErrorMessage = "Grades:KeepHistory must be between 1.00:00:00 and 3650.00:00:00.")]
    public TimeSpan KeepHistory { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often the worker looks for due scores when nothing woke it (another instance may have written them).</summary>
    [TimeSpanRange("00:00:00.050", "00:10:00", ErrorMessage = "Grades:PollInterval must be between 00:00:00.050 and 00:10:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>/health/ready says Degraded once the oldest score waiting for delivery has waited longer than this.</summary>
    [TimeSpanRange("00:01:00", "30.00:00:00", ErrorMessage = "Grades:PendingAgeDegradedAfter must be between 00:01:00 and 30.00:00:00.")]
    public TimeSpan PendingAgeDegradedAfter { get; set; } = TimeSpan.FromHours(1);
}
