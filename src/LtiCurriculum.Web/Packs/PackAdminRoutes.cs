using LtiCurriculum.Web.Components;
using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Launch;
using LtiCurriculum.Web.Packs.Pages;
using LtiCurriculum.Web.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Packs;

/// <summary>
/// The content packs page for the LMS's administrators, reached from any launch into the tool (the "Content packs"
/// link of the course staff pages): list every pack, upload one as a zip, disable, enable, remove and restore.
/// </summary>
public static class PackAdminRoutes
{
    public const string PacksPath = "/teach/packs";
    public const string UploadPath = "/teach/packs/upload";
    public const string FileField = "pack";

    public static IEndpointRouteBuilder MapPackAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(PacksPath)
            .RequireAuthorization(LaunchPolicies.PackAdmin)
            .RequireFormTokenOnPost();
        admin.MapGet("", ListPage);
        admin.MapPost("/upload", UploadAsync);
        admin.MapPost("/disable", (HttpContext http, CurrentSession current, PackChanges changes) => ChangeAsync(http, current, changes, "disable"));
        admin.MapPost("/enable", (HttpContext http, CurrentSession current, PackChanges changes) => ChangeAsync(http, current, changes, "enable"));
        admin.MapPost("/remove", (HttpContext http, CurrentSession current, PackChanges changes) => ChangeAsync(http, current, changes, "remove"));
        admin.MapPost("/restore", (HttpContext http, CurrentSession current, PackChanges changes) => ChangeAsync(http, current, changes, "restore"));
        return app;
    }

    private static HtmlPageResult<PacksPage> ListPage(HttpContext http, CurrentSession current, PackLibrary library, FormTokens forms, PackUploadLimits limits) =>
        Page(current, library, forms, limits, done: http.Request.Query["done"].ToString(), pack: http.Request.Query["pack"].ToString());

    private static HtmlPageResult<PacksPage> Page(
        CurrentSession current, PackLibrary library, FormTokens forms, PackUploadLimits limits,
        string? done = null, string? pack = null, IReadOnlyList<PackProblem>? problems = null, string? fileName = null, int status = 200) =>
        new(new
        {
            Current = current,
            Entries = library.Entries,
            FormToken = forms.Issue(current.Session),
            Limits = limits,
            Done = done,
            PackId = pack,
            Problems = problems,
            FileName = fileName,
        }) { StatusCode = status };

    private static async Task<IResult> UploadAsync(HttpContext http, CurrentSession current, PackLibrary library, PackChanges changes, FormTokens forms, PackUploadLimits limits, IDbContextFactory<LtiDbContext> contexts)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var file = form.Files.GetFile(FileField);
        if (file is null || file.Length == 0)
        {
            return Page(current, library, forms, limits, problems: [new PackProblem("upload", "", 0, "Choose a pack's .zip file to upload; the form arrived without one.")], status: 400);
        }
        if (file.Length > limits.Archive.MaxZipBytes)
        {
            return Page(current, library, forms, limits, fileName: file.FileName, status: 413,
                problems: [new PackProblem("upload", file.FileName, 0, $"The file is {file.Length:N0} bytes; a pack's zip may have at most {limits.Archive.MaxZipBytes:N0} (Packs:MaxUploadBytes).")]);
        }
        await using var zip = file.OpenReadStream();
        var outcome = await changes.UploadAsync(zip, await WhoAsync(current.Session, contexts, http.RequestAborted), http.RequestAborted);
        if (outcome.Installed is not { } installed)
        {
            return Page(current, library, forms, limits, problems: outcome.Problems, fileName: file.FileName, status: 422);
        }
        return See(current, outcome.Replaced ? "updated" : "uploaded", installed.Id);
    }

    private static async Task<IResult> ChangeAsync(HttpContext http, CurrentSession current, PackChanges changes, string action)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var id = form["id"].ToString();
        var library = http.RequestServices.GetRequiredService<PackLibrary>();
        if (library.Find(id) is not { } entry)
        {
            return ErrorPages.For(http, new LaunchFailure("pack_unknown", 404, $"There is no pack '{Shorten(id)}'. It may have been removed a moment ago; reload the list."),
                heading: "That pack is not here", backUrl: $"{PacksPath}?{current.Query}");
        }
        if (action == "restore" && !entry.IsRemoved || action == "remove" && entry.IsRemoved)
        {
            return See(current, action == "restore" ? "restored" : "removed", id);
        }
        var who = await WhoAsync(current.Session, http.RequestServices.GetRequiredService<IDbContextFactory<LtiDbContext>>(), http.RequestAborted);
        if (action == "remove")
        {
            var open = await changes.OpenAttemptsAsync(id, http.RequestAborted);
            if (open > 0 && form["confirm"] != "yes")
            {
                var forms = http.RequestServices.GetRequiredService<FormTokens>();
                return new HtmlPageResult<ConfirmRemovePage>(new { Current = current, Entry = entry, OpenAttempts = open, FormToken = forms.Issue(current.Session) });
            }
            await changes.RemoveAsync(id, who, http.RequestAborted);
            return See(current, "removed", id);
        }
        var done = action switch
        {
            "disable" => await changes.SetDisabledAsync(id, true, who, http.RequestAborted) ? "disabled" : null,
            "enable" => await changes.SetDisabledAsync(id, false, who, http.RequestAborted) ? "enabled" : null,
            _ => await changes.RestoreAsync(id, who, http.RequestAborted) ? "restored" : null,
        };
        return See(current, done ?? "unchanged", id);
    }

    /// <summary>The administrator as the audit log names them: their name from the LMS, else the platform's user id.</summary>
    private static async Task<string> WhoAsync(LaunchSession session, IDbContextFactory<LtiDbContext> contexts, CancellationToken cancellationToken)
    {
        if (session.UserDbId is not { } userId)
        {
            return $"an anonymous administrator of platform {session.PlatformId}";
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Name, u.Subject }).FirstOrDefaultAsync(cancellationToken);
        return $"{user?.Name ?? user?.Subject ?? "user " + userId} (platform {session.PlatformId})";
    }

    private static SeeOtherResult See(CurrentSession current, string done, string id) =>
        new($"{PacksPath}?done={done}&pack={Uri.EscapeDataString(id)}&{current.Query}");

    private static string Shorten(string value) => value.Length > 64 ? value[..64] + "…" : value;
}
