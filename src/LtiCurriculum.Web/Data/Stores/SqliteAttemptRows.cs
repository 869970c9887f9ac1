using System.Globalization;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Learn;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// The two things students do most, opening the module page and saving an answer, on SQLite without EF: one round of
/// prepared SQL each, on the kept-open connections of <see cref="SqlitePreparedConnections"/>. Same tables and rules as
/// the EF code in <see cref="AttemptStore"/>, which serves SQL Server, PostgreSQL and every colder path.
/// </summary>
internal sealed class SqliteAttemptRows(SqlitePreparedConnections connections)
{
    /// <summary>The latest attempt at the module with its answers, and how many attempts there are; null when there is none yet.</summary>
    public (AttemptView Attempt, int Used)? ReadCurrent(int linkId, int userId, string moduleId) =>
        connections.Read((linkId, userId, moduleId), static (connection, key) => Read(connection.Attempts, key.linkId, key.userId, key.moduleId));

    /// <summary>
    /// Starts attempt 1 at the module on <paramref name="moduleVersion"/> (numbered after any attempt at another module in
    /// this link), unless an attempt at it exists by now; returns what <see cref="ReadCurrent"/> then reads.
    /// </summary>
    public Task<(AttemptView Attempt, int Used)> StartFirstAsync(int linkId, int userId, string moduleId, string moduleVersion, DateTimeOffset now) =>
        connections.WriteAsync((linkId, userId, moduleId, moduleVersion, now), static (c, s) =>
        {
            c.Attempts.Start.Bind(0, s.linkId).Bind(1, s.userId).Bind(2, s.moduleId).Bind(3, StoredInstant.From(s.now)).Bind(4, s.moduleVersion).Execute();
            return Read(c.Attempts, s.linkId, s.userId, s.moduleId) ?? throw new InvalidOperationException("The attempt just started cannot be read back.");
        });

    /// <summary>Saves or clears one answer if the attempt is open and this learner's, and counts the answers.</summary>
    public Task<(SaveOutcome Outcome, int Answered)> SaveAnswerAsync(int attemptId, int linkId, int userId, string questionId, string? value, DateTimeOffset now) =>
        connections.WriteAsync((attemptId, linkId, userId, questionId, value, now), static (c, s) =>
        {
            var statements = c.Attempts;
            if (statements.Claim.Bind(0, StoredInstant.From(s.now)).Bind(1, s.attemptId).Bind(2, s.linkId).Bind(3, s.userId).Execute() == 0)
            {
                var mine = statements.Mine.Bind(0, s.attemptId).Bind(1, s.linkId).Bind(2, s.userId).Scalar() > 0;
                return (mine ? SaveOutcome.AttemptClosed : SaveOutcome.NotYours, 0);
            }
            if (s.value is null)
            {
                statements.Delete.Bind(0, s.attemptId).Bind(1, s.questionId).Execute();
            }
            else
            {
                statements.Upsert.Bind(0, s.attemptId).Bind(1, s.questionId).Bind(2, s.value).Bind(3, StoredInstant.From(s.now)).Execute();
            }
            return (SaveOutcome.Saved, checked((int)statements.CountAnswers.Bind(0, s.attemptId).Scalar()));
        });

    private static (AttemptView Attempt, int Used)? Read(Statements statements, int linkId, int userId, string moduleId)
    {
        int id, number, used;
        AttemptStatus status;
        DateTimeOffset? submittedAt;
        decimal? given, maximum;
        bool awaiting;
        string? version;
        using (var row = statements.Latest.Bind(0, linkId).Bind(1, userId).Bind(2, moduleId).Query())
        {
            if (!row.Next())
            {
                return null;
            }
            id = row.Int32(0);
            number = row.Int32(1);
            status = (AttemptStatus)row.Int32(2);
            submittedAt = row.Int64OrNull(3) is { } submitted ? StoredInstant.ToInstant(submitted) : null;
            given = row.TextOrNull(4) is { } givenText ? decimal.Parse(givenText, CultureInfo.InvariantCulture) : null;
            maximum = row.TextOrNull(5) is { } maximumText ? decimal.Parse(maximumText, CultureInfo.InvariantCulture) : null;
            awaiting = row.Int64(6) != 0;
            used = row.Int32(7);
            version = row.TextOrNull(8);
        }
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var row = statements.Answers.Bind(0, id).Query())
        {
            while (row.Next())
            {
                answers[row.Text(0)] = row.Text(1);
            }
        }
        return (new AttemptView(id, number, moduleId, status, submittedAt, given, maximum, awaiting, answers) { ModuleVersion = version }, used);
    }

    /// <summary>The attempt path's statements on one connection, prepared on its first use there.</summary>
    internal sealed class Statements(PreparedConnection connection)
    {
        public SqliteStatement Latest { get; } = connection.Prepare("""
            SELECT "Id", "Number", "Status", "SubmittedAt", "ScoreGiven", "ScoreMaximum", "AwaitingInstructor",
                   (SELECT COUNT(*) FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "ModuleId" = $module),
                   "ModuleVersion"
            FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "ModuleId" = $module
            ORDER BY "Number" DESC LIMIT 1
            """, "$link", "$user", "$module");

        public SqliteStatement Answers { get; } = connection.Prepare("""SELECT "QuestionId", "Value" FROM "Answers" WHERE "AttemptId" = $attempt""", "$attempt");

        public SqliteStatement Claim { get; } = connection.Prepare("""
            UPDATE "Attempts" SET "UpdatedAt" = $now
            WHERE "Id" = $attempt AND "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "Status" = 0
            """, "$now", "$attempt", "$link", "$user");

        public SqliteStatement Mine { get; } = connection.Prepare(
            """SELECT COUNT(*) FROM "Attempts" WHERE "Id" = $attempt AND "ResourceLinkDbId" = $link AND "UserDbId" = $user""", "$attempt", "$link", "$user");

        public SqliteStatement Upsert { get; } = connection.Prepare("""
            INSERT INTO "Answers" ("AttemptId", "QuestionId", "Value", "UpdatedAt") VALUES ($attempt, $question, $value, $now)
            ON CONFLICT ("AttemptId", "QuestionId") DO UPDATE SET "Value" = excluded."Value", "UpdatedAt" = excluded."UpdatedAt"
            """, "$attempt", "$question", "$value", "$now");

        public SqliteStatement Delete { get; } = connection.Prepare("""DELETE FROM "Answers" WHERE "AttemptId" = $attempt AND "QuestionId" = $question""", "$attempt", "$question");

        public SqliteStatement CountAnswers { get; } = connection.Prepare("""SELECT COUNT(*) FROM "Answers" WHERE "AttemptId" = $attempt""", "$attempt");

        public SqliteStatement Start { get; } = connection.Prepare("""
            INSERT INTO "Attempts" ("ResourceLinkDbId", "UserDbId", "ModuleId", "ModuleVersion", "Number", "Status", "StartedAt", "UpdatedAt", "AwaitingInstructor")
            SELECT $link, $user, $module, $version, COALESCE(MAX("Number"), 0) + 1, 0, $now, $now, 0
            FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user
            HAVING NOT EXISTS (SELECT 1 FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "ModuleId" = $module)
            """, "$link", "$user", "$module", "$now", "$version");
    }
}
