using LtiCurriculum.Lti.Registration;
using LtiCurriculum.Web.Install.Registration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Tests.Registration;

/// <summary>Registration:AllowInsecureLoopback is for development; in Production the app says so when it starts.</summary>
public sealed class InsecureRegistrationWarningTests
{
    [Theory]
    [InlineData("Production", true, true)]
    [InlineData("Production", false, false)]
    [InlineData("Development", true, false)]
    public async Task Warning_is_logged_only_for_insecure_loopback_in_production(string environment, bool allow, bool warned)
    {
        var logger = new RecordingLogger();
        var warning = new InsecureRegistrationWarning(
            Options.Create(new RegistrationOptions { AllowInsecureLoopback = allow }),
            new Environment(environment),
            logger);

        await warning.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(warned, logger.Warnings.Any(w => w.Contains("Registration:AllowInsecureLoopback", StringComparison.Ordinal)));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "LtiCurriculum.Web";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    private sealed class RecordingLogger : ILogger<InsecureRegistrationWarning>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
