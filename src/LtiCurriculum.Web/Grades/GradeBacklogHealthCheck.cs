using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Grades;

/// <summary>
/// /health/ready's view of score delivery: Degraded once the oldest pending score has waited longer than
/// <c>Grades:PendingAgeDegradedAfter</c> (a platform down for that long, or no instance delivering).
/// </summary>
internal sealed class GradeBacklogHealthCheck(GradeBacklog backlog, IOptionsMonitor<GradeOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = await backlog.ReadAsync(cancellationToken);
        if (snapshot.OldestAge is not { } age)
        {
            return HealthCheckResult.Healthy("No score waits for delivery.");
        }
        var limit = options.CurrentValue.PendingAgeDegradedAfter;
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{snapshot.Pending} score(s) wait for delivery; the oldest for {(long)age.TotalSeconds} s (Grades:PendingAgeDegradedAfter is {limit}).");
        return age > limit ? HealthCheckResult.Degraded(description) : HealthCheckResult.Healthy(description);
    }
}
