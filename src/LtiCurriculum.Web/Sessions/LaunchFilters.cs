using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Launch;
using LtiCurriculum.Web.Learn;

namespace LtiCurriculum.Web.Sessions;

/// <summary>Checks every endpoint of a group makes, so handlers start with a request they may serve.</summary>
public static class LaunchFilters
{
    /// <summary>
    /// A state-changing request needs the form token of this launch (never a cookie, so another site cannot forge
    /// it) and a signed-in person: anonymous launches read, never write.
    /// </summary>
    public static RouteGroupBuilder RequireFormTokenOnPost(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsPost(http.Request.Method))
            {
                return await next(context);
            }
            var request = http.Features.Get<LearnerRequest>();
            var current = http.Features.Get<CurrentSession>()!;
            var forms = http.RequestServices.GetRequiredService<FormTokens>();
            if (!http.Request.HasFormContentType)
            {
                return Refusal(http, request, current, "form_expected", 415, "This page takes a form (application/x-www-form-urlencoded or multipart/form-data), not the body that was sent.");
            }
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (!forms.IsValid(current.Session, form[FormTokens.FieldName]))
            {
                return Refusal(http, request, current, "form_token_invalid", 403, "The form's security token is missing or belongs to another launch. Reload the page and try again.");
            }
            if (current.Session.IsAnonymous)
            {
                return Refusal(http, request, current, "anonymous_read_only", 403, "This activity was opened without signing in, so nothing can be saved.");
            }
            return await next(context);
        });
        return group;
    }

    /// <summary>Learner pages of a link whose module id the catalogue does not know answer 404 naming it.</summary>
    public static RouteGroupBuilder RequireKnownModule(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Features.Get<LearnerRequest>();
            if (request is { ModuleUnknown: true } && await EarlierVersionAsync(context.HttpContext, request) is { } begun)
            {
                // The pack was disabled or removed after the learner began: they go on with (or look back at) what they began.
                var resumed = request with { Module = begun };
                context.HttpContext.Features.Set(resumed);
                for (var i = 0; i < context.Arguments.Count; i++)
                {
                    if (context.Arguments[i] is LearnerRequest) context.Arguments[i] = resumed;
                }
                request = resumed;
            }
            if (request is { ModuleUnknown: true })
            {
                var source = request.Link.BoundModuleId is not null ? "The module chosen for this link, " : "The link's custom parameter module=";
                return ErrorPages.For(context.HttpContext, new LaunchFailure("module_unknown", 404,
                    $"{source}'{request.Link.ModuleId}' names no module in this tool's catalogue. An instructor or LMS administrator can fix the link's settings."),
                    request.Session.ReturnUrl, "This activity points to a module that does not exist");
            }
            return await next(context);
        });
        return group;
    }

    private static async Task<Curriculum.Model.LocalizedModule?> EarlierVersionAsync(HttpContext http, LearnerRequest request)
    {
        if (request.Session.IsAnonymous || request.Link.ModuleId is not { } moduleId)
        {
            return null;
        }
        var attempts = http.RequestServices.GetRequiredService<AttemptStore>();
        if (await attempts.LatestVersionAsync(request.LinkId, request.UserId, moduleId, http.RequestAborted) is not { } version)
        {
            return null;
        }
        return await http.RequestServices.GetRequiredService<Packs.ModuleVersions>().FindAsync(moduleId, version, http.RequestAborted);
    }

    private static IResult Refusal(HttpContext http, LearnerRequest? request, CurrentSession current, string code, int status, string description) =>
        request is not null
            ? LearnRoutes.Problem(http, request, code, status, description)
            : ErrorPages.For(http, new LaunchFailure(code, status, description), current.Session.ReturnUrl, "That did not work");
}
