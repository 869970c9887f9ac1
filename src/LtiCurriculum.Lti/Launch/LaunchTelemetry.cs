using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Lti.Launch;

/// <summary>Logs and counts every accepted and refused login and launch, by reason code. Never logs a token.</summary>
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

    public void LaunchAccepted(LtiLaunch launch)
    {
        _accepted.Add(1, new KeyValuePair<string, object?>("message_type", launch.MessageType));
        LogAccepted(_logger, launch.MessageType, launch.Issuer, launch.DeploymentId);
    }

    public void LaunchRejected(LaunchFailure failure, string step, string? issuer)
    {
        _rejected.Add(1, new KeyValuePair<string, object?>("reason", failure.Code));
        LogRejected(_logger, failure.Code, step, Truncate(issuer), CorrelationId);
    }

    public void LoginRejected(LaunchFailure failure, string? issuer)
    {
        _loginRejected.Add(1, new KeyValuePair<string, object?>("reason", failure.Code));
        LogLoginRejected(_logger, failure.Code, Truncate(issuer), CorrelationId);
    }

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
