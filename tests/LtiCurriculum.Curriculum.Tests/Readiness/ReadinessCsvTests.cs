using System.Text;
using LtiCurriculum.Curriculum.Readiness;
using LtiCurriculum.Curriculum.Tests.Scoring;
using static LtiCurriculum.Curriculum.Tests.Readiness.Roster;

namespace LtiCurriculum.Curriculum.Tests.Readiness;

public sealed class ReadinessCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Smith, Ana", "\"Smith, Ana\"")]
    [InlineData("Ana \"Nan\" Lee", "\"Ana \"\"Nan\"\" Lee\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fields_with_separators_quotes_or_line_breaks_are_quoted(string? value, string written)
    {
        Assert.Equal(written, CsvWriter.Field(value));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    public void Cells_a_spreadsheet_would_run_as_formulas_are_neutralised(string value, string written)
    {
        Assert.Equal(written, CsvWriter.Field(value));
    }

    [Fact]
    public void Formula_characters_after_the_first_are_left_alone()
    {
        Assert.Equal("a=b-c", CsvWriter.Field("a=b-c"));
    }

    [Fact]
    public void Rows_end_with_crlf()
    {
        using var text = new StringWriter();
        var csv = new CsvWriter(text);

        csv.WriteRow("a", "b,c");
        csv.WriteRow();

        Assert.Equal("a,\"b,c\"\r\n\r\n", text.ToString());
    }

    [Fact]
    public void File_starts_with_the_utf8_byte_order_mark()
    {
        var bytes = ReadinessCsv.ToBytes(Report(), ReadinessCsvText.English);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(ReadinessCsv.ToText(Report(), ReadinessCsvText.English), Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }

    [Fact]
    public async Task Writing_to_a_stream_gives_the_same_bytes()
    {
        using var stream = new MemoryStream();

        await ReadinessCsv.WriteAsync(Report(), ReadinessCsvText.English, stream, TestContext.Current.CancellationToken);

        Assert.Equal(ReadinessCsv.ToBytes(Report(), ReadinessCsvText.English), stream.ToArray());
    }

    [Fact]
    public void Learner_rows_then_question_rows_in_dashboard_order()
    {
        var lines = ReadinessCsv.ToText(Report(), ReadinessCsvText.English).Split("\r\n");

        Assert.Equal(
            [
                "Name,State,Score,Maximum,Minutes spent,Attempts,Submitted at (UTC),Enrolment",
                "'=cmd|' /C calc'!A0,Not started,,,0.0,0,,Inactive",
                "Ana,Submitted,7.5,10,12.5,1,2026-03-02T08:12:30Z,Active",
                "\"Lee, \"\"Bo\"\"\",In progress,,,20.0,1,,Active",
                "María José Núñez,Late,2,10,90.0,1,2026-03-02T09:30:00Z,Active",
                "王小明,Submitted,10,10,30.0,2,2026-03-02T08:50:00Z,Active",
                "",
                "Question,Question id,Answered,Fully correct,Correct rate (%),Most chosen wrong option,Times chosen,Mean rating",
                "1,q1,4,2,50.0,b,2,",
                "2,muddy,2,,,,,",
                "3,sure,1,,,,,3.00",
                "",
            ],
            lines);
    }

    [Fact]
    public void Headers_and_states_come_from_the_text_passed_in()
    {
        var spanish = ReadinessCsvText.English with { Name = "Nombre", State = "Estado", Submitted = "Entregado" };

        var lines = ReadinessCsv.ToText(Report(), spanish).Split("\r\n");

        Assert.StartsWith("Nombre,Estado,", lines[0]);
        Assert.Equal("Ana,Entregado", string.Join(',', lines[2].Split(',')[..2]));
    }

    [Fact]
    public void Non_ascii_names_survive_the_utf8_round_trip()
    {
        var text = Encoding.UTF8.GetString(ReadinessCsv.ToBytes(Report(), ReadinessCsvText.English));

        Assert.Contains("王小明,", text, StringComparison.Ordinal);
        Assert.Contains("María José Núñez,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Submission_times_are_written_in_utc_whatever_their_offset()
    {
        var inMadrid = new DateTimeOffset(2026, 3, 2, 10, 15, 0, TimeSpan.FromHours(1));
        var attempt = new LearnerAttempt(1, true, inMadrid.AddMinutes(-30), inMadrid, inMadrid, 1m, 1m, new Dictionary<string, string>());
        var report = ReadinessStatistics.Compute(new ReadinessInput(Questions.Module(), [new RosterLearner("1", "Ana", true, [attempt])], null, null, inMadrid));

        var line = ReadinessCsv.ToText(report, ReadinessCsvText.English).Split("\r\n")[1];

        Assert.Equal("Ana,Submitted,1,1,30.0,1,2026-03-02T09:15:00Z,Active", line);
    }

    /// <summary>Due at minute 60; question 1 has options a (correct), b, c.</summary>
    private static ReadinessReport Report()
    {
        var module = Questions.Module(Questions.Single("q1"), Questions.Reflection("muddy"), Questions.Rating("sure"));
        return ReadinessStatistics.Compute(new ReadinessInput(module,
            [
                new RosterLearner("1", "Ana", true, [Done(1, 0, 12.5, 7.5m, ("q1", "a"), ("muddy", "Potassium, \"why\"?"))]),
                new RosterLearner("2", "王小明", true, [Done(1, 0, 10, 4m, ("q1", "b")), Done(2, 30, 50, 10m, ("q1", "a"), ("sure", "3"))]),
                new RosterLearner("3", "María José Núñez", true, [Done(1, 0, 90, 2m, ("q1", "b"), ("muddy", "=1+1"))]),
                new RosterLearner("4", "Lee, \"Bo\"", true, [Open(1, 0, 20, ("q1", "b"))]),
                new RosterLearner("5", "=cmd|' /C calc'!A0", false, []),
            ],
            DueAt: At(60), SessionAt: null, Now: At(100)));
    }
}
