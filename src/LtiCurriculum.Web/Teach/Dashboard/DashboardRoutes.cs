using LtiCurriculum.Web.Components;
using LtiCurriculum.Curriculum.Readiness;
using LtiCurriculum.Web.Learn;
using LtiCurriculum.Web.Teach.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LtiCurriculum.Web.Teach.Dashboard;

/// <summary>Class readiness: what an instructor sees first on a placed activity, and its CSV export.</summary>
public static class DashboardRoutes
{
    public const string CsvPath = "/teach/dashboard.csv";

    public static RouteGroupBuilder MapDashboard(this RouteGroupBuilder teach)
    {
        teach.MapGet("/dashboard", PageAsync);
        teach.MapGet("/dashboard.csv", CsvAsync);
        return teach;
    }

    private static async Task<IResult> PageAsync(HttpContext http, LearnerRequest request, ClassRoster rosters, ReadinessData data)
    {
        if (request.Module is null)
        {
            return LearnRoutes.See($"{TeachRoutes.SettingsPath}?{request.Query}");
        }
        var text = TeachText.For(request.Session.Locale);
        var (report, roster, versions) = await ComputeAsync(http, request, rosters, data, text);
        return new HtmlPageResult<DashboardPage>(new { Model = request, Text = text, Report = report, Roster = roster, Versions = versions });
    }

    private static async Task<IResult> CsvAsync(HttpContext http, LearnerRequest request, ClassRoster rosters, ReadinessData data)
    {
        if (request.Module is null)
        {
            return LearnRoutes.See($"{TeachRoutes.SettingsPath}?{request.Query}");
        }
        var (report, _, _) = await ComputeAsync(http, request, rosters, data, TeachText.For(request.Session.Locale));
        var name = $"readiness-{request.Module.Id}-{request.Now:yyyyMMdd-HHmm}.csv";
        return Results.File(ReadinessCsv.ToBytes(report, ReadinessCsvText.English), "text/csv; charset=utf-8", name);
    }

    private static async Task<(ReadinessReport Report, Roster Roster, IReadOnlyList<(string? Version, int Attempts)> Versions)> ComputeAsync(HttpContext http, LearnerRequest request, ClassRoster rosters, ReadinessData data, TeachText text)
    {
        var roster = await rosters.ReadAsync(request.Session.ContextDbId, refresh: http.Request.Query["refresh"] == "1", http.RequestAborted);
        var settings = request.Effective!;
        var (report, versions) = await data.ReportWithVersionsAsync(request.LinkId, request.Module!.Id, request.Module.English, roster, text.Unnamed,
            settings.DueAt, settings.SessionAt, request.Now, http.RequestAborted);
        return (report, roster, versions);
    }
}
