using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LtiCurriculum.Web.Grades;

/// <summary>
/// Counts every delivery try by outcome (meter <c>LtiCurriculum.Grades</c>), traces each try (span <c>grades.deliver</c>,
/// same source name), publishes the outbox backlog as gauges, and logs the tries a person must look at.
/// Never logs or tags a token or a score's learner beyond the outbox row id.
/// </summary>
public sealed partial class GradeTelemetry
{
    public const string MeterName = "LtiCurriculum.Grades";
    public const string SourceName = MeterName;

    private static readonly ActivitySource Source = new(SourceName);

    private readonly Counter<long> _outcomes;
    private readonly ILogger<GradeTelemetry> _logger;

    public GradeTelemetry(IMeterFactory meterFactory, GradeBacklog backlog, ILogger<GradeTelemetry> logger)
    {
        _logger = logger;
        var meter = meterFactory.Create(MeterName);
        _outcomes = meter.CreateCounter<long>("grades.delivery.outcomes", description: "Score delivery tries, tagged by outcome and the platform's HTTP status.");
        meter.CreateObservableGauge("grades.outbox.pending", () => Observe(backlog, b => b.Pending), unit: "{score}",
            description: "Scores waiting for delivery (first try or retry).");
        meter.CreateObservableGauge("grades.outbox.oldest_pending_age", () => Observe(backlog, b => b.OldestAge?.TotalSeconds ?? 0), unit: "s",
            description: "How long the oldest score waiting for delivery has waited; 0 when none waits.");
    }

    /// <summary>No measurement while the database cannot answer: a scrape must not fail with it (/health/ready reports it).</summary>
    private static IEnumerable<Measurement<T>> Observe<T>(GradeBacklog backlog, Func<GradeBacklogSnapshot, T> value) where T : struct
    {
        GradeBacklogSnapshot snapshot;
        try
        {
            snapshot = backlog.Read();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return [];
        }
        return [new Measurement<T>(value(snapshot))];
    }

    /// <summary>The span of one delivery try of one score; <see cref="Finish"/> tags its outcome.</summary>
    public static Activity? StartDelivery(long deliveryId, int platformId)
    {
        var activity = Source.StartActivity("grades.deliver");
        activity?.SetTag("grades.delivery_id", deliveryId);
        activity?.SetTag("lti.platform_id", platformId);
        return activity;
    }

    public static void Finish(Activity? activity, DeliveryResult result)
    {
        if (activity is null) return;
        activity.SetTag("grades.outcome", result.Verdict.ToString());
        activity.SetTag("grades.status", result.StatusCode);
        if (result.Verdict is not (DeliveryVerdict.Delivered or DeliveryVerdict.Later))
        {
            activity.SetStatus(ActivityStatusCode.Error, result.Verdict.ToString());
        }
    }

    public void Record(int platformId, long deliveryId, DeliveryResult result)
    {
        _outcomes.Add(1,
            new KeyValuePair<string, object?>("outcome", result.Verdict.ToString()),
            new KeyValuePair<string, object?>("status", result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"));
        if (result.Verdict is DeliveryVerdict.NeedsAttention or DeliveryVerdict.NotGradable)
        {
            LogRefused(_logger, deliveryId, platformId, result.Verdict, result.StatusCode, result.Error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Score {DeliveryId} for platform {PlatformId}: {Verdict} (HTTP {Status}). {Error}")]
    private static partial void LogRefused(ILogger logger, long deliveryId, int platformId, DeliveryVerdict verdict, int? status, string? error);
}
