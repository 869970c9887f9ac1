using LtiCurriculum.Web.Teach.Dashboard;
using LtiCurriculum.Web.Teach.DeepLinking;
using LtiCurriculum.Web.Teach.Grading;
using LtiCurriculum.Web.Teach.Settings;

namespace LtiCurriculum.Web.Teach;

public static class TeachServiceCollectionExtensions
{
    public static IServiceCollection AddTeach(this IServiceCollection services)
    {
        services.AddSingleton<LineItemMaximum>();
        services.AddSingleton<DeepLinkingRequests>();
        services.AddSingleton<ClassRoster>();
        services.AddSingleton<ReadinessData>();
        services.AddSingleton<InstructorGrading>();
        services.AddSingleton<GradebookComparison>();
        return services;
    }
}
