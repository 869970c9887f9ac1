using System.Collections.Concurrent;
using System.Globalization;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LtiCurriculum.Web.Learn;

/// <summary>
/// The two things students do most — open the module page and save an answer — on SQLite without EF:
/// a few kept-open connections with their statements prepared, one round of SQL each. Through EF every
/// request reopened a pooled connection, re-registered EF's SQL functions and re-prepared each statement
/// (measured: most of the database share of a page view). Same tables and the same rules as the EF code
/// in <see cref="AttemptStore"/>, which serves SQL Server and every colder path.
/// </summary>
internal sealed class SqliteAttemptFastPath(string connectionString) : IDisposable
{
    private const int MaxIdleConnections = 8;
    private static readonly Func<DateTimeOffset, long> ToStored = new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped;
    private static readonly Func<long, DateTimeOffset> FromStored = new DateTimeOffsetToBinaryConverter().ConvertFromProviderTyped;
    private readonly ConcurrentBag<Lease> _idle = [];

    /// <summary>The latest attempt at the module with its answers, and how many attempts there are; null when there is none yet.</summary>
    public (AttemptView Attempt, int Used)? ReadCurrent(int linkId, int userId, string moduleId) => Use(lease =>
    {
        var latest = lease.Latest;
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
                return ((AttemptView, int)?)null;
            }
            id = reader.GetInt32(0);
            number = reader.GetInt32(1);
            status = (AttemptStatus)reader.GetInt32(2);
            submittedAt = reader.IsDBNull(3) ? null : FromStored(reader.GetInt64(3));
            given = reader.IsDBNull(4) ? null : decimal.Parse(reader.GetString(4), CultureInfo.InvariantCulture);
            maximum = reader.IsDBNull(5) ? null : decimal.Parse(reader.GetString(5), CultureInfo.InvariantCulture);
            awaiting = reader.GetInt64(6) != 0;
            used = reader.GetInt32(7);
            version = reader.IsDBNull(8) ? null : reader.GetString(8);
        }
        var answers = ReadAnswers(lease, id);
        return (new AttemptView(id, number, moduleId, status, submittedAt, given, maximum, awaiting, answers) { ModuleVersion = version }, used);
    });

    /// <summary>
    /// Starts attempt 1 at the module (numbered after any attempt at another module in this link), unless an
    /// attempt at it exists by now; returns what <see cref="ReadCurrent"/> then reads. Call inside the writer's turn.
    /// </summary>
    public (AttemptView Attempt, int Used) StartFirst(int linkId, int userId, string moduleId, string moduleVersion, DateTimeOffset now)
    {
        Use(lease => InTransaction(lease, () =>
        {
            var start = lease.Start;
            start.Parameters[0].Value = linkId;
            start.Parameters[1].Value = userId;
            start.Parameters[2].Value = moduleId;
            start.Parameters[3].Value = ToStored(now);
            start.Parameters[4].Value = moduleVersion;
            return start.ExecuteNonQuery();
        }));
        return ReadCurrent(linkId, userId, moduleId) ?? throw new InvalidOperationException("The attempt just started cannot be read back.");
    }

    /// <summary>Saves or clears one answer if the attempt is open and this learner's, and counts the answers.</summary>
    public (SaveOutcome Outcome, int Answered) SaveAnswer(int attemptId, int linkId, int userId, string questionId, string? value, DateTimeOffset now) => Use(lease => InTransaction(lease, () =>
    {
        var claim = lease.Claim;
        claim.Parameters[0].Value = ToStored(now);
        claim.Parameters[1].Value = attemptId;
        claim.Parameters[2].Value = linkId;
        claim.Parameters[3].Value = userId;
        if (claim.ExecuteNonQuery() == 0)
        {
            lease.Mine.Parameters[0].Value = attemptId;
            lease.Mine.Parameters[1].Value = linkId;
            lease.Mine.Parameters[2].Value = userId;
            var mine = Convert.ToInt64(lease.Mine.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
            return (mine ? SaveOutcome.AttemptClosed : SaveOutcome.NotYours, 0);
        }
        if (value is null)
        {
            lease.Delete.Parameters[0].Value = attemptId;
            lease.Delete.Parameters[1].Value = questionId;
            lease.Delete.ExecuteNonQuery();
        }
        else
        {
            var upsert = lease.Upsert;
            upsert.Parameters[0].Value = attemptId;
            upsert.Parameters[1].Value = questionId;
            upsert.Parameters[2].Value = value;
            upsert.Parameters[3].Value = ToStored(now);
            upsert.ExecuteNonQuery();
        }
        lease.CountAnswers.Parameters[0].Value = attemptId;
        return (SaveOutcome.Saved, Convert.ToInt32(lease.CountAnswers.ExecuteScalar(), CultureInfo.InvariantCulture));
    }));

    /// <summary>BEGIN IMMEDIATE, the work, COMMIT; ROLLBACK if the work throws. (A claim that matched nothing wrote nothing, so committing it is harmless.)</summary>
    private static T InTransaction<T>(Lease lease, Func<T> work)
    {
        Run(lease.Begin);
        try
        {
            var result = work();
            Run(lease.Commit);
            return result;
        }
        catch
        {
            try
            {
                Run(lease.Rollback);
            }
            catch (SqliteException)
            {
                // No transaction was open any more; the lease is dropped either way.
            }
            throw;
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var lease))
        {
            lease.Dispose();
        }
    }

    private static Dictionary<string, string> ReadAnswers(Lease lease, int attemptId)
    {
        lease.Answers.Parameters[0].Value = attemptId;
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = lease.Answers.ExecuteReader();
        while (reader.Read())
        {
            answers[reader.GetString(0)] = reader.GetString(1);
        }
        return answers;
    }

    private static void Run(SqliteCommand command) => command.ExecuteNonQuery();

    private T Use<T>(Func<Lease, T> work)
    {
        var lease = _idle.TryTake(out var idle) ? idle : new Lease(connectionString);
        try
        {
            var result = work(lease);
            if (_idle.Count < MaxIdleConnections) _idle.Add(lease); else lease.Dispose();
            return result;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    private sealed class Lease : IDisposable
    {
        private readonly List<SqliteCommand> _commands = [];

        public Lease(string connectionString)
        {
            Connection = new SqliteConnection(connectionString);
            Connection.Open();
            using (var pragmas = Connection.CreateCommand())
            {
                pragmas.CommandText = LtiCurriculum.Web.Data.SqlitePragmas.Pragmas;
                pragmas.ExecuteNonQuery();
            }
            Latest = Prepare("""
                SELECT "Id", "Number", "Status", "SubmittedAt", "ScoreGiven", "ScoreMaximum", "AwaitingInstructor",
                       (SELECT COUNT(*) FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "ModuleId" = $module),
                       "ModuleVersion"
                FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "ModuleId" = $module
                ORDER BY "Number" DESC LIMIT 1
                """, "$link", "$user", "$module");
            Answers = Prepare("""SELECT "QuestionId", "Value" FROM "Answers" WHERE "AttemptId" = $attempt""", "$attempt");
            Claim = Prepare("""
                UPDATE "Attempts" SET "UpdatedAt" = $now
                WHERE "Id" = $attempt AND "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "Status" = 0
                """, "$now", "$attempt", "$link", "$user");
            Mine = Prepare("""SELECT COUNT(*) FROM "Attempts" WHERE "Id" = $attempt AND "ResourceLinkDbId" = $link AND "UserDbId" = $user""", "$attempt", "$link", "$user");
            Upsert = Prepare("""
                INSERT INTO "Answers" ("AttemptId", "QuestionId", "Value", "UpdatedAt") VALUES ($attempt, $question, $value, $now)
                ON CONFLICT ("AttemptId", "QuestionId") DO UPDATE SET "Value" = excluded."Value", "UpdatedAt" = excluded."UpdatedAt"
                """, "$attempt", "$question", "$value", "$now");
            Delete = Prepare("""DELETE FROM "Answers" WHERE "AttemptId" = $attempt AND "QuestionId" = $question""", "$attempt", "$question");
            CountAnswers = Prepare("""SELECT COUNT(*) FROM "Answers" WHERE "AttemptId" = $attempt""", "$attempt");
            Start = Prepare("""
                INSERT INTO "Attempts" ("ResourceLinkDbId", "UserDbId", "ModuleId", "ModuleVersion", "Number", "Status", "StartedAt", "UpdatedAt", "AwaitingInstructor")
                SELECT $link, $user, $module, $version, COALESCE(MAX("Number"), 0) + 1, 0, $now, $now, 0
                FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user
                HAVING NOT EXISTS (SELECT 1 FROM "Attempts" WHERE "ResourceLinkDbId" = $link AND "UserDbId" = $user AND "ModuleId" = $module)
                """, "$link", "$user", "$module", "$now", "$version");
            Begin = Prepare("BEGIN IMMEDIATE");
            Commit = Prepare("COMMIT");
            Rollback = Prepare("ROLLBACK");
        }

        public SqliteConnection Connection { get; }
        public SqliteCommand Latest { get; }
        public SqliteCommand Answers { get; }
        public SqliteCommand Claim { get; }
        public SqliteCommand Mine { get; }
        public SqliteCommand Upsert { get; }
        public SqliteCommand Delete { get; }
        public SqliteCommand CountAnswers { get; }
        public SqliteCommand Start { get; }
        public SqliteCommand Begin { get; }
        public SqliteCommand Commit { get; }
        public SqliteCommand Rollback { get; }

        private SqliteCommand Prepare(string sql, params string[] parameters)
        {
            var command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }
            _commands.Add(command);
            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands)
            {
                command.Dispose();
            }
            Connection.Dispose();
        }
    }
}
