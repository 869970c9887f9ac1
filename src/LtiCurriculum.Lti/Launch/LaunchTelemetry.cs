using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Lti.Launch;

/// <summary>
/// Logs, counts and traces (spans <c>lti.login</c> and <c>lti.launch</c>) every accepted and refused login and launch,
/// by reason code. Never logs or tags a token.
/// </summary>
public sealed partial class LaunchTelemetry
{
    public const string MeterName = "LtiCurriculum.Lti";

    private readonly ILogger<LaunchTelemetry> _logger;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _loginRejected;

    public LaunchTelemetry(IMeterFactory meterFactory, ILogger<LaunchTelemetry> logger)
    {
        _logger = logger;
        var meter = meterFactory.Create(MeterName);
        _accepted = meter.CreateCounter<long>("lti.launch.accepted", description: "Launches that passed every validation step.");
        _rejected = meter.CreateCounter<long>("lti.launch.rejected", description: "Launches refused, tagged by reason.");
        _loginRejected = meter.CreateCounter<long>("lti.login.rejected", description: "Login initiations refused, tagged by reason.");
    }

    /// <summary>The span of one login initiation; <see cref="LoginRejected"/> inside it marks it failed.</summary>
    public Activity? StartLogin() => LtiActivities.Source.StartActivity("lti.login");

    /// <summary>The span of one launch validation; <see cref="LaunchAccepted"/> or <see cref="LaunchRejected"/> inside it tags the outcome.</summary>
    public Activity? StartLaunch() => LtiActivities.Source.StartActivity("lti.launch");

    public void LaunchAccepted(LtiLaunch launch)
    {
        _accepted.Add(1, new KeyValuePair<string, object?>("message_type", launch.MessageType));
        if (Ours(Activity.Current) is { } activity)
        {
            activity.SetTag("lti.message_type", launch.MessageType);
            activity.SetTag("lti.platform_id", launch.PlatformId);
        }
        LogAccepted(_logger, launch.MessageType, launch.Issuer, launch.DeploymentId);
    }

    public void LaunchRejected(LaunchFailure failure, string step, string? issuer)
    {
        _rejected.Add(1, new KeyValuePair<string, object?>("reason", failure.Code));
        Refused(failure, step);
        LogRejected(_logger, failure.Code, step, Truncate(issuer), CorrelationId);
    }

    public void LoginRejected(LaunchFailure failure, string? issuer)
    {
        _loginRejected.Add(1, new KeyValuePair<string, object?>("reason", failure.Code));
        Refused(failure, step: null);
        LogLoginRejected(_logger, failure.Code, Truncate(issuer), CorrelationId);
    }

    private static void Refused(LaunchFailure failure, string? step)
    {
        if (Ours(Activity.Current) is { } activity)
        {
            activity.SetTag("lti.reason", failure.Code);
            activity.SetTag("lti.step", step);
            activity.SetStatus(ActivityStatusCode.Error, failure.Code);
        }
    }

    /// <summary>Only this source's spans: without a listener for it, the current span is the request's, which is not ours to mark.</summary>
    private static Activity? Ours(Activity? activity) => activity?.Source == LtiActivities.Source ? activity : null;

    /// <summary>The id the error page shows, so a support request can be matched to its log line.</summary>
    private static string CorrelationId => Activity.Current?.TraceId.ToString() ?? "(none)";

    private static string Truncate(string? value) => value is null ? "(none)" : value.Length <= 200 ? value : value[..200];

    [LoggerMessage(Level = LogLevel.Information, Message = "LTI launch accepted: {MessageType} from {Issuer} deployment {DeploymentId}")]
    private static partial void LogAccepted(ILogger logger, string messageType, string issuer, string deploymentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LTI launch rejected: {Reason} at step {Step} (issuer {Issuer}, correlation {CorrelationId})")]
    private static partial void LogRejected(ILogger logger, string reason, string step, string issuer, string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LTI login initiation rejected: {Reason} (issuer {Issuer}, correlation {CorrelationId})")]
    private static partial void LogLoginRejected(ILogger logger, string reason, string issuer, string correlationId);
}
