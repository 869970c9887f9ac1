using System.Diagnostics;
using System.Globalization;
using LtiCurriculum.Benchmarks.Drain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LtiCurriculum.Benchmarks.Dashboard;

/// <summary>What the seed wrote.</summary>
internal sealed record SeedCounts(int Users, int Attempts, int Answers, int ReflectionAnswers, TimeSpan Took);

/// <summary>
/// Writes the class's work straight into the running tool's SQLite file, after the instructor's launch made the link
/// (one transaction, prepared commands, SQLite's busy timeout against the tool's own writes; the tool caches none of
/// these rows, and the dashboard reads them on every render). Users for every student who launched; attempts at the
/// benchmark module on the link as <see cref="SeededState"/> says, with answers in the stored text form
/// (option ids joined by ',' in option order, reflection text, rating position) and scores computed as the tool
/// scores them (single 1 point, multiple 2 points with partial credit, completion reflections 2 points).
/// Instants go through EF Core's <see cref="DateTimeOffsetToBinaryConverter"/>, decimals as text, as the tool stores them.
/// </summary>
internal static class DashboardSeed
{
    private static readonly Func<DateTimeOffset, long> ToBinary = new DateTimeOffsetToBinaryConverter().ConvertToProviderExpression.Compile();

    private static readonly string[] Sentences =
    [
        "I will open the session with a five-minute quiz on the pre-work so that everyone starts from the same place.",
        "Next time I will ask each group to commit to an answer before the discussion, and compare the answers afterwards.",
        "I noticed that the quieter students never spoke in the large group, so I will use pairs first.",
        "I will shorten the pre-work video to two segments of about six minutes and publish an honest time estimate.",
        "To know whether it worked I will look at the quiz scores and ask two students how long the preparation took.",
        "The case about hypercalcaemia took far longer than planned; I will cut one of the side questions.",
        "I want to try ending with a one-minute paper asking what was still unclear.",
        "Peer feedback from a colleague sitting in would tell me whether the timing felt rushed.",
    ];

    /// <summary>The link the instructor's launch created: its database id, platform id and the module it names.</summary>
    public static (long LinkId, long PlatformId)? FindLink(string databaseFile, string resourceLinkId)
    {
        using var connection = DrainSeed.Open(databaseFile, readOnly: false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, PlatformId FROM ResourceLinks WHERE ResourceLinkId = $link";
        command.Parameters.AddWithValue("$link", resourceLinkId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    public static SeedCounts Write(string databaseFile, long platformId, long linkId, DashboardClass course, DateTimeOffset now, DateTimeOffset dueAt)
    {
        var started = Stopwatch.GetTimestamp();
        var random = new Random(42);
        int users = 0, attempts = 0, answers = 0, reflections = 0;
        using var connection = DrainSeed.Open(databaseFile, readOnly: false);
        using var transaction = connection.BeginTransaction();

        using var user = connection.CreateCommand();
        user.Transaction = transaction;
        user.CommandText = """
            INSERT INTO Users (PlatformId, Subject, Name, GivenName, FamilyName, Email, LastLaunchAt)
            VALUES ($platform, $subject, $name, $given, $family, $email, $at) RETURNING Id
            """;
        user.Parameters.AddWithValue("$platform", platformId);
        var subject = user.Parameters.Add("$subject", SqliteType.Text);
        var name = user.Parameters.Add("$name", SqliteType.Text);
        var given = user.Parameters.Add("$given", SqliteType.Text);
        var family = user.Parameters.Add("$family", SqliteType.Text);
        var email = user.Parameters.Add("$email", SqliteType.Text);
        var launchedAt = user.Parameters.Add("$at", SqliteType.Integer);
        user.Prepare();

        using var attempt = connection.CreateCommand();
        attempt.Transaction = transaction;
        attempt.CommandText = """
            INSERT INTO Attempts (ResourceLinkDbId, UserDbId, ModuleId, Number, Status, StartedAt, UpdatedAt, SubmittedAt, ScoreGiven, ScoreMaximum, AwaitingInstructor)
            VALUES ($link, $user, $module, $number, $status, $started, $updated, $submitted, $given, $maximum, 0) RETURNING Id
            """;
        attempt.Parameters.AddWithValue("$link", linkId);
        var attemptUser = attempt.Parameters.Add("$user", SqliteType.Integer);
        attempt.Parameters.AddWithValue("$module", DashboardPack.ModuleId);
        var number = attempt.Parameters.Add("$number", SqliteType.Integer);
        var status = attempt.Parameters.Add("$status", SqliteType.Integer);
        var startedAt = attempt.Parameters.Add("$started", SqliteType.Integer);
        var updatedAt = attempt.Parameters.Add("$updated", SqliteType.Integer);
        var submittedAt = attempt.Parameters.Add("$submitted", SqliteType.Integer);
        var scoreGiven = attempt.Parameters.Add("$given", SqliteType.Text);
        var scoreMaximum = attempt.Parameters.Add("$maximum", SqliteType.Text);
        attempt.Prepare();

        using var answer = connection.CreateCommand();
        answer.Transaction = transaction;
        answer.CommandText = "INSERT INTO Answers (AttemptId, QuestionId, Value, UpdatedAt) VALUES ($attempt, $question, $value, $at)";
        var answerAttempt = answer.Parameters.Add("$attempt", SqliteType.Integer);
        var question = answer.Parameters.Add("$question", SqliteType.Text);
        var value = answer.Parameters.Add("$value", SqliteType.Text);
        var answeredAt = answer.Parameters.Add("$at", SqliteType.Integer);
        answer.Prepare();

        void AddAttempt(long userId, int attemptNumber, DateTimeOffset start, DateTimeOffset last, bool submitted, int answered)
        {
            var chosen = DashboardPack.Questions.OrderBy(_ => random.Next()).Take(answered).ToHashSet();
            var written = new List<(string Question, string Value)>();
            var score = 0m;
            foreach (var q in DashboardPack.Questions.Where(chosen.Contains))
            {
                var (text, points) = Answer(q, random);
                if (text is null)
                {
                    continue;
                }
                written.Add((q.Id, text));
                score += points;
                if (q.Type == BenchQuestionType.Reflection)
                {
                    reflections++;
                }
            }
            attemptUser.Value = userId;
            number.Value = attemptNumber;
            status.Value = submitted ? 1 : 0;
            startedAt.Value = ToBinary(start);
            updatedAt.Value = ToBinary(last);
            submittedAt.Value = submitted ? ToBinary(last) : DBNull.Value;
            scoreGiven.Value = submitted ? score.ToString(CultureInfo.InvariantCulture) : DBNull.Value;
            scoreMaximum.Value = submitted ? DashboardPack.MaximumPoints.ToString(CultureInfo.InvariantCulture) : DBNull.Value;
            var attemptId = (long)attempt.ExecuteScalar()!;
            attempts++;
            foreach (var (questionId, text) in written)
            {
                answerAttempt.Value = attemptId;
                question.Value = questionId;
                value.Value = text;
                answeredAt.Value = ToBinary(last);
                answer.ExecuteNonQuery();
                answers++;
            }
        }

        DateTimeOffset Before(DateTimeOffset instant, double minMinutes, double maxMinutes) =>
            instant - TimeSpan.FromMinutes(minMinutes + random.NextDouble() * (maxMinutes - minMinutes));

        foreach (var member in course.Students.Where(s => s.State != SeededState.NeverLaunched))
        {
            subject.Value = member.Subject;
            name.Value = member.Name;
            given.Value = member.GivenName;
            family.Value = member.FamilyName;
            email.Value = member.Email;
            launchedAt.Value = ToBinary(Before(now, 10, 7 * 24 * 60));
            var userId = (long)user.ExecuteScalar()!;
            users++;
            switch (member.State)
            {
                case SeededState.InProgress:
                {
                    var last = Before(now, 5, 3 * 24 * 60);
                    AddAttempt(userId, 1, Before(last, 5, 40), last, submitted: false, answered: random.Next(2, 16));
                    break;
                }
                case SeededState.Submitted:
                case SeededState.SubmittedThenOpen:
                {
                    var submitted = Before(dueAt, 30, 6 * 24 * 60);
                    AddAttempt(userId, 1, Before(submitted, 15, 75), submitted, submitted: true, answered: DashboardPack.QuestionCount - random.Next(0, 3));
                    if (member.State == SeededState.SubmittedThenOpen)
                    {
                        var last = Before(now, 5, 24 * 60);
                        AddAttempt(userId, 2, Before(last, 5, 30), last, submitted: false, answered: random.Next(1, 8));
                    }
                    break;
                }
                case SeededState.Late:
                {
                    var submitted = Before(now, 10, (now - dueAt).TotalMinutes - 10);
                    AddAttempt(userId, 1, Before(submitted, 15, 75), submitted, submitted: true, answered: DashboardPack.QuestionCount - random.Next(0, 3));
                    break;
                }
            }
        }
        transaction.Commit();
        return new SeedCounts(users, attempts, answers, reflections, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>An answer in the stored text form and the points it earns; null when the learner left it empty.</summary>
    private static (string? Text, decimal Points) Answer(BenchQuestion question, Random random)
    {
        switch (question.Type)
        {
            case BenchQuestionType.Single:
            {
                var option = random.NextDouble() < 0.7 ? 'b' : (char)('a' + random.Next(DashboardPack.ChoiceOptions));
                return (option.ToString(), DashboardPack.IsCorrect(question, option) ? question.Points : 0m);
            }
            case BenchQuestionType.Multiple:
            {
                var chosen = Enumerable.Range(0, DashboardPack.ChoiceOptions).Select(i => (char)('a' + i))
                    .Where(o => random.NextDouble() < (DashboardPack.IsCorrect(question, o) ? 0.8 : 0.25)).ToList();
                if (chosen.Count == 0)
                {
                    return (null, 0m);
                }
                var right = chosen.Count(o => DashboardPack.IsCorrect(question, o));
                var share = Math.Max(0m, (right - (chosen.Count - right)) / 2m);
                return (string.Join(',', chosen), decimal.Round(question.Points * share, 2));
            }
            case BenchQuestionType.Reflection:
            {
                var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Sentences[random.Next(Sentences.Length)]));
                return (text, question.Points);
            }
            default:
                return ((random.Next(DashboardPack.RatingScale) + 1).ToString(CultureInfo.InvariantCulture), 0m);
        }
    }
}
