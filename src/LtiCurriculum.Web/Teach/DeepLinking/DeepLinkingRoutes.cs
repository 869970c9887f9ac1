using LtiCurriculum.Web.Components;
using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Lti.DeepLinking;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Launch;
using LtiCurriculum.Web.Sessions;
using LtiCurriculum.Web.Teach.Pages;
using LtiCurriculum.Web.Teach.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Teach.DeepLinking;

/// <summary>
/// Deep Linking 2.0 from the instructor's side: the catalogue (search, filters, student preview), settings for each
/// chosen module, then a signed LtiDeepLinkingResponse auto-posted back to the platform's deep_link_return_url.
/// </summary>
public static class DeepLinkingRoutes
{
    public const string CataloguePath = "/teach/deep-linking";
    public const string PreviewPath = "/teach/deep-linking/preview";
    public const string SetupPath = "/teach/deep-linking/setup";
    public const string RespondPath = "/teach/deep-linking/respond";
    public const string CancelPath = "/teach/deep-linking/cancel";
    public const string Tag = "lticurriculum";
    private const int MaxItems = 50;

    public static IEndpointRouteBuilder MapDeepLinking(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(CataloguePath)
            .RequireAuthorization(LaunchPolicies.DeepLinkingStaff)
            .RequireFormTokenOnPost();
        group.MapGet("", CatalogueAsync);
        group.MapGet("/preview", PreviewAsync);
        group.MapPost("/setup", SetupAsync);
        group.MapPost("/respond", RespondAsync);
        group.MapPost("/cancel", CancelAsync);
        return app;
    }

    private static async Task<IResult> CatalogueAsync(HttpContext http, CurrentSession current, DeepLinkingRequests requests, ContentCatalogue catalogue, FormTokens forms, IDbContextFactory<LtiDbContext> contexts)
    {
        var pending = await requests.FindAsync(current.Session.DeepLinkingRequestId, current.Session.PlatformId, http.RequestAborted);
        if (pending is null) return Expired(http, current);
        var text = TeachText.For(current.Session.Locale);
        var filter = CatalogueFilter.Read(http.Request.Query);
        return new HtmlPageResult<CataloguePage>(new
        {
            Current = current, Text = text, Catalogue = catalogue, Filter = filter, Request = pending,
            CourseTitle = await CourseTitleAsync(contexts, current.Session.ContextDbId, http.RequestAborted),
            Chosen = (IReadOnlyCollection<string>)http.Request.Query["module"].Select(m => m ?? "").ToHashSet(StringComparer.Ordinal),
            FormToken = forms.Issue(current.Session), Error = (string?)null,
        });
    }

    private static IResult PreviewAsync(HttpContext http, CurrentSession current, ContentCatalogue catalogue)
    {
        var id = http.Request.Query["module"].ToString();
        if (catalogue.FindModule(id) is not { } module)
        {
            return ErrorPages.For(http, new LaunchFailure("module_unknown", 404, $"There is no module '{Shorten(id)}' in the catalogue."), heading: "That module does not exist",
                backUrl: $"{CataloguePath}?{current.Query}");
        }
        var text = TeachText.For(current.Session.Locale);
        return new HtmlPageResult<PreviewPage>(new { Current = current, Text = text, Module = module.For(current.Session.Locale) });
    }

    private static async Task<IResult> SetupAsync(HttpContext http, CurrentSession current, DeepLinkingRequests requests, ContentCatalogue catalogue, FormTokens forms, IDbContextFactory<LtiDbContext> contexts)
    {
        var pending = await requests.FindAsync(current.Session.DeepLinkingRequestId, current.Session.PlatformId, http.RequestAborted);
        if (pending is null) return Expired(http, current);
        var text = TeachText.For(current.Session.Locale);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var chosen = form["module"].Select(m => m ?? "").Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxItems + 1).ToList();
        var error = chosen.Count == 0 ? text.ChooseAtLeastOne
            : chosen.Count > 1 && pending.Settings.AcceptMultiple != true ? text.OnlyOneAccepted
            : chosen.Count > MaxItems ? text.ChooseAtLeastOne
            : chosen.FirstOrDefault(id => catalogue.FindModule(id) is null) is { } unknown ? text.Format(text.ErrorModuleUnknown, Shorten(unknown))
            : null;
        if (error is not null)
        {
            return new HtmlPageResult<CataloguePage>(new
            {
                Current = current, Text = text, Catalogue = catalogue, Filter = CatalogueFilter.Read(http.Request.Query), Request = pending,
                CourseTitle = await CourseTitleAsync(contexts, current.Session.ContextDbId, http.RequestAborted),
                Chosen = (IReadOnlyCollection<string>)chosen.ToHashSet(StringComparer.Ordinal), FormToken = forms.Issue(current.Session), Error = error,
            }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var items = chosen.Select(id => SettingsForm.From(new AssignmentSettings(id), catalogue.FindModule(id)!.For(current.Session.Locale).Title)).ToList();
        return SetupPage(current, text, pending, catalogue, forms, items, 200);
    }

    private static async Task<IResult> RespondAsync(HttpContext http, CurrentSession current, DeepLinkingRequests requests, ContentCatalogue catalogue, FormTokens forms,
        DeepLinkingResponseBuilder builder, IToolKeyStore keys, IOptions<ToolOptions> toolOptions)
    {
        var pending = await requests.FindAsync(current.Session.DeepLinkingRequestId, current.Session.PlatformId, http.RequestAborted);
        if (pending is null) return Expired(http, current);
        var text = TeachText.For(current.Session.Locale);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!int.TryParse(form["count"], out var count) || count is < 1 or > MaxItems)
        {
            return ErrorPages.For(http, new LaunchFailure("items_missing", 400, "The form did not say how many modules to add. Go back to the catalogue and choose again."), backUrl: $"{CataloguePath}?{current.Query}");
        }
        var checkedForms = new List<SettingsForm>(count);
        var settings = new List<AssignmentSettings>(count);
        for (var i = 0; i < count; i++)
        {
            var (itemSettings, itemForm) = SettingsForm.Read(form, $"item{i}_").Check(catalogue, text, titleRequired: true);
            checkedForms.Add(itemForm);
            if (itemSettings is not null) settings.Add(itemSettings);
        }
        if (settings.Count < count)
        {
            return SetupPage(current, text, pending, catalogue, forms, checkedForms, StatusCodes.Status422UnprocessableEntity);
        }

        var launchUrl = ToolUrls.LaunchUri(http.Request, toolOptions.Value).AbsoluteUri;
        var items = settings.Select((s, i) => ToItem(s, checkedForms[i].Title, catalogue.FindModule(s.ModuleId)!.English, launchUrl)).ToList<ContentItem?>();
        var decision = DeepLinkingRules.Decide(pending.Settings, items);
        if (!decision.IsAllowed)
        {
            // Deep Linking 2.0 §4.5: a failure goes back to the platform as errormsg, so the LMS tells the instructor.
            var refusal = new DeepLinkingResponse(pending.Issuer, pending.ClientId, pending.DeploymentId, [])
            {
                Data = pending.Settings.Data,
                ErrorMessage = text.Format(text.PlatformRefuses, decision.Refusal!.Description),
                ErrorLog = $"LtiCurriculum: {decision.Refusal.Code}",
            };
            return await SendAsync(http, current, requests, pending, builder, keys, refusal, text);
        }
        var response = new DeepLinkingResponse(pending.Issuer, pending.ClientId, pending.DeploymentId, decision.Items)
        {
            Data = pending.Settings.Data,
            Message = text.Format(text.AddedMessage, decision.Items.Count),
            Log = $"LtiCurriculum: {string.Join(", ", settings.Select(s => s.ModuleId))}",
        };
        return await SendAsync(http, current, requests, pending, builder, keys, response, text);
    }

    private static async Task<IResult> CancelAsync(HttpContext http, CurrentSession current, DeepLinkingRequests requests, DeepLinkingResponseBuilder builder, IToolKeyStore keys)
    {
        var pending = await requests.FindAsync(current.Session.DeepLinkingRequestId, current.Session.PlatformId, http.RequestAborted);
        if (pending is null) return Expired(http, current);
        var text = TeachText.For(current.Session.Locale);
        var response = new DeepLinkingResponse(pending.Issuer, pending.ClientId, pending.DeploymentId, [])
        {
            Data = pending.Settings.Data,
            Message = text.CancelledMessage,
        };
        return await SendAsync(http, current, requests, pending, builder, keys, response, text);
    }

    private static async Task<IResult> SendAsync(HttpContext http, CurrentSession current, DeepLinkingRequests requests, PendingDeepLink pending,
        DeepLinkingResponseBuilder builder, IToolKeyStore keys, DeepLinkingResponse response, TeachText text)
    {
        var signingKey = (await keys.GetPublishedKeysAsync(http.RequestAborted)).FirstOrDefault(k => k.IsCurrent);
        if (signingKey is null)
        {
            return ErrorPages.For(http, new LaunchFailure("tool_key_missing", 503, "The tool has no current signing key, so it cannot answer the course. An administrator can create one with 'keys add --current'."), current.Session.ReturnUrl);
        }
        if (pending.Settings.DeepLinkReturnUrl is not { } returnUrl || !Uri.TryCreate(returnUrl, UriKind.Absolute, out var target) || target.Scheme is not ("https" or "http"))
        {
            return ErrorPages.For(http, new LaunchFailure("deep_link_return_url_invalid", 400, "The course did not give a valid address to send the choice back to (deep_link_return_url)."), current.Session.ReturnUrl);
        }
        if (!await requests.TakeAsync(pending.Id, http.RequestAborted))
        {
            return Expired(http, current);
        }
        var jwt = builder.CreateJwt(response, signingKey);
        return new HtmlPageResult<ReturnPage>(new { Text = text, ReturnUrl = target.AbsoluteUri, Jwt = jwt });
    }

    private static LtiResourceLinkItem ToItem(AssignmentSettings settings, string title, Module module, string launchUrl)
    {
        var points = settings.Points ?? module.MaximumPoints;
        return new LtiResourceLinkItem
        {
            Url = launchUrl,
            Title = title,
            Text = module.Objectives.Count > 0 ? string.Join(" ", module.Objectives) is var text && text.Length > 1000 ? text[..1000] : text : null,
            Custom = settings.ToCustomParameters(),
            LineItem = points > 0 ? new ContentItemLineItem(points, title, module.Id, Tag) : null,
            Available = settings.AvailableFrom is null ? null : new TimeWindow(settings.AvailableFrom, null),
            Submission = settings.DueAt is null ? null : new TimeWindow(settings.AvailableFrom, settings.DueAt),
        };
    }

    private static HtmlPageResult<SetupPage> SetupPage(CurrentSession current, TeachText text, PendingDeepLink pending, ContentCatalogue catalogue, FormTokens forms, IReadOnlyList<SettingsForm> items, int status) =>
        new(new { Current = current, Text = text, Request = pending, Catalogue = catalogue, Items = items, FormToken = forms.Issue(current.Session) }) { StatusCode = status };

    private static IResult Expired(HttpContext http, CurrentSession current) =>
        ErrorPages.For(http, new LaunchFailure("deep_linking_request_gone", 410,
            "This choice was already sent to the course, or waited too long. Start again from the course's \"add content\" button."), current.Session.ReturnUrl, "This choice can no longer be sent");

    private static async Task<string?> CourseTitleAsync(IDbContextFactory<LtiDbContext> contexts, int? contextDbId, CancellationToken cancellationToken)
    {
        if (contextDbId is null) return null;
        await using var db = contexts.CreateDbContext();
        return await db.Contexts.AsNoTracking().Where(c => c.Id == contextDbId).Select(c => c.Title ?? c.Label).FirstOrDefaultAsync(cancellationToken);
    }

    private static string Shorten(string value) => value.Length > 64 ? value[..64] + "…" : value;
}
