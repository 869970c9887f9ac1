using LtiCurriculum.Web.Sessions;
using LtiCurriculum.Web.Teach.Dashboard;
using LtiCurriculum.Web.Teach.DeepLinking;
using LtiCurriculum.Web.Teach.Grading;
using LtiCurriculum.Web.Teach.Settings;

namespace LtiCurriculum.Web.Teach;

/// <summary>
/// Everything course staff use, under /teach: one group for pages of a placed activity (settings, dashboard,
/// grades) and one for the deep-linking picker. Learners get 403 <c>course_staff_only</c> on all of them.
/// </summary>
public static class TeachRoutes
{
    public const string SettingsPath = "/teach/settings";
    public const string DashboardPath = "/teach/dashboard";

    public static IEndpointRouteBuilder MapTeach(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/teach")
            .RequireAuthorization(LaunchPolicies.CourseStaff)
            .RequireFormTokenOnPost();
        staff.MapSettings();
        staff.MapGrading();
        staff.MapDashboard();
        app.MapDeepLinking();
        return app;
    }
}
