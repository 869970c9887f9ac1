using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Web.Sessions;
using LtiCurriculum.Web.Hosting;

namespace LtiCurriculum.Web.Learn;

public static class LearnServiceCollectionExtensions
{
    /// <summary>Setting: a folder of the institution's own packs, loaded after the built-in ones.</summary>
    public const string PackFolderSetting = "Curriculum:PackFolder";

    /// <summary>The learner pages' services; the content catalogue they read comes from <see cref="Packs.PackLibrary"/>.</summary>
    public static IServiceCollection AddLearn(this IServiceCollection services)
    {
        services.AddSingleton<AttemptStore>();
        services.AddSingleton<FormTokens>();
        services.AddSingleton<Pages.FreshModuleBodies>();
        services.AddSingleton<Pages.ModuleOutlines>();
        services.AddSingleton<LearnerRequests>();
        return services;
    }

    public static IReadOnlyList<PackSource> PackSources(IConfiguration configuration, IHostEnvironment environment)
    {
        var sources = new List<PackSource> { new(ContentCatalogue.BuiltInFolder, IsBuiltIn: true) };
        if (configuration[PackFolderSetting] is { Length: > 0 } folder)
        {
            var full = Path.GetFullPath(folder, environment.ContentRootPath);
            if (!Directory.Exists(full))
            {
                throw new ConfigurationException($"{PackFolderSetting} is '{folder}', which is not a folder (looked for {full}). Create it, or remove the setting to serve the built-in packs only.");
            }
            sources.Add(new PackSource(full, IsBuiltIn: false));
        }
        return sources;
    }
}
