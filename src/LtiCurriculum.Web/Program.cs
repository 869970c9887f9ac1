using LtiCurriculum.DevPlatform;
using LtiCurriculum.Lti;
using LtiCurriculum.Web.Authoring;
using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Stores;
using LtiCurriculum.Web.Grades;
using LtiCurriculum.Web.Hosting;
using LtiCurriculum.Web.Hosting.Proxies;
using LtiCurriculum.Web.Hosting.Telemetry;
using LtiCurriculum.Web.Install;
using LtiCurriculum.Web.Install.Cli;
using LtiCurriculum.Web.Install.Platforms;
using LtiCurriculum.Web.Install.Registration;
using LtiCurriculum.Web.Launch;
using LtiCurriculum.Web.Learn;
using LtiCurriculum.Web.Packs;
using LtiCurriculum.Web.Sessions;
using LtiCurriculum.Web.Teach;
using Microsoft.Extensions.Options;

// The tool's host. Run it: `dotnet run --project src/LtiCurriculum.Web`. Admin commands: `… -- platforms list`, `… -- --help` lists them after a command.
if (AdminCli.IsCommand(args))
{
    return await Program.RunCliAsync(args);
}

WebApplication app;
try
{
    app = Program.BuildApp(args);
    await StartupTasks.RunAsync(app.Services, CancellationToken.None);
}
catch (Exception ex) when (ex is OptionsValidationException or ConfigurationException)
{
    return Program.ReportConfigurationError(ex);
}
await app.RunAsync();
return 0;

public partial class Program
{
    /// <summary>Services, then one Map call per feature. Tests build the same app with extra configuration.</summary>
    public static WebApplication BuildApp(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Before `configure`, so a caller (tests, the CLI) can still replace the log providers.
        builder.Logging.AddToolLogging(builder.Environment);
        configure?.Invoke(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Protocol (LtiCurriculum.Lti) and the stores it asks the host for.
        services.AddLtiTool(configuration);
        services.AddLtiDatabase(configuration, builder.Environment);
        services.AddSingleton<IPlatformRegistrationStore, DbPlatformRegistrationStore>();
        services.AddOptions<LtiCurriculum.Web.Install.Keys.KeyOptions>().Bind(configuration.GetSection(LtiCurriculum.Web.Install.Keys.KeyOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ToolKeyService>();
        services.AddSingleton<IToolKeyStore>(sp => sp.GetRequiredService<ToolKeyService>());

        // Install: platform registrations from configuration and the CLI.
        services.AddOptions<ConfiguredPlatforms>().Bind(configuration.GetSection("Lti"));
        services.AddSingleton<IValidateOptions<ConfiguredPlatforms>, ConfiguredPlatformsValidator>();
        services.AddSingleton<PlatformAdmin>();
        services.AddSingleton<LtiCurriculum.Web.Install.Audit.AuditLog>();
        services.AddSingleton<LtiCurriculum.Web.Install.Registration.RegistrationSecret>();
        services.AddDynamicRegistration(configuration);

        // Launch: what happens after a valid launch, and the session that follows it.
        services.AddOptions<ToolOptions>().Bind(configuration.GetSection(ToolOptions.SectionName));
        services.AddOptions<LaunchSessionOptions>().Bind(configuration.GetSection(LaunchSessionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LaunchSessionTokens>();
        services.AddSingleton<LaunchRecorder>();
        services.AddSingleton<ILtiLaunchHandler, DefaultLaunchHandler>();
        services.AddLaunchSessions();
        services.AddHostedService<ExpiredLoginStateCleaner>();

        // Learn: the content catalogue and the student's pages.
        services.AddPacks(configuration, builder.Environment);
        services.AddLearn();
        services.AddPackWatch(configuration, builder.Environment);

        // Teach: what course staff use (settings, deep linking, class readiness, grading).
        services.AddTeach();

        // Grades: the score outbox and the worker that delivers it over AGS.
        services.AddGrades(configuration);

        // Pages render on the server; no interactive (WebSocket) components inside LMS iframes.
        services.AddRazorComponents();
        services.AddSingleton<LtiCurriculum.Web.Components.PageRenderers>();
        services.AddProblemDetails();
        services.AddSecurityHeaders(configuration);
        services.AddTransportSecurity(configuration);
        services.AddRequestLimits(configuration);
        services.AddSingleton<KeyRingProtection>();
        services.AddHealthChecks()
            .AddDbContextCheck<LtiDbContext>("database", tags: ["ready"])
            .AddCheck<KeyRingProtection>("key-ring", tags: ["ready"])
            .AddCheck<GradeBacklogHealthCheck>("grade-backlog", tags: ["ready"]);
        services.AddToolTelemetry(configuration);

        var devPlatformEnabled = configuration.GetValue<bool>("DevPlatform:Enabled");
        if (devPlatformEnabled)
        {
            services.AddDevPlatform(configuration.GetSection(DevPlatformOptions.SectionName));
            services.AddSingleton<IDevPlatformRegistrar, DevPlatformRegistrar>();
        }

        var app = builder.Build();
        app.UseTransportSecurity();
        app.UseExceptionHandler(errors => errors.Run(UnhandledErrorPage.WriteAsync));
        app.UseRequestBodyErrors();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseRequestLimits();
        app.UseStaticFiles();
        // Explicit so it runs after UseRequestLimits: the session handler may read the form, within the group's limits.
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealth();
        app.MapInstall();
        app.MapDynamicRegistration();
        app.MapLtiLaunch();
        app.MapLaunchPages();
        app.MapLearn();
        app.MapTeach();
        app.MapPackAdmin();
        if (devPlatformEnabled)
        {
            app.MapDevPlatform();
        }
        return app;
    }

    /// <summary>
    /// One admin command. The app is built only when the command needs it, and its start-up tasks (which
    /// migrate) run only for commands that need a ready database: not for <c>migrate</c> or <c>packs validate</c>.
    /// </summary>
    public static async Task<int> RunCliAsync(string[] args)
    {
        WebApplication? app = null;
        try
        {
            // Command-line options belong to the command, not to configuration; settings come from appsettings and the environment.
            // The app's log goes to stderr, warnings and worse only: stdout is the command's answer (scripts read the registration URL).
            var cli = new CliContext(() => (app ??= BuildApp([], builder => builder.Logging.SetMinimumLevel(LogLevel.Warning)
                .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace))).Services,
                StartupTasks.RunAsync, Console.Out, Console.Error);
            return await new AdminCli(cli).RunAsync(args, CancellationToken.None);
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>One line per bad setting, naming its key; exit code 1.</summary>
    public static int ReportConfigurationError(Exception exception)
    {
        var messages = exception is OptionsValidationException validation ? validation.Failures : [exception.Message];
        foreach (var message in messages)
        {
            Console.Error.WriteLine($"Configuration error: {message}");
        }
        return 1;
    }
}
