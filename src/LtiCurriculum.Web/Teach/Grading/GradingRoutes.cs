using LtiCurriculum.Web.Components;
using System.Globalization;
using LtiCurriculum.Web.Grades;
using LtiCurriculum.Web.Teach.Pages;
using LtiCurriculum.Web.Learn;
using LtiCurriculum.Web.Sessions;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Web.Packs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LtiCurriculum.Web.Teach.Grading;

/// <summary>
/// The instructor's view of one activity's grades: each learner's latest attempt and what became of its score in
/// the LMS gradebook, retry for scores that failed, grading of reflections (with a comment to the learner), and a
/// comparison with the gradebook.
/// </summary>
public static class GradingRoutes
{
    public const string GradesPath = "/teach/grades";
    public const string RetryPath = "/teach/grades/retry";
    public const string GradePath = "/teach/grades/grade";
    private const string PointsPrefix = "points_";
    public const string CommentField = "comment";

    /// <summary>Maps onto the course-staff group at /teach.</summary>
    public static RouteGroupBuilder MapGrading(this RouteGroupBuilder teach)
    {
        teach.MapGet("/grades", PageAsync);
        teach.MapPost("/grades/retry", RetryAsync);
        teach.MapPost("/grades/grade", GradeAsync);
        return teach;
    }

    private static async Task<IResult> PageAsync(HttpContext http, LearnerRequest request, FormTokens forms, GradeStatus status, GradebookComparison gradebook, ModuleVersions versions)
    {
        var text = TeachText.For(request.Session.Locale);
        var learners = await status.ForLinkAsync(request.LinkId, http.RequestAborted);
        var modules = await ModulesAsync(learners, versions, http.RequestAborted);
        var compared = http.Request.Query["compare"] == "1" ? await gradebook.ReadAsync(request.LinkId, text, http.RequestAborted) : null;
        return new HtmlPageResult<GradesPage>(new
        {
            Model = request, Text = text, Learners = learners, Modules = modules, Gradebook = compared, FormToken = forms.Issue(request.Session),
            Message = http.Request.Query["done"].ToString(),
        });
    }

    private static async Task<IResult> RetryAsync(HttpContext http, LearnerRequest request, GradeStatus status)
    {
        var text = TeachText.For(request.Session.Locale);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!long.TryParse(form["delivery"], NumberStyles.None, CultureInfo.InvariantCulture, out var deliveryId))
        {
            return LearnRoutes.Problem(http, request, "delivery_missing", 400, text.ErrorDeliveryMissing);
        }
        var outcome = await status.RetryAsync(deliveryId, request.LinkId, http.RequestAborted);
        return outcome switch
        {
            RetryOutcome.NotFound => LearnRoutes.Problem(http, request, "delivery_unknown", 404, text.Format(text.ErrorDeliveryUnknown, deliveryId)),
            RetryOutcome.NotRetryable => LearnRoutes.Problem(http, request, "delivery_not_retryable", 409, text.ErrorNotRetryable),
            _ => LearnRoutes.See($"{GradesPath}?done={(outcome == RetryOutcome.Queued ? "retry" : "superseded")}&{request.Query}"),
        };
    }

    private static async Task<IResult> GradeAsync(HttpContext http, LearnerRequest request, InstructorGrading grading, FormTokens forms, GradeStatus status, ModuleVersions versions)
    {
        var text = TeachText.For(request.Session.Locale);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!int.TryParse(form["attempt"], NumberStyles.None, CultureInfo.InvariantCulture, out var attemptId))
        {
            return LearnRoutes.Problem(http, request, "attempt_missing", 400, text.ErrorAttemptMissing);
        }
        var points = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (key, value) in form.Where(f => f.Key.StartsWith(PointsPrefix, StringComparison.Ordinal)))
        {
            var questionId = key[PointsPrefix.Length..];
            var entered = value.ToString().Trim();
            if (entered.Length == 0) continue;
            if (!decimal.TryParse(entered.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var given))
            {
                return LearnRoutes.Problem(http, request, "points_invalid", 422, text.Format(text.ErrorPointsNotNumber, Shorten(entered), Shorten(questionId)));
            }
            points[questionId] = given;
        }
        if (points.Count == 0)
        {
            return LearnRoutes.Problem(http, request, "points_missing", 422, text.ErrorPointsMissing);
        }
        var comment = form[CommentField].ToString();
        var (outcome, problem) = await grading.GradeAsync(attemptId, request.LinkId, points, comment, http.RequestAborted);
        return outcome switch
        {
            GradingOutcome.Graded => LearnRoutes.See($"{GradesPath}?done=graded&{request.Query}"),
            GradingOutcome.NotFound => LearnRoutes.Problem(http, request, "attempt_unknown", 404, problem ?? text.Format(text.ErrorAttemptUnknown, attemptId)),
            GradingOutcome.NotSubmitted => LearnRoutes.Problem(http, request, "attempt_open", 409, text.ErrorAttemptOpen),
            GradingOutcome.CommentTooLong => await CommentTooLongAsync(http, request, forms, status, versions, text, attemptId, comment, form),
            _ => LearnRoutes.Problem(http, request, "points_invalid", 422, problem!),
        };
    }

    /// <summary>The grades page again, 422, with the instructor's comment and points kept in the form and the reason next to them.</summary>
    private static async Task<IResult> CommentTooLongAsync(
        HttpContext http, LearnerRequest request, FormTokens forms, GradeStatus status, ModuleVersions versions, TeachText text, int attemptId, string comment, IFormCollection form)
    {
        var reason = text.Format(text.GradeCommentTooLong, comment.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Length, InstructorGrading.MaxCommentLength);
        if (LearnRoutes.WantsJson(http))
        {
            return LearnRoutes.Problem(http, request, "comment_too_long", 422, reason);
        }
        var learners = await status.ForLinkAsync(request.LinkId, http.RequestAborted);
        var kept = new GradingFormInput(attemptId, comment, reason,
            form.Where(f => f.Key.StartsWith(PointsPrefix, StringComparison.Ordinal))
                .ToDictionary(f => f.Key[PointsPrefix.Length..], f => f.Value.ToString(), StringComparer.Ordinal));
        return new HtmlPageResult<GradesPage>(new
        {
            Model = request, Text = text, Learners = learners, Modules = await ModulesAsync(learners, versions, http.RequestAborted), FormToken = forms.Issue(request.Session), Kept = kept,
        })
        { StatusCode = StatusCodes.Status422UnprocessableEntity };
    }

    /// <summary>Each attempt's module at the version it began on, for the reflections to grade.</summary>
    private static async Task<Dictionary<int, LocalizedModule>> ModulesAsync(IReadOnlyList<LearnerGrade> learners, ModuleVersions versions, CancellationToken cancellationToken)
    {
        var modules = new Dictionary<int, LocalizedModule>();
        foreach (var learner in learners)
        {
            if (await versions.FindAsync(learner.ModuleId, learner.ModuleVersion, cancellationToken) is { } module)
            {
                modules[learner.AttemptId] = module;
            }
        }
        return modules;
    }

    private static string Shorten(string value) => value.Length > 64 ? value[..64] + "…" : value;
}

/// <summary>What an instructor entered in one grading form that could not be saved, shown again with its reason.</summary>
public sealed record GradingFormInput(int AttemptId, string Comment, string Problem, IReadOnlyDictionary<string, string> Points);
