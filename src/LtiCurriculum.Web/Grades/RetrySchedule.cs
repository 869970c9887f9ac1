namespace LtiCurriculum.Web.Grades;

/// <summary>Exponential backoff with full jitter over the upper half, so a platform coming back is not hit by every score at once.</summary>
public static class RetrySchedule
{
    public static TimeSpan Delay(int failures, GradeOptions options)
    {
        var exponent = Math.Min(Math.Max(failures - 1, 0), 30);
        var ceiling = Math.Min(options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelay.TotalMilliseconds);
        var jittered = ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2;
        return TimeSpan.FromMilliseconds(jittered);
    }
}
