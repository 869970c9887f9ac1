using LtiCurriculum.Lti.Registration;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Install.Registration;

/// <summary>Says at start, loudly, when Registration:AllowInsecureLoopback is on outside development.</summary>
internal sealed partial class InsecureRegistrationWarning(IOptions<RegistrationOptions> options, IHostEnvironment environment, ILogger<InsecureRegistrationWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AllowInsecureLoopback && environment.IsProduction())
        {
            LogInsecure(logger);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registration:AllowInsecureLoopback is true in Production: dynamic registration will call platforms over plain http and at loopback addresses. Set it to false unless this is a test machine.")]
    private static partial void LogInsecure(ILogger logger);
}
