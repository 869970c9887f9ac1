using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Grades;

public static class GradesServiceCollectionExtensions
{
    /// <summary>The score outbox, its delivery worker (section <c>Grades</c>), instructor grading and the status queries.</summary>
    public static IServiceCollection AddGrades(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GradeOptions>().Bind(configuration.GetSection(GradeOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<GradeOptions>, GradeOptionsValidator>();
        services.AddHttpClient(LtiCurriculum.Lti.Ags.PlatformAccessTokens.HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<GradeOptions>>().Value.RequestTimeout);
        services.AddSingleton<GradeDeliverySignal>();
        services.AddSingleton<GradeBacklog>();
        services.AddSingleton<GradeTelemetry>();
        services.AddSingleton<GradeOutbox>();
        services.AddSingleton<GradeLeases>();
        services.AddSingleton<LineItemResolver>();
        services.AddSingleton<ScoreDelivery>();
        services.AddSingleton<GradeStatus>();
        services.AddHostedService<GradeDeliveryWorker>();
        services.AddSingleton<GradeHistoryCleaner>();
        services.AddHostedService(provider => provider.GetRequiredService<GradeHistoryCleaner>());
        return services;
    }
}

/// <summary>Settings that only make sense together.</summary>
internal sealed class GradeOptionsValidator : IValidateOptions<GradeOptions>
{
    public ValidateOptionsResult Validate(string? name, GradeOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRetryDelay < options.FirstRetryDelay)
        {
            failures.Add($"Grades:MaxRetryDelay ({options.MaxRetryDelay}) must not be shorter than Grades:FirstRetryDelay ({options.FirstRetryDelay}).");
        }
        // One delivery may wait for a token, a line item lookup and the score: the lease must outlast them, or another instance could send the same score.
        if (options.LeaseDuration < options.RequestTimeout * 4)
        {
            failures.Add($"Grades:LeaseDuration ({options.LeaseDuration}) must be at least four times Grades:RequestTimeout ({options.RequestTimeout}).");
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
