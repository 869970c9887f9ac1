using System.Diagnostics.Metrics;

namespace LtiCurriculum.Web.Grades;

/// <summary>
/// Counts every delivery try by outcome (meter <c>LtiCurriculum.Grades</c>), and logs the ones a person must look at.
/// Never logs a token or a score's learner beyond the outbox row id.
/// </summary>
public sealed partial class GradeTelemetry
{
    public const string MeterName = "LtiCurriculum.Grades";

    private readonly Counter<long> _outcomes;
    private readonly ILogger<GradeTelemetry> _logger;

    public GradeTelemetry(IMeterFactory meterFactory, ILogger<GradeTelemetry> logger)
    {
        _logger = logger;
        _outcomes = meterFactory.Create(MeterName)
            .CreateCounter<long>("grades.delivery.outcomes", description: "Score delivery tries, tagged by outcome and the platform's HTTP status.");
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
