using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Web.Learn;

namespace LtiCurriculum.Web.Packs;

public static class PacksServiceCollectionExtensions
{
    /// <summary>The pack library (which composes the <see cref="ContentCatalogue"/>), module versions and the administrators' changes.</summary>
    public static IServiceCollection AddPacks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(PackUploadLimits.From(configuration));
        services.AddSingleton(sp => new PackLibrary(
            () => LearnServiceCollectionExtensions.PackSources(configuration, environment),
            sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.LtiDbContext>>(),
            sp.GetRequiredService<ILogger<PackLibrary>>()));
        services.AddSingleton(sp => sp.GetRequiredService<PackLibrary>().Catalogue);
        services.AddSingleton<ModuleVersions>();
        services.AddSingleton<PackChanges>();
        services.AddHostedService<PackRefresher>();
        return services;
    }
}
