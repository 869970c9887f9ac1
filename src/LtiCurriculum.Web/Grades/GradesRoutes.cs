using System.Globalization;
using LtiCurriculum.Web.Grades.Pages;
using LtiCurriculum.Web.Learn;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LtiCurriculum.Web.Grades;

/// <summary>
/// The instructor's view of one activity's grades: each learner's latest attempt and what became of its score in
/// the LMS gradebook, retry for scores that failed, grading of reflections, and a comparison with the gradebook.
/// </summary>
public static class GradesRoutes
{
    public const string GradesPath = "/teach/grades";
    public const string RetryPath = "/teach/grades/retry";
    public const string GradePath = "/teach/grades/grade";
    private const string PointsPrefix = "points_";

    public static IEndpointRouteBuilder MapGrades(this IEndpointRouteBuilder app)
    {
        app.MapGet(GradesPath, PageAsync);
        app.MapPost(RetryPath, RetryAsync);
        app.MapPost(GradePath, GradeAsync);
        return app;
    }

    private static async Task<IResult> PageAsync(HttpContext http, LearnerRequests requests, FormTokens forms, GradeStatus status, GradebookComparison gradebook)
    {
        var (request, refusal) = await requests.ResolveAsync(http);
        if (request is null) return refusal!;
        if (!request.Session.IsCourseStaff) return LearnRoutes.Forbidden(http, request);
        var learners = await status.ForLinkAsync(request.LinkId, http.RequestAborted);
        var compared = http.Request.Query["compare"] == "1" ? await gradebook.ReadAsync(request.LinkId, http.RequestAborted) : null;
        return new RazorComponentResult<GradesPage>(new
        {
            Model = request, Learners = learners, Gradebook = compared, FormToken = forms.Issue(request.Session),
            Message = http.Request.Query["done"].ToString(),
        });
    }

    private static async Task<IResult> RetryAsync(HttpContext http, LearnerRequests requests, FormTokens forms, GradeStatus status)
    {
        var (request, refusal) = await requests.ResolveAsync(http);
        if (request is null) return refusal!;
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (LearnRoutes.Refuse(http, request, forms, form, allowStaffOnly: true) is { } refused) return refused;
        if (!long.TryParse(form["delivery"], NumberStyles.None, CultureInfo.InvariantCulture, out var deliveryId))
        {
            return LearnRoutes.Problem(http, request, "delivery_missing", 400, "The form did not say which score to send again. Reload the page and try again.");
        }
        var outcome = await status.RetryAsync(deliveryId, request.LinkId, http.RequestAborted);
        return outcome switch
        {
            RetryOutcome.NotFound => LearnRoutes.Problem(http, request, "delivery_unknown", 404, $"There is no score {deliveryId} in this activity."),
            RetryOutcome.NotRetryable => LearnRoutes.Problem(http, request, "delivery_not_retryable", 409, "That score was already delivered or is waiting for grading; there is nothing to send again."),
            _ => LearnRoutes.See($"{GradesPath}?done={(outcome == RetryOutcome.Queued ? "retry" : "superseded")}&{request.Query}"),
        };
    }

    private static async Task<IResult> GradeAsync(HttpContext http, LearnerRequests requests, FormTokens forms, InstructorGrading grading)
    {
        var (request, refusal) = await requests.ResolveAsync(http);
        if (request is null) return refusal!;
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (LearnRoutes.Refuse(http, request, forms, form, allowStaffOnly: true) is { } refused) return refused;
        if (!int.TryParse(form["attempt"], NumberStyles.None, CultureInfo.InvariantCulture, out var attemptId))
        {
            return LearnRoutes.Problem(http, request, "attempt_missing", 400, "The form did not say which attempt to grade. Reload the page and try again.");
        }
        var points = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (key, value) in form.Where(f => f.Key.StartsWith(PointsPrefix, StringComparison.Ordinal)))
        {
            var questionId = key[PointsPrefix.Length..];
            var text = value.ToString().Trim();
            if (text.Length == 0) continue;
            if (!decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var given))
            {
                return LearnRoutes.Problem(http, request, "points_invalid", 422, $"'{Shorten(text)}' is not a number of points (question {Shorten(questionId)}).");
            }
            points[questionId] = given;
        }
        if (points.Count == 0)
        {
            return LearnRoutes.Problem(http, request, "points_missing", 422, "Enter points for at least one reflection.");
        }
        var (outcome, problem) = await grading.GradeAsync(attemptId, request.LinkId, points, http.RequestAborted);
        return outcome switch
        {
            GradingOutcome.Graded => LearnRoutes.See($"{GradesPath}?done=graded&{request.Query}"),
            GradingOutcome.NotFound => LearnRoutes.Problem(http, request, "attempt_unknown", 404, problem ?? $"There is no attempt {attemptId} in this activity."),
            GradingOutcome.NotSubmitted => LearnRoutes.Problem(http, request, "attempt_open", 409, "That attempt is still open; grade it after the learner submits."),
            _ => LearnRoutes.Problem(http, request, "points_invalid", 422, problem!),
        };
    }

    private static string Shorten(string value) => value.Length > 64 ? value[..64] + "…" : value;
}
