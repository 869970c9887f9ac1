using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// POST {lineitem}/scores (and Moodle's …/lineitem/scores): judged by the style's rules, logged, and answered as
/// the style does. Accepted: Canvas 200 with a resultUrl, Moodle 200 with no body, standard 204.
/// </summary>
internal static class ScoresEndpoint
{
    public static async Task<IResult> PostAsync(
        HttpContext context, string courseId, long id, AgsGate gate, LineItemStore lineItems, ResultStore results, ScoreLog log,
        DemoDirectory directory, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        var (call, refusal) = gate.Open(context, courseId, AgsScopes.Score);
        if (call is null)
        {
            return refusal!;
        }

        var item = lineItems.Find(call.Course.Id, id);
        if (item is null)
        {
            return LineItemEndpoint.NotFound(call, id);
        }

        if (!AgsJson.HasMediaType(context.Request, AgsMediaTypes.Score))
        {
            return AgsProblem.Result(call.Style, StatusCodes.Status415UnsupportedMediaType, $"Content-Type must be {AgsMediaTypes.Score}.");
        }

        var body = await AgsJson.ReadObjectAsync(context.Request, context.RequestAborted);
        var score = body is null ? ScoreSubmission.Unreadable("the body must be a JSON object of at most 64 KiB") : ScoreSubmission.Read(body.Value);
        var now = timeProvider.GetUtcNow();
        var gradable = score.UserId is not null && directory.IsGradable(score.UserId);
        var posted = results.Post(item.Id, score, existing => ScoreRules.Decide(call.Style, new ScoreContext(score, existing, gradable, now)));
        var decision = posted.Decision;
        log.Add(new ScoreLogEntry(0, now, item.Id, item.CourseId, score.UserId, score.TimestampText, score.ScoreGiven, score.GradingProgress,
            score.ActivityProgress, decision.Accepted ? Accepted(call.Style) : decision.StatusCode, posted.Replay,
            decision.Update?.SubmissionTimeMoved ?? false, score.Comment), decision.Accepted);
        loggerFactory.CreateLogger(DevPlatformLog.Category).ScoreAnswered(item.Id, decision.Accepted ? Accepted(call.Style) : decision.StatusCode, call.Style);
        if (!decision.Accepted)
        {
            return AgsProblem.Result(call.Style, decision.StatusCode, decision.Message!);
        }

        return call.Style switch
        {
            GradebookStyles.Canvas => Results.Json(new CanvasScoreAnswer(call.Urls.Result(item.CourseId, item.Id, posted.Result!.Id)), AgsJson.Options),
            GradebookStyles.Moodle => Results.StatusCode(StatusCodes.Status200OK),
            _ => Results.NoContent(),
        };
    }

    private static int Accepted(string style) => style == GradebookStyles.Standard ? StatusCodes.Status204NoContent : StatusCodes.Status200OK;

    private sealed record CanvasScoreAnswer([property: JsonPropertyName("resultUrl")] string ResultUrl);
}
