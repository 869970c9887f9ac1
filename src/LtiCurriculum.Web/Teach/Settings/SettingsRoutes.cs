using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Learn;
using LtiCurriculum.Web.Sessions;
using LtiCurriculum.Web.Teach.Pages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Teach.Settings;

/// <summary>An activity's settings: which module it shows (and, with deep linking, points, attempts and dates).</summary>
public static class SettingsRoutes
{
    public static RouteGroupBuilder MapSettings(this RouteGroupBuilder teach)
    {
        teach.MapGet("/settings", PageAsync);
        teach.MapPost("/settings", SaveAsync);
        return teach;
    }

    private static RazorComponentResult<ChooserPage> PageAsync(LearnerRequest request, FormTokens forms, ContentCatalogue catalogue) =>
        new(new { Model = request, Catalogue = catalogue, FormToken = forms.Issue(request.Session) });

    private static async Task<IResult> SaveAsync(HttpContext http, LearnerRequest request, ContentCatalogue catalogue, IDbContextFactory<LtiDbContext> contexts, LearnerRequests links)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var moduleId = form["module"].ToString();
        if (catalogue.FindModule(moduleId) is null)
        {
            return LearnRoutes.Problem(http, request, "module_unknown", 400, string.IsNullOrEmpty(moduleId) ? "Choose a module first." : $"There is no module '{(moduleId.Length > 64 ? moduleId[..64] + "…" : moduleId)}' in the catalogue.");
        }
        await using var db = contexts.CreateDbContext();
        await db.ResourceLinks.Where(r => r.Id == request.LinkId).ExecuteUpdateAsync(set => set.SetProperty(r => r.BoundModuleId, moduleId), http.RequestAborted);
        links.Forget(request.LinkId);
        return LearnRoutes.See($"{LearnRoutes.ModulePath}?{request.Query}");
    }
}
