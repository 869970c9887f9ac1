using LtiCurriculum.Web.Components;
using System.Globalization;
using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Learn;
using LtiCurriculum.Web.Learn.Pages;
using LtiCurriculum.Web.Sessions;
using LtiCurriculum.Web.Teach.Pages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Teach.Settings;

/// <summary>An activity's settings page: module, points, attempts, feedback timing and dates, stored per resource link.</summary>
public static class SettingsRoutes
{
    public static RouteGroupBuilder MapSettings(this RouteGroupBuilder teach)
    {
        teach.MapGet("/settings", Page);
        teach.MapPost("/settings", SaveAsync);
        return teach;
    }

    private static HtmlPageResult<SettingsPage> Page(HttpContext http, LearnerRequest request, FormTokens forms, ContentCatalogue catalogue)
    {
        var text = TeachText.For(request.Session.Locale);
        return Render(request, text, SettingsForm.From(request.Link.Settings), catalogue, forms, Messages(http, text, request));
    }

    private static async Task<IResult> SaveAsync(HttpContext http, LearnerRequest request, FormTokens forms, ContentCatalogue catalogue,
        IDbContextFactory<LtiDbContext> contexts, LearnerRequests links, LineItemMaximum lineItems)
    {
        var text = TeachText.For(request.Session.Locale);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var (settings, checkedForm) = SettingsForm.Read(form).Check(catalogue, text);
        if (settings is null)
        {
            var page = Render(request, text, checkedForm, catalogue, forms, []);
            page.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }

        var before = request.Effective;
        var saved = settings with { ModuleId = null };
        await using (var db = contexts.CreateDbContext())
        {
            await db.ResourceLinks.Where(r => r.Id == request.LinkId).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.BoundModuleId, settings.ModuleId)
                .SetProperty(r => r.InstructorSettings, saved.ToJson()), http.RequestAborted);
        }
        links.Forget(request.LinkId);

        var module = catalogue.FindModule(settings.ModuleId)!.English;
        var points = settings.Points ?? module.MaximumPoints;
        var query = $"done=saved&{request.Query}";
        if (before is null || before.Points != points)
        {
            var (change, detail) = await lineItems.ApplyAsync(request.LinkId, points, http.RequestAborted);
            query = $"done=saved&lineitem={change.ToString().ToLowerInvariant()}&points={points.ToString("0.##", CultureInfo.InvariantCulture)}"
                + (detail is null ? "" : $"&detail={Uri.EscapeDataString(detail)}") + $"&{request.Query}";
        }
        return LearnRoutes.See($"{TeachRoutes.SettingsPath}?{query}");
    }

    private static HtmlPageResult<SettingsPage> Render(LearnerRequest request, TeachText text, SettingsForm form, ContentCatalogue catalogue, FormTokens forms, IReadOnlyList<string> messages) =>
        new(new { Model = request, Text = text, Form = form, Catalogue = catalogue, FormToken = forms.Issue(request.Session), Messages = messages });

    private static List<string> Messages(HttpContext http, TeachText text, LearnerRequest request)
    {
        var query = http.Request.Query;
        var messages = new List<string>();
        if (query["done"] == "saved") messages.Add(text.SettingsSaved);
        var points = Show.Points(AssignmentSettings.ParsePoints(query["points"].ToString()) ?? request.Effective?.Points ?? 0);
        switch (query["lineitem"].ToString())
        {
            case "updated": messages.Add(text.Format(text.LineItemUpdated, points)); break;
            case "nocolumnyet": messages.Add(text.LineItemLater); break;
            case "failed" or "notallowed":
                var detail = query["detail"].ToString();
                messages.Add(text.Format(text.LineItemFailed, detail.Length is > 0 and <= 40 ? detail : "the platform did not allow it"));
                break;
        }
        return messages;
    }
}
