using System.Globalization;
using System.Text;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// One course's gradebook table: a column per line item given, a row per user (demo learners first, then anyone with a
/// result); a sentence instead when no line item is given.
/// </summary>
internal static class GradebookTable
{
    public static void Append(
        StringBuilder body, DemoDirectory directory, DemoCourse course, IReadOnlyList<StoredLineItem> items, IReadOnlyList<StoredResult> results, int maxRows)
    {
        var headingId = $"gradebook-{course.Id}";
        body.Append("<section aria-labelledby=\"").Append(Html.Encode(headingId)).Append("\">\n<h2 id=\"").Append(Html.Encode(headingId)).Append("\">")
            .Append(Html.Encode($"{course.Label} {course.Title}")).Append("</h2>\n");
        if (items.Count == 0)
        {
            body.Append("<p class=\"empty\">").Append(Html.Encode($"{course.Label} has no line items yet: no activity of the tool is graded here.")).Append("</p>\n</section>\n");
            return;
        }

        body
            .Append("<div class=\"scroll\" role=\"region\" aria-labelledby=\"").Append(Html.Encode(headingId)).Append("\" tabindex=\"0\">\n<table>\n<caption>")
            .Append(Html.Encode($"Scores in {course.Label}: one column per line item, one row per user")).Append("</caption>\n<thead><tr><th scope=\"col\">User</th>");
        foreach (var item in items)
        {
            body.Append("<th scope=\"col\">").Append(Html.Encode(item.Values.Label))
                .Append("<br>").Append(Html.Encode($"item {item.Id}, out of {item.Values.ScoreMaximum.ToString(CultureInfo.InvariantCulture)}"))
                .Append(item.CreatedByTool ? "<br>created by the tool" : item.CoupledToLink ? "<br>coupled to the link" : string.Empty)
                .Append("</th>");
        }

        body.Append("</tr></thead>\n<tbody>\n");
        var users = Users(directory, results);
        var byCell = results.ToDictionary(result => (result.LineItemId, result.UserId));
        foreach (var userId in users.Take(maxRows))
        {
            var name = directory.Users.FirstOrDefault(user => user.Subject == userId)?.DisplayName;
            body.Append("<tr><th scope=\"row\">").Append(Html.Encode(name is null ? userId : $"{name} ({userId})")).Append("</th>");
            foreach (var item in items)
            {
                body.Append("<td>").Append(Cell(byCell.GetValueOrDefault((item.Id, userId)))).Append("</td>");
            }

            body.Append("</tr>\n");
        }

        body.Append("</tbody>\n</table>\n</div>\n");
        if (users.Count > maxRows)
        {
            body.Append("<p>").Append(Html.Encode($"Showing {maxRows} of {users.Count} users; gradebook.json has them all.")).Append("</p>\n");
        }

        body.Append("</section>\n");
    }

    private static List<string> Users(DemoDirectory directory, IReadOnlyList<StoredResult> results)
    {
        var learners = directory.Users.Where(user => user.Subject is not null && directory.IsGradable(user.Subject)).Select(user => user.Subject!);
        return [.. learners.Concat(results.Select(result => result.UserId).Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal)];
    }

    private static string Cell(StoredResult? result)
    {
        if (result is null)
        {
            return "<span aria-label=\"no result\">\u2014</span>";
        }

        var score = result.ScoreGiven is null
            ? "no score"
            : $"{result.ScoreGiven.Value.ToString(CultureInfo.InvariantCulture)} / {result.ScoreMaximum?.ToString(CultureInfo.InvariantCulture) ?? "?"}";
        return Html.Encode(score) + "<br>" + Html.Encode(result.GradingProgress);
    }
}
