using System.Globalization;
using LtiCurriculum.Web.Grades;
using LtiCurriculum.Web.Teach.Pages;
using LtiCurriculum.Web.Learn;
using LtiCurriculum.Web.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LtiCurriculum.Web.Teach.Grading;

/// <summary>
/// The instructor's view of one activity's grades: each learner's latest attempt and what became of its score in
/// the LMS gradebook, retry for scores that failed, grading of reflections, and a comparison with the gradebook.
/// </summary>
public static class GradingRoutes
{
    public const string GradesPath = "/teach/grades";
    public const string RetryPath = "/teach/grades/retry";
    public const string GradePath = "/teach/grades/grade";
    private const string PointsPrefix = "points_";

    /// <summary>Maps onto the course-staff group at /teach.</summary>
    public static RouteGroupBuilder MapGrading(this RouteGroupBuilder teach)
    {
        teach.MapGet("/grades", PageAsync);
        teach.MapPost("/grades/retry", RetryAsync);
        teach.MapPost("/grades/grade", GradeAsync);
        return teach;
    }

    private static async Task<IResult> PageAsync(HttpContext http, LearnerRequest request, FormTokens forms, GradeStatus status, GradebookComparison gradebook)
    {
        var learners = await status.ForLinkAsync(request.LinkId, http.RequestAborted);
        var compared = http.Request.Query["compare"] == "1" ? await gradebook.ReadAsync(request.LinkId, http.RequestAborted) : null;
        return new RazorComponentResult<GradesPage>(new
        {
            Model = request, Learners = learners, Gradebook = compared, FormToken = forms.Issue(request.Session),
            Message = http.Request.Query["done"].ToString(),
        });
    }

    private static async Task<IResult> RetryAsync(HttpContext http, LearnerRequest request, GradeStatus status)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
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

    private static async Task<IResult> GradeAsync(HttpContext http, LearnerRequest request, InstructorGrading grading)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
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
