using System.Globalization;
using System.Text;

namespace LtiCurriculum.Curriculum.Readiness;

/// <summary>
/// The dashboard as a spreadsheet, UTF-8 with a byte order mark (so Excel reads accents and CJK names): one row per learner
/// in dashboard order, an empty row, then one row per question. Numbers use the invariant culture; times are ISO 8601 UTC.
/// </summary>
public static class ReadinessCsv
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static byte[] ToBytes(ReadinessReport report, ReadinessCsvText text)
    {
        var preamble = Utf8WithBom.Preamble;
        var csv = ToText(report, text);
        var bytes = new byte[preamble.Length + Utf8WithBom.GetByteCount(csv)];
        preamble.CopyTo(bytes);
        Utf8WithBom.GetBytes(csv, bytes.AsSpan(preamble.Length));
        return bytes;
    }

    public static async Task WriteAsync(ReadinessReport report, ReadinessCsvText text, Stream stream, CancellationToken cancellationToken = default) =>
        await stream.WriteAsync(ToBytes(report, text), cancellationToken).ConfigureAwait(false);

    /// <summary>The CSV text without the byte order mark.</summary>
    public static string ToText(ReadinessReport report, ReadinessCsvText text)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(text);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvWriter(output);
        csv.WriteRow(text.Name, text.State, text.Score, text.Maximum, text.MinutesSpent, text.Attempts, text.SubmittedAt, text.Enrolment);
        foreach (var row in report.Rows)
        {
            csv.WriteRow(row.Name, text.StateName(row.State), Number(row.ScoreGiven), Number(row.ScoreMaximum),
                row.TimeSpent.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture), Number(row.Attempts),
                row.SubmittedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                row.Active ? text.Active : text.Inactive);
        }
        csv.WriteRow();
        csv.WriteRow(text.Question, text.QuestionId, text.Answered, text.Correct, text.CorrectRatePercent, text.MostChosenWrong,
            text.MostChosenWrongCount, text.MeanRating);
        for (var i = 0; i < report.Questions.Count; i++)
        {
            var statistics = report.Questions[i];
            var choice = statistics as ChoiceStatistics;
            var rating = statistics as RatingStatistics;
            csv.WriteRow(Number(i + 1), statistics.Question.Id, Number(statistics.Answered), Number(choice?.Correct),
                (choice?.CorrectRate * 100)?.ToString("0.0", CultureInfo.InvariantCulture),
                choice?.MostChosenWrong?.Option.Id, Number(choice?.MostChosenWrong?.Count),
                rating?.Mean?.ToString("0.00", CultureInfo.InvariantCulture));
        }
        return output.ToString();
    }

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
