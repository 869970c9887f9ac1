using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// GET {issuer}/gradebook.json[?userId=…&amp;lineItemId=…&amp;log=N]: the <see cref="GradebookSnapshot"/>, with the last
/// <see cref="LogRows"/> (or N, up to 10,000) score log entries. lineItemId is the item's number or any of its URLs.
/// </summary>
internal static partial class GradebookJsonEndpoint
{
    public const int LogRows = 200;

    public static IResult Handle(
        HttpRequest request, GradebookStyleState styles, LineItemStore lineItems, ResultStore results, ScoreLog log, GradebookCounters counters)
    {
        var userId = request.Query["userId"].ToString();
        var logText = request.Query["log"].ToString();
        var logRows = LogRows;
        if (logText.Length > 0 && !(int.TryParse(logText, NumberStyles.None, CultureInfo.InvariantCulture, out logRows) && logRows is > 0 and <= 10_000))
        {
            return ControlJson.Problem("log must be a whole number from 1 to 10000");
        }
        var lineItemText = request.Query["lineItemId"].ToString();
        long? lineItemId = lineItemText.Length == 0 ? null : LineItemNumber(lineItemText);
        if (lineItemText.Length > 0 && lineItemId is null)
        {
            return ControlJson.Problem("lineItemId must be a line item's number or URL");
        }

        var style = styles.Current;
        var urls = new AgsUrls(PlatformUrls.For(request).Issuer, style);
        var items = lineItems.All();
        var courseOf = items.ToDictionary(item => item.Id, item => item.CourseId);
        string Url(long id) => courseOf.TryGetValue(id, out var course) ? urls.LineItem(course, id) : id.ToString(CultureInfo.InvariantCulture);
        bool Wanted(long id, string? user) => (lineItemId is null || id == lineItemId) && (userId.Length == 0 || user == userId);

        return Results.Json(new GradebookSnapshot(
            style,
            [.. items.Where(item => lineItemId is null || item.Id == lineItemId).Select(item => new LineItemRow(
                Url(item.Id), item.CourseId, item.Values.Label, item.Values.ScoreMaximum, item.Values.ResourceLinkId, item.Values.ResourceId,
                item.Values.Tag, item.CreatedByTool, item.CoupledToLink))],
            [.. results.All().Where(result => courseOf.ContainsKey(result.LineItemId) && Wanted(result.LineItemId, result.UserId)).Select(result => new ResultRow(
                Url(result.LineItemId), result.UserId, result.ScoreGiven, result.ScoreMaximum, result.Comment, result.ActivityProgress,
                result.GradingProgress, result.TimestampText, result.SubmittedAt, result.NewSubmission, result.SubmissionTimeMoved, result.AcceptedPosts))],
            [.. log.Recent(logRows, entry => Wanted(entry.LineItemId, entry.UserId)).Select(entry => new ScoreLogRow(
                entry.Sequence, entry.ReceivedAt, urls.LineItem(entry.CourseId, entry.LineItemId), entry.UserId, entry.Timestamp, entry.ScoreGiven, entry.GradingProgress,
                entry.ActivityProgress, entry.Status, entry.Replay, entry.SubmissionTimeMoved, entry.Comment))],
            new CounterRow(counters.TokenRequests, counters.TokensIssued, counters.ScoresAccepted, counters.ScoresRejected, counters.Replays,
                counters.LineItemsCreated, counters.DuplicateLineItemsCreated)),
            ControlJson.Options);
    }

    private static long? LineItemNumber(string text)
    {
        var match = LineItemIdPattern().Match(text);
        return match.Success && long.TryParse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    [GeneratedRegex(@"(^|/lineitems/)(?<id>\d{1,18})(/lineitem)?(\?.*)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LineItemIdPattern();
}
