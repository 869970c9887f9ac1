using System.Globalization;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Learn;
using Microsoft.Data.Sqlite;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// The two things students do most — open the module page and save an answer — on SQLite without EF, on the
/// kept-open connections of <see cref="SqlitePreparedConnections"/>: one round of SQL each. Same tables and the
/// same rules as the EF code in <see cref="AttemptStore"/>, which serves SQL Server, PostgreSQL and every colder path.
/// </summary>
internal sealed class SqliteAttemptFastPath(SqlitePreparedConnections connections)
{

    /// <summary>The latest attempt at the module with its answers, and how many attempts there are; null when there is none yet.</summary>
    public (AttemptView Attempt, int Used)? ReadCurrent(int linkId, int userId, string moduleId) =>
        connections.Use((linkId, userId, moduleId), static (connection, key) => ReadCurrent(connection.Attempts, key.linkId, key.userId, key.moduleId));

    /// <summary>
    /// Starts attempt 1 at the module (numbered after any attempt at another module in this link), unless an
    /// attempt at it exists by now; returns what <see cref="ReadCurrent"/> then reads. Call inside the writer's turn.
    /// </summary>
    public (AttemptView Attempt, int Used) StartFirst(int linkId, int userId, string moduleId, DateTimeOffset now) =>
        connections.Use((linkId, userId, moduleId, now), static (connection, key) =>
        {
            connection.InTransaction(key, static (connection, key) =>
            {
                var start = connection.Attempts.Start;
                start.Parameters[0].Value = key.linkId;
                start.Parameters[1].Value = key.userId;
                start.Parameters[2].Value = key.moduleId;
                start.Parameters[3].Value = StoredInstant.From(key.now);
                return start.ExecuteNonQuery();
            });
            return ReadCurrent(connection.Attempts, key.linkId, key.userId, key.moduleId)
                ?? throw new InvalidOperationException("The attempt just started cannot be read back.");
        });

    /// <summary>Saves or clears one answer if the attempt is open and this learner's, and counts the answers. Call inside the writer's turn.</summary>
    public (SaveOutcome Outcome, int Answered) SaveAnswer(int attemptId, int linkId, int userId, string questionId, string? value, DateTimeOffset now) =>
        connections.Use((attemptId, linkId, userId, questionId, value, now), static (connection, a) => connection.InTransaction(a, static (connection, a) =>
        {
            var statements = connection.Attempts;
            var claim = statements.Claim;
            claim.Parameters[0].Value = StoredInstant.From(a.now);
            claim.Parameters[1].Value = a.attemptId;
            claim.Parameters[2].Value = a.linkId;
            claim.Parameters[3].Value = a.userId;
            if (claim.ExecuteNonQuery() == 0)
            {
                statements.Mine.Parameters[0].Value = a.attemptId;
                statements.Mine.Parameters[1].Value = a.linkId;
                statements.Mine.Parameters[2].Value = a.userId;
                var mine = Convert.ToInt64(statements.Mine.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
                return (mine ? SaveOutcome.AttemptClosed : SaveOutcome.NotYours, 0);
            }
            if (a.value is null)
            {
                statements.Delete.Parameters[0].Value = a.attemptId;
                statements.Delete.Parameters[1].Value = a.questionId;
                statements.Delete.ExecuteNonQuery();
            }
            else
            {
                var upsert = statements.Upsert;
                upsert.Parameters[0].Value = a.attemptId;
                upsert.Parameters[1].Value = a.questionId;
                upsert.Parameters[2].Value = a.value;
                upsert.Parameters[3].Value = StoredInstant.From(a.now);
                upsert.ExecuteNonQuery();
            }
            statements.CountAnswers.Parameters[0].Value = a.attemptId;
            return (SaveOutcome.Saved, Convert.ToInt32(statements.CountAnswers.ExecuteScalar(), CultureInfo.InvariantCulture));
        }));

    private static (AttemptView Attempt, int Used)? ReadCurrent(Statements statements, int linkId, int userId, string moduleId)
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
        return (new AttemptView(id, number, moduleId, status, submittedAt, given, maximum, awaiting, answers), used);
    }

    /// <summary>This path's statements on one kept-open connection.</summary>
    internal sealed class Statements(PreparedConnection connection)
    {
        public SqliteCommand Latest { get; } = connection.Prepare("""
                SELECT "Id", "Number", "Status", "SubmittedAt", "ScoreGiven", "ScoreMaximum", "AwaitingInstructor",
                       (SELECT COUNT(*) FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "ModuleId" = $module)
                FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "ModuleId" = $module
                ORDER BY "Number" DESC LIMIT 1
                """, "$link", "$user", "$module");

        public SqliteCommand Answers { get; } = connection.Prepare("""SELECT "QuestionId", "Value" FROM "Answers" WHERE "AttemptId" = $attempt""", "$attempt");

        public SqliteCommand Claim { get; } = connection.Prepare("""
                UPDATE "Attempts" SET "UpdatedAt" = $now
                WHERE "Id" = $attempt AND "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "Status" = 0
                """, "$now", "$attempt", "$link", "$user");

        public SqliteCommand Mine { get; } = connection.Prepare("""SELECT COUNT(*) FROM "Attempts" WHERE "Id" = $attempt AND "ResourceLinkDbId" = $link AND "UserDbId" = $user""", "$attempt", "$link", "$user");

        public SqliteCommand Upsert { get; } = connection.Prepare("""
                INSERT INTO "Answers" ("AttemptId", "QuestionId", "Value", "UpdatedAt") VALUES ($attempt, $question, $value, $now)
                ON CONFLICT ("AttemptId", "QuestionId") DO UPDATE SET "Value" = excluded."Value", "UpdatedAt" = excluded."UpdatedAt"
                """, "$attempt", "$question", "$value", "$now");

        public SqliteCommand Delete { get; } = connection.Prepare("""DELETE FROM "Answers" WHERE "AttemptId" = $attempt AND "QuestionId" = $question""", "$attempt", "$question");

        public SqliteCommand CountAnswers { get; } = connection.Prepare("""SELECT COUNT(*) FROM "Answers" WHERE "AttemptId" = $attempt""", "$attempt");

        public SqliteCommand Start { get; } = connection.Prepare("""
                INSERT INTO "Attempts" ("ResourceLinkDbId", "UserDbId", "ModuleId", "Number", "Status", "StartedAt", "UpdatedAt", "AwaitingInstructor")
                SELECT $link, $user, $module, COALESCE(MAX("Number"), 0) + 1, 0, $now, $now, 0
                FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user
                HAVING NOT EXISTS (SELECT 1 FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "ModuleId" = $module)
                """, "$link", "$user", "$module", "$now");
    }
}
