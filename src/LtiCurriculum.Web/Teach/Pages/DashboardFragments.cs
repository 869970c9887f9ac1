using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using LtiCurriculum.Curriculum.Readiness;
using LtiCurriculum.Web.Learn.Pages;
using Microsoft.AspNetCore.Components;

namespace LtiCurriculum.Web.Teach.Pages;

/// <summary>
/// The dashboard's two long lists (a row per student, a line per reflection) as HTML, built once per report: while
/// the work is unchanged <see cref="Dashboard.ReadinessData"/> hands out the same row and entry lists, so the markup
/// is kept with them (weakly: it goes when the report goes). The markup is what the Razor loops wrote, encoded by
/// the same encoder.
/// </summary>
internal static class DashboardFragments
{
    private sealed record Kept(TeachText Text, HtmlEncoder Encoder, MarkupString Html);

    private static readonly ConditionalWeakTable<IReadOnlyList<LearnerRow>, Kept> Students = [];
    private static readonly ConditionalWeakTable<IReadOnlyList<ReflectionEntry>, Kept> Reflections = [];

    public static MarkupString StudentRows(IReadOnlyList<LearnerRow> rows, TeachText text, HtmlEncoder encoder, Func<ReadinessState, string> stateName)
    {
        if (Students.TryGetValue(rows, out var kept) && ReferenceEquals(kept.Text, text) && ReferenceEquals(kept.Encoder, encoder))
        {
            return kept.Html;
        }
        var html = new StringBuilder(rows.Count * 200);
        foreach (var row in rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(encoder.Encode(row.Name));
            if (!row.Active)
            {
                html.Append("<span class=\"muted small\"> (").Append(encoder.Encode(text.Inactive)).Append(")</span>");
            }
            html.Append("</th><td").Append(row.State == ReadinessState.Late ? " class=\"state-late\">" : ">").Append(encoder.Encode(stateName(row.State)))
                .Append("</td><td>").Append(encoder.Encode(row.ScoreGiven is { } given ? $"{Show.Points(given)} / {Show.Points(row.ScoreMaximum ?? 0)}" : "—"))
                .Append("</td><td>").Append(encoder.Encode(row.Attempts == 0 ? "—" : text.Format(text.Minutes, Math.Round(row.TimeSpent.TotalMinutes).ToString(CultureInfo.InvariantCulture))))
                .Append("</td><td>").Append(row.Attempts.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(encoder.Encode(row.SubmittedAt is { } at ? Show.Instant(at) : "—"))
                .Append("</td></tr>");
        }
        var markup = new MarkupString(html.ToString());
        Students.AddOrUpdate(rows, new Kept(text, encoder, markup));
        return markup;
    }

    public static MarkupString ReflectionItems(IReadOnlyList<ReflectionEntry> entries, TeachText text, HtmlEncoder encoder)
    {
        if (Reflections.TryGetValue(entries, out var kept) && ReferenceEquals(kept.Encoder, encoder))
        {
            return kept.Html;
        }
        var html = new StringBuilder(entries.Count * 300);
        foreach (var entry in entries)
        {
            html.Append("<li><strong>").Append(encoder.Encode(entry.LearnerName)).Append("</strong>: ").Append(encoder.Encode(entry.Text)).Append("</li>");
        }
        var markup = new MarkupString(html.ToString());
        Reflections.AddOrUpdate(entries, new Kept(text, encoder, markup));
        return markup;
    }
}
