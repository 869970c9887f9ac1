using System.Globalization;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Learn;
using Microsoft.Data.Sqlite;

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
            var start = c.Attempts.Start;
            start.Parameters[0].Value = s.linkId;
            start.Parameters[1].Value = s.userId;
            start.Parameters[2].Value = s.moduleId;
            start.Parameters[3].Value = StoredInstant.From(s.now);
            start.Parameters[4].Value = s.moduleVersion;
            start.ExecuteNonQuery();
            return Read(c.Attempts, s.linkId, s.userId, s.moduleId) ?? throw new InvalidOperationException("The attempt just started cannot be read back.");
        });

    /// <summary>Saves or clears one answer if the attempt is open and this learner's, and counts the answers.</summary>
    public Task<(SaveOutcome Outcome, int Answered)> SaveAnswerAsync(int attemptId, int linkId, int userId, string questionId, string? value, DateTimeOffset now) =>
        connections.WriteAsync((attemptId, linkId, userId, questionId, value, now), static (c, s) =>
        {
            var statements = c.Attempts;
            var claim = statements.Claim;
            claim.Parameters[0].Value = StoredInstant.From(s.now);
            claim.Parameters[1].Value = s.attemptId;
            claim.Parameters[2].Value = s.linkId;
            claim.Parameters[3].Value = s.userId;
            if (claim.ExecuteNonQuery() == 0)
            {
                statements.Mine.Parameters[0].Value = s.attemptId;
                statements.Mine.Parameters[1].Value = s.linkId;
                statements.Mine.Parameters[2].Value = s.userId;
                var mine = Convert.ToInt64(statements.Mine.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
                return (mine ? SaveOutcome.AttemptClosed : SaveOutcome.NotYours, 0);
            }
            if (s.value is null)
            {
                statements.Delete.Parameters[0].Value = s.attemptId;
                statements.Delete.Parameters[1].Value = s.questionId;
                statements.Delete.ExecuteNonQuery();
            }
            else
            {
                var upsert = statements.Upsert;
                upsert.Parameters[0].Value = s.attemptId;
                upsert.Parameters[1].Value = s.questionId;
                upsert.Parameters[2].Value = s.value;
                upsert.Parameters[3].Value = StoredInstant.From(s.now);
                upsert.ExecuteNonQuery();
            }
            statements.CountAnswers.Parameters[0].Value = s.attemptId;
            return (SaveOutcome.Saved, Convert.ToInt32(statements.CountAnswers.ExecuteScalar(), CultureInfo.InvariantCulture));
        });

    private static (AttemptView Attempt, int Used)? Read(Statements statements, int linkId, int userId, string moduleId)
    {
        var latest = statements.Latest;
        latest.Parameters[0].Value = linkId;
        latest.Parameters[1].Value = userId;
        latest.Parameters[2].Value = moduleId;
        int id, number, used;
        AttemptStatus status;
        DateTimeOffset? submittedAt;
        decimal? given, maximum;
        bool awaiting;
        string? version;
        using (var reader = latest.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }
            id = reader.GetInt32(0);
            number = reader.GetInt32(1);
            status = (AttemptStatus)reader.GetInt32(2);
            submittedAt = reader.IsDBNull(3) ? null : StoredInstant.ToInstant(reader.GetInt64(3));
            given = reader.IsDBNull(4) ? null : decimal.Parse(reader.GetString(4), CultureInfo.InvariantCulture);
            maximum = reader.IsDBNull(5) ? null : decimal.Parse(reader.GetString(5), CultureInfo.InvariantCulture);
            awaiting = reader.GetInt64(6) != 0;
            used = reader.GetInt32(7);
            version = reader.GetStringOrNull(8);
        }
        statements.Answers.Parameters[0].Value = id;
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = statements.Answers.ExecuteReader())
        {
            while (reader.Read())
            {
                answers[reader.GetString(0)] = reader.GetString(1);
            }
        }
        return (new AttemptView(id, number, moduleId, status, submittedAt, given, maximum, awaiting, answers) { ModuleVersion = version }, used);
    }

    /// <summary>The attempt path's statements on one connection, prepared on its first use there.</summary>
    internal sealed class Statements(PreparedConnection connection)
    {
        public SqliteCommand Latest { get; } = connection.Prepare("""
            SELECT "Id", "Number", "Status", "SubmittedAt", "ScoreGiven", "ScoreMaximum", "AwaitingInstructor",
                   (SELECT COUNT(*) FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "ModuleId" = $module),
                   "ModuleVersion"
            FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "ModuleId" = $module
            ORDER BY "Number" DESC LIMIT 1
            """, "$link", "$user", "$module");

        public SqliteCommand Answers { get; } = connection.Prepare("""SELECT "QuestionId", "Value" FROM "Answers" WHERE "AttemptId" = $attempt""", "$attempt");

        public SqliteCommand Claim { get; } = connection.Prepare("""
            UPDATE "Attempts" SET "UpdatedAt" = $now
            WHERE "Id" = $attempt AND "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "Status" = 0
            """, "$now", "$attempt", "$link", "$user");

        public SqliteCommand Mine { get; } = connection.Prepare(
            """SELECT COUNT(*) FROM "Attempts" WHERE "Id" = $attempt AND "ResourceLinkDbId" = $link AND "UserDbId" = $user""", "$attempt", "$link", "$user");

        public SqliteCommand Upsert { get; } = connection.Prepare("""
            INSERT INTO "Answers" ("AttemptId", "QuestionId", "Value", "UpdatedAt") VALUES ($attempt, $question, $value, $now)
            ON CONFLICT ("AttemptId", "QuestionId") DO UPDATE SET "Value" = excluded."Value", "UpdatedAt" = excluded."UpdatedAt"
            """, "$attempt", "$question", "$value", "$now");

        public SqliteCommand Delete { get; } = connection.Prepare("""DELETE FROM "Answers" WHERE "AttemptId" = $attempt AND "QuestionId" = $question""", "$attempt", "$question");

        public SqliteCommand CountAnswers { get; } = connection.Prepare("""SELECT COUNT(*) FROM "Answers" WHERE "AttemptId" = $attempt""", "$attempt");

        public SqliteCommand Start { get; } = connection.Prepare("""
            INSERT INTO "Attempts" ("ResourceLinkDbId", "UserDbId", "ModuleId", "ModuleVersion", "Number", "Status", "StartedAt", "UpdatedAt", "AwaitingInstructor")
            SELECT $link, $user, $module, $version, COALESCE(MAX("Number"), 0) + 1, 0, $now, $now, 0
            FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user
            HAVING NOT EXISTS (SELECT 1 FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "ModuleId" = $module)
            """, "$link", "$user", "$module", "$now", "$version");
    }
}
