using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Scoring;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Grades;
using LtiCurriculum.Web.Launch;
using LtiCurriculum.Web.Components;
using LtiCurriculum.Web.Learn.Pages;
using LtiCurriculum.Web.Packs;
using LtiCurriculum.Web.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Learn;

/// <summary>
/// The student's pages. Everything works as plain HTML forms (303 after each POST); learn.js only adds
/// autosave and in-place feedback on top of the same endpoints.
/// </summary>
public static class LearnRoutes
{
    public const string ModulePath = "/learn";
    public const string AnswerPath = "/learn/answer";
    public const string ReviewPath = "/learn/review";
    public const string SubmitPath = "/learn/submit";
    public const string ResultPath = "/learn/result";
    public const string NewAttemptPath = "/learn/attempts";

    public static IEndpointRouteBuilder MapLearn(this IEndpointRouteBuilder app)
    {
        var learn = app.MapGroup(ModulePath)
            .RequireAuthorization(LaunchPolicies.LinkSession)
            .RequireKnownModule()
            .RequireFormTokenOnPost();
        learn.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsPost(http.Request.Method) && http.Features.Get<LearnerRequest>() is { IsClosedToLearner: true } request)
            {
                return Problem(http, request, "not_open_yet", 409, $"This activity opens {Show.Instant(request.Effective!.AvailableFrom!.Value)}; nothing can be saved before then.");
            }
            return await next(context);
        });
        learn.MapGet("", ModuleAsync);
        learn.MapPost("/answer", AnswerAsync);
        learn.MapGet("/review", ReviewAsync);
        learn.MapPost("/submit", SubmitAsync);
        learn.MapGet("/result", ResultAsync);
        learn.MapPost("/attempts", NewAttemptAsync);
        learn.MapPost("/language", LanguageChoice.ChooseAsync);
        return app;
    }

    private static async Task<IResult> ModuleAsync(HttpContext http, LearnerRequest request, AttemptStore attempts, FormTokens forms, GradeStatus grades, ModuleVersions versions)
    {
        if (request.Module is null)
        {
            return request.Session.IsCourseStaff
                ? See($"{Teach.TeachRoutes.SettingsPath}?{request.Query}")
                : new HtmlPageResult<NotSetUpPage>(new { Model = request });
        }
        if (request.IsClosedToLearner)
        {
            return new HtmlPageResult<NotOpenPage>(new { Model = request });
        }
        if (request.Session.IsAnonymous)
        {
            return ModulePage(request, forms, attempt: null, used: 0);
        }
        var (attempt, used) = await attempts.CurrentWithCountAsync(request.LinkId, request.UserId, request.Module, http.RequestAborted);
        request = await OnVersionOfAsync(request, attempt.ModuleId, attempt.ModuleVersion, versions, http.RequestAborted);
        if (!attempt.IsOpen)
        {
            return await ResultPageAsync(request, attempts, forms, grades, attempt, http.RequestAborted);
        }
        // Only a learner who has submitted before can have a score the platform refused.
        var grade = used > 1 ? await grades.LatestStatusAsync(request.LinkId, request.UserId, http.RequestAborted) : null;
        return ModulePage(request, forms, attempt, used, grade: grade);
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, LearnerRequest request, AttemptStore attempts, FormTokens forms, ModuleVersions versions)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (request.Module is null)
        {
            return Problem(http, request, "module_not_set", 409, "This activity has no module yet, so there is nothing to answer.");
        }
        var hasAttempt = int.TryParse(form["attempt"], out var attemptId);
        if (hasAttempt && await attempts.ModuleOfAsync(attemptId, http.RequestAborted) is { } begun)
        {
            // The answer is checked against the questions of the version the attempt began on.
            request = await OnVersionOfAsync(request, begun.ModuleId, begun.Version, versions, http.RequestAborted);
        }
        var question = request.Module!.English.FindQuestion(form["question"].ToString());
        if (question is null)
        {
            return Problem(http, request, "question_unknown", 400, $"The module has no question '{Shorten(form["question"].ToString())}'. Reload the page and try again.");
        }
        if (!hasAttempt)
        {
            return Problem(http, request, "attempt_missing", 400, "The form did not say which attempt the answer belongs to. Reload the page and try again.");
        }

        var answer = AnswerFormat.Normalize(question, form["answer"].ToArray());
        if (!answer.IsValid)
        {
            if (WantsJson(http)) return Results.Problem(statusCode: 422, title: "The answer was not saved", detail: answer.Error, type: "about:blank", extensions: Extensions("answer_invalid", request));
            var current = await attempts.FindAsync(attemptId, request.LinkId, request.UserId, http.RequestAborted);
            if (current is null) return Forbidden(http, request);
            var used = await attempts.CountAsync(request.LinkId, request.UserId, request.Module.Id);
            // The page comes back with what the learner typed still in the box and the reason next to it.
            return ModulePage(request, forms, current, used, new QuestionError(question.Id, answer.Error!, form["answer"].ToString()), 422);
        }

        var (outcome, answered) = await attempts.SaveAnswerAsync(attemptId, request.LinkId, request.UserId, question.Id, answer.Value, http.RequestAborted);
        switch (outcome)
        {
            case SaveOutcome.NotYours:
                return Forbidden(http, request);
            case SaveOutcome.AttemptClosed:
                return Problem(http, request, "attempt_submitted", 409, "This attempt has already been submitted, so its answers cannot change.");
        }

        if (!WantsJson(http))
        {
            return See($"{ModulePath}?{request.Query}#q-{question.Id}");
        }
        var content = request.Content!;
        var localized = content.FindQuestion(question.Id) ?? question;
        // learn.js autosaves with feedback=0 (no feedback wanted until "Save and check").
        var showFeedback = request.ShowsFeedback(submitted: false);
        return Results.Json(new AnswerSaved(
            Saved: true,
            Answered: answered,
            Total: content.Questions.Count,
            FeedbackHtml: showFeedback && answer.Value is not null && form["feedback"] != "0" ? await LearnFeedbackRenderer.RenderAsync(http, request.Text, localized, answer.Value) : null,
            Token: request.Token));
    }

    private static async Task<IResult> ReviewAsync(HttpContext http, LearnerRequest request, AttemptStore attempts, FormTokens forms, ModuleVersions versions)
    {
        if (request.Module is null || request.Session.IsAnonymous) return See($"{ModulePath}?{request.Query}");
        var attempt = await attempts.CurrentAsync(request.LinkId, request.UserId, request.Module, http.RequestAborted);
        if (!attempt.IsOpen) return See($"{ResultPath}?attempt={attempt.Id}&{request.Query}");
        request = await OnVersionOfAsync(request, attempt.ModuleId, attempt.ModuleVersion, versions, http.RequestAborted);
        return new HtmlPageResult<ReviewPage>(new { Model = request, Attempt = attempt, FormToken = forms.Issue(request.Session) });
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, LearnerRequest request, AttemptStore attempts, FormTokens forms, ModuleVersions versions)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!int.TryParse(form["attempt"], out var attemptId))
        {
            return Problem(http, request, "attempt_missing", 400, "The form did not say which attempt to submit. Reload the page and try again.");
        }
        // Scored on the version the attempt began on, whatever the pack serves now.
        var begun = await attempts.ModuleOfAsync(attemptId, http.RequestAborted);
        var module = begun is { } b ? await versions.FindAsync(b.ModuleId, b.Version, http.RequestAborted) : null;
        var (outcome, attempt) = await attempts.SubmitAsync(attemptId, request.LinkId, request.UserId, (id, version) => id == module?.Id ? module.English : null,
            request.Link.Settings.Points, Grades.GradeOutbox.ReportsGrades(request.Session.Roles), http.RequestAborted);
        if (outcome == SubmitOutcome.NotYours) return Forbidden(http, request);
        // A second submit (double click, another tab) lands on the same result: one submission, not two.
        return See($"{ResultPath}?attempt={attempt!.Id}&{request.Query}");
    }

    private static async Task<IResult> ResultAsync(HttpContext http, LearnerRequest request, AttemptStore attempts, FormTokens forms, GradeStatus grades, ModuleVersions versions)
    {
        if (!int.TryParse(http.Request.Query["attempt"], out var attemptId))
        {
            return Problem(http, request, "attempt_missing", 400, "The address does not name an attempt (?attempt=).");
        }
        var attempt = await attempts.FindAsync(attemptId, request.LinkId, request.UserId, http.RequestAborted);
        if (attempt is null || request.Session.IsAnonymous) return Forbidden(http, request);
        if (attempt.IsOpen) return See($"{ModulePath}?{request.Query}");
        request = await OnVersionOfAsync(request, attempt.ModuleId, attempt.ModuleVersion, versions, http.RequestAborted);
        return await ResultPageAsync(request, attempts, forms, grades, attempt, http.RequestAborted);
    }

    private static async Task<IResult> NewAttemptAsync(HttpContext http, LearnerRequest request, AttemptStore attempts, FormTokens forms)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (request.Module is null) return See($"{ModulePath}?{request.Query}");
        if (request.Served is null)
        {
            return Problem(http, request, "module_withdrawn", 409, "This module is no longer offered, so no new attempt can begin. Your earlier attempts and their scores stay as they are.");
        }
        var used = await attempts.CountAsync(request.LinkId, request.UserId, request.Module.Id);
        var allowed = request.Effective!.Attempts;
        if (used >= allowed)
        {
            return Problem(http, request, "attempts_used", 409, $"All {allowed} attempts at this module are used.");
        }
        await attempts.StartNextAsync(request.LinkId, request.UserId, request.Served, allowed, http.RequestAborted);
        return See($"{ModulePath}?{request.Query}");
    }

    private static HtmlPageResult<ModulePage> ModulePage(LearnerRequest request, FormTokens forms, AttemptView? attempt, int used, QuestionError? error = null, int status = 200, GradeDeliveryStatus? grade = null) =>
        new(new { Model = request, Attempt = attempt, AttemptsUsed = used, FormToken = forms.Issue(request.Session), Error = error, Grade = grade }) { StatusCode = status };

    private static async Task<IResult> ResultPageAsync(LearnerRequest request, AttemptStore attempts, FormTokens forms, GradeStatus grades, AttemptView attempt, CancellationToken cancellationToken)
    {
        var history = await attempts.ListAsync(request.LinkId, request.UserId, attempt.ModuleId, cancellationToken);
        var grade = await grades.LatestStatusAsync(request.LinkId, request.UserId, cancellationToken);
        attempt = attempt with { InstructorComment = attempt.InstructorComment ?? await attempts.InstructorCommentAsync(attempt.Id, cancellationToken) };
        return new HtmlPageResult<ResultPage>(new { Model = request, Attempt = attempt, History = history, FormToken = forms.Issue(request.Session), Grade = grade });
    }

    /// <summary>
    /// The request with the module at the version an attempt began on, when that is not the served one (the pack was
    /// updated, disabled or removed since): the learner goes on answering, and is scored on, what they began.
    /// </summary>
    internal static async ValueTask<LearnerRequest> OnVersionOfAsync(LearnerRequest request, string moduleId, string? version, ModuleVersions versions, CancellationToken cancellationToken)
    {
        if (version is null || request.Module is not { } current || current.Id != moduleId || current.Version == version)
        {
            return request;
        }
        return await versions.FindAsync(moduleId, version, cancellationToken) is { } begun ? request with { Module = begun } : request;
    }

    internal static IResult Forbidden(HttpContext http, LearnerRequest request) =>
        Problem(http, request, "not_yours", 403, "This belongs to another person or another activity link; you can only see and change your own work in the activity you opened.");

    internal static IResult Problem(HttpContext http, LearnerRequest request, string code, int status, string description)
    {
        if (WantsJson(http))
        {
            return Results.Problem(statusCode: status, title: description, type: "about:blank", extensions: Extensions(code, request));
        }
        return ErrorPages.For(http, new LaunchFailure(code, status, description), heading: "That did not work", backUrl: $"{ModulePath}?{request.Query}");
    }

    private static Dictionary<string, object?> Extensions(string code, LearnerRequest request) => new()
    {
        ["code"] = code,
        ["token"] = request.Token,
    };

    internal static bool WantsJson(HttpContext http) =>
        http.Request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));

    internal static SeeOtherResult See(string url) => new(url);

    private static string Shorten(string value) => value.Length > 64 ? value[..64] + "…" : value;

    private sealed record AnswerSaved(bool Saved, int Answered, int Total, string? FeedbackHtml, string Token);
}

/// <summary>An answer that could not be saved, shown next to its question with the learner's text kept.</summary>
public sealed record QuestionError(string QuestionId, string Message, string SubmittedText);
