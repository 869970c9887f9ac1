using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LtiCurriculum.Web.Hosting;

/// <summary>
/// Whether the Data Protection key ring is encrypted at rest. It protects the tool's private signing keys and every
/// session token, and it lives in the same database as them: without <c>DataProtection:CertificatePath</c> a copy of
/// the database is enough to sign as the tool. In Production that is said at every start and reported by
/// <c>/health/ready</c> as Degraded (still serving, but not as it should be).
/// </summary>
internal sealed partial class KeyRingProtection(IConfiguration configuration, IHostEnvironment environment, ILogger<KeyRingProtection> logger) : IHealthCheck
{
    public const string Problem =
        "The Data Protection key ring (it encrypts the tool's private keys and session tokens) is stored unencrypted in the database. " +
        "Set DataProtection:CertificatePath (and DataProtection:CertificatePassword) to a PFX certificate.";

    public bool IsUnprotectedInProduction =>
        environment.IsProduction() && string.IsNullOrWhiteSpace(configuration["DataProtection:CertificatePath"]);

    public void WarnAtStart()
    {
        if (IsUnprotectedInProduction)
        {
            LogUnprotected(logger, Problem);
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(IsUnprotectedInProduction ? HealthCheckResult.Degraded(Problem) : HealthCheckResult.Healthy());

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem}")]
    private static partial void LogUnprotected(ILogger logger, string problem);
}
