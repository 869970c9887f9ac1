using LtiCurriculum.DevPlatform;
using LtiCurriculum.Web.Hosting;
using LtiCurriculum.Web.Learn;

namespace LtiCurriculum.Web.Authoring;

public static class PackWatchServiceCollectionExtensions
{
    /// <summary>Setting: in Development, reload <c>Curriculum:PackFolder</c> on every save (what <c>packs watch FOLDER</c> turns on).</summary>
    public const string WatchSetting = "Curriculum:WatchPackFolder";

    /// <summary>Watch mode when <c>Curriculum:WatchPackFolder</c> is true; refused outside Development or without a pack folder.</summary>
    public static IServiceCollection AddPackWatch(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!configuration.GetValue<bool>(WatchSetting))
        {
            return services;
        }
        if (!environment.IsDevelopment())
        {
            throw new ConfigurationException($"{WatchSetting} is true, but watch mode reloads content while learners use it and is for Development only (the environment is {environment.EnvironmentName}). Remove the setting, or run with ASPNETCORE_ENVIRONMENT=Development.");
        }
        if (configuration[LearnServiceCollectionExtensions.PackFolderSetting] is not { Length: > 0 })
        {
            throw new ConfigurationException($"{WatchSetting} is true, but {LearnServiceCollectionExtensions.PackFolderSetting} names no folder to watch. Set it to your pack folder.");
        }
        services.AddSingleton<PackWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<PackWatcher>());
        services.AddSingleton<IDevPlatformWatchedPacks, WatchedPacksForDevPlatform>();
        return services;
    }
}
