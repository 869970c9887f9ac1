using System.Globalization;
using System.Text;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The gradebook as a teacher would see it: per course a table with a column per line item that exists for it (made by
/// the tool, by deep linking or coupled to a link; seeded items only once they hold a result) and a row per user
/// (score / maximum and grading progress), or a sentence when the course has none; then the counters and the most
/// recent score posts.
/// </summary>
internal static class GradebookPage
{
    public const int MaxRowsPerCourse = 200;
    public const int LogRows = 50;

    public static HtmlPage Render(
        DemoDirectory directory, PlatformUrls urls, string style, IReadOnlyList<StoredLineItem> lineItems, IReadOnlyList<StoredResult> results,
        IReadOnlyList<ScoreLogEntry> log, GradebookCounters counters)
    {
        var body = new StringBuilder()
            .Append("<h1>Gradebook</h1>\n")
            .Append("<p>The gradebook behaves like <strong>").Append(Html.Encode(StyleName(style))).Append("</strong> (style <code>")
            .Append(Html.Encode(style)).Append("</code>). Tests switch it with <code>POST ").Append(Html.Encode(urls.Issuer))
            .Append("/control/style</code>.</p>\n")
            .Append("<p><a href=\"").Append(Html.Encode(urls.Issuer)).Append("\">Back to the demo courses</a>; ")
            .Append("<a href=\"").Append(Html.Encode(urls.Gradebook)).Append(".json\">the gradebook as JSON</a>.</p>\n")
            .Append("<p>Each course also holds ").Append(LineItemSeed.ItemsPerCourse.ToString(CultureInfo.InvariantCulture))
            .Append(" seeded line items (\u201cQuiz 1\u201d\u2026) that stand for other activities, so a tool has to page or filter the container; ")
            .Append("they get a column here only once they hold a result.</p>\n");
        var withResults = results.Select(result => result.LineItemId).ToHashSet();
        foreach (var course in directory.Courses)
        {
            var items = lineItems.Where(item => item.CourseId == course.Id && (!item.IsSeed || withResults.Contains(item.Id))).ToList();
            var ids = items.Select(item => item.Id).ToHashSet();
            GradebookTable.Append(body, directory, course, items, [.. results.Where(result => ids.Contains(result.LineItemId))], MaxRowsPerCourse);
        }

        AppendCounters(body, counters);
        AppendLog(body, log);
        return new HtmlPage("Gradebook", body.ToString());
    }

    private static string StyleName(string style) => style switch
    {
        GradebookStyles.Canvas => "Canvas",
        GradebookStyles.Moodle => "Moodle",
        _ => "the AGS 2.0 specification",
    };

    private static void AppendCounters(StringBuilder body, GradebookCounters counters)
    {
        body.Append("<section aria-labelledby=\"counters\">\n<h2 id=\"counters\">Counters</h2>\n<dl>\n");
        foreach (var (name, value) in new (string, long)[]
        {
            ("Token requests", counters.TokenRequests), ("Access tokens issued", counters.TokensIssued),
            ("Scores accepted", counters.ScoresAccepted), ("Scores refused", counters.ScoresRejected), ("Replayed scores", counters.Replays),
            ("Line items created by the tool", counters.LineItemsCreated), ("Duplicate line items", counters.DuplicateLineItemsCreated),
        })
        {
            body.Append("<dt>").Append(Html.Encode(name)).Append("</dt><dd>").Append(value.ToString(CultureInfo.InvariantCulture)).Append("</dd>\n");
        }

        body.Append("</dl>\n</section>\n");
    }

    private static void AppendLog(StringBuilder body, IReadOnlyList<ScoreLogEntry> log)
    {
        body.Append("<section aria-labelledby=\"score-log\">\n<h2 id=\"score-log\">Recent score posts</h2>\n");
        if (log.Count == 0)
        {
            body.Append("<p>No score has been posted yet.</p>\n</section>\n");
            return;
        }

        body.Append("<div class=\"scroll\" role=\"region\" aria-labelledby=\"score-log\" tabindex=\"0\">\n<table>\n")
            .Append("<caption>The last ").Append(log.Count.ToString(CultureInfo.InvariantCulture)).Append(" score posts, newest first</caption>\n<thead><tr>");
        foreach (var heading in new[] { "#", "Line item", "User", "Timestamp sent", "Score", "Grading", "Activity", "Answer", "Replay" })
        {
            body.Append("<th scope=\"col\">").Append(Html.Encode(heading)).Append("</th>");
        }

        body.Append("</tr></thead>\n<tbody>\n");
        foreach (var entry in log.Reverse())
        {
            body.Append("<tr><th scope=\"row\">").Append(entry.Sequence.ToString(CultureInfo.InvariantCulture)).Append("</th>");
            foreach (var cell in new[]
            {
                entry.LineItemId.ToString(CultureInfo.InvariantCulture), entry.UserId, entry.Timestamp,
                entry.ScoreGiven?.ToString(CultureInfo.InvariantCulture), entry.GradingProgress, entry.ActivityProgress,
                entry.Status.ToString(CultureInfo.InvariantCulture), entry.Replay ? "yes" : "no",
            })
            {
                body.Append("<td>").Append(Html.Encode(cell ?? "\u2014")).Append("</td>");
            }

            body.Append("</tr>\n");
        }

        body.Append("</tbody>\n</table>\n</div>\n</section>\n");
    }
}
