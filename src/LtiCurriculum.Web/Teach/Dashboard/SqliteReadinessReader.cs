using System.Collections.Concurrent;
using System.Globalization;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LtiCurriculum.Web.Teach.Dashboard;

/// <summary>
/// The dashboard's rows on SQLite without EF: a few kept-open connections with two statements prepared — the
/// link's attempts at the module joined to their learners, and those attempts' answers (the attempts index, then
/// the answers' primary key; no scan of the whole answers table). Through EF the three queries cost several times
/// more per row than the rendering of a 500-student page (measured with the benchmarks' dashboard command).
/// Same rows as the EF path in <see cref="ReadinessData"/>, which serves SQL Server.
/// </summary>
/// <summary>Aggregates over a link's attempts at a module (and their learners' names) that change with every write the dashboard shows.</summary>
internal readonly record struct ReadinessFingerprint(long Count, long Ids, long States, long UpdatedHigh, long UpdatedLow, long UpdatedMax, long Scores, long Names);

internal sealed class SqliteReadinessReader(string connectionString) : IDisposable
{
    private const int MaxIdleConnections = 4;
    private static readonly Func<long, DateTimeOffset> FromStored = new DateTimeOffsetToBinaryConverter().ConvertFromProviderTyped;
    private readonly ConcurrentBag<Lease> _idle = [];

    public ReadinessRows Read(int linkId, string moduleId) => Read(linkId, moduleId, known: null, out _)!;

    /// <summary>
    /// Reads the link's <see cref="ReadinessFingerprint"/> and, unless it equals <paramref name="known"/>, the rows,
    /// both in one read transaction (so the rows are exactly what the fingerprint describes). Null: nothing changed.
    /// </summary>
    public ReadinessRows? Read(int linkId, string moduleId, ReadinessFingerprint? known, out ReadinessFingerprint fingerprint)
    {
        var lease = _idle.TryTake(out var idle) ? idle : new Lease(connectionString);
        try
        {
            var rows = Read(lease, linkId, moduleId, known, out fingerprint);
            if (_idle.Count < MaxIdleConnections) _idle.Add(lease); else lease.Dispose();
            return rows;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    private static ReadinessRows? Read(Lease lease, int linkId, string moduleId, ReadinessFingerprint? known, out ReadinessFingerprint fingerprint)
    {
        // One read transaction, so the fingerprint, attempts and answers come from the same snapshot.
        using var transaction = lease.Connection.BeginTransaction(deferred: true);
        lease.Fingerprint.Transaction = transaction;
        lease.Fingerprint.Parameters[0].Value = linkId;
        lease.Fingerprint.Parameters[1].Value = moduleId;
        using (var reader = lease.Fingerprint.ExecuteReader())
        {
            reader.Read();
            fingerprint = new ReadinessFingerprint(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
        }
        if (known is { } same && same == fingerprint)
        {
            transaction.Commit();
            return null;
        }
        var attempts = new List<ReadinessAttemptRow>();
        var users = new List<ReadinessUserRow>();
        var seenUsers = new HashSet<int>();
        lease.Attempts.Transaction = transaction;
        lease.Attempts.Parameters[0].Value = linkId;
        lease.Attempts.Parameters[1].Value = moduleId;
        using (var reader = lease.Attempts.ExecuteReader())
        {
            while (reader.Read())
            {
                var userId = reader.GetInt32(1);
                attempts.Add(new ReadinessAttemptRow(
                    reader.GetInt32(0), userId, reader.GetInt32(2), (AttemptStatus)reader.GetInt32(3),
                    FromStored(reader.GetInt64(4)), FromStored(reader.GetInt64(5)),
                    reader.IsDBNull(6) ? null : FromStored(reader.GetInt64(6)),
                    reader.IsDBNull(7) ? null : ParseDecimal(reader.GetString(7)),
                    reader.IsDBNull(8) ? null : ParseDecimal(reader.GetString(8)),
                    reader.IsDBNull(14) ? null : reader.GetString(14)));
                if (seenUsers.Add(userId))
                {
                    users.Add(new ReadinessUserRow(userId, reader.GetString(9),
                        reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11),
                        reader.IsDBNull(12) ? null : reader.GetString(12), reader.IsDBNull(13) ? null : reader.GetString(13)));
                }
            }
        }

        var answersByAttempt = new Dictionary<int, Dictionary<string, string>>(attempts.Count);
        lease.Answers.Transaction = transaction;
        lease.Answers.Parameters[0].Value = linkId;
        lease.Answers.Parameters[1].Value = moduleId;
        using (var reader = lease.Answers.ExecuteReader())
        {
            Dictionary<string, string>? current = null;
            var currentId = 0;
            while (reader.Read())
            {
                var attemptId = reader.GetInt32(0);
                if (current is null || attemptId != currentId)
                {
                    if (!answersByAttempt.TryGetValue(attemptId, out current))
                    {
                        answersByAttempt[attemptId] = current = new Dictionary<string, string>(StringComparer.Ordinal);
                    }
                    currentId = attemptId;
                }
                current[reader.GetString(1)] = reader.GetString(2);
            }
        }
        transaction.Commit();
        return new ReadinessRows(attempts, answersByAttempt, users);
    }

    // EF Core's SQLite provider stores decimals as invariant text.
    private static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    public void Dispose()
    {
        while (_idle.TryTake(out var lease))
        {
            lease.Dispose();
        }
    }

    private sealed class Lease : IDisposable
    {
        public Lease(string connectionString)
        {
            Connection = new SqliteConnection(connectionString);
            Connection.Open();
            using (var pragmas = Connection.CreateCommand())
            {
                pragmas.CommandText = LtiCurriculum.Web.Data.SqlitePragmas.Pragmas;
                pragmas.ExecuteNonQuery();
            }
            // Attempts whose user row is gone are left out, as the EF path leaves out attempts it finds no user for.
            Attempts = Prepare("""
                SELECT a."Id", a."UserDbId", a."Number", a."Status", a."StartedAt", a."UpdatedAt", a."SubmittedAt", a."ScoreGiven", a."ScoreMaximum",
                       u."Subject", u."Name", u."GivenName", u."FamilyName", u."Email", a."ModuleVersion"
                FROM "Attempts" AS a
                INNER JOIN "Users" AS u ON u."Id" = a."UserDbId"
                WHERE a."ResourceLinkDbId" = $link AND a."ModuleId" = $module
                """);
            // Every write to what the rows show changes this: a new or removed attempt (count, ids), a submission
            // (status), an answer saved or cleared, a submission's score and a grading (all set the attempt's
            // UpdatedAt in the same transaction: its exact value is summed in two halves that cannot overflow), and
            // the stored name of a learner (lengths of the name fields: a heuristic, names come from launches).
            Fingerprint = Prepare("""
                SELECT COUNT(*), COALESCE(SUM(a."Id"), 0), COALESCE(SUM(a."Status" + 4 * a."Number"), 0),
                       COALESCE(SUM(a."UpdatedAt" >> 24), 0), COALESCE(SUM(a."UpdatedAt" & 16777215), 0), COALESCE(MAX(a."UpdatedAt"), 0),
                       COALESCE(SUM(COALESCE(length(a."ScoreGiven"), -1) + 64 * COALESCE(length(a."ScoreMaximum"), -1)), 0),
                       COALESCE(SUM(COALESCE(length(u."Name"), -1) + 1024 * COALESCE(length(u."GivenName"), -1)
                                    + 1048576 * COALESCE(length(u."FamilyName"), -1) + 1073741824 * COALESCE(length(u."Email"), -1)), 0)
                FROM "Attempts" AS a
                INNER JOIN "Users" AS u ON u."Id" = a."UserDbId"
                WHERE a."ResourceLinkDbId" = $link AND a."ModuleId" = $module
                """);
            Answers = Prepare("""
                SELECT x."AttemptId", x."QuestionId", x."Value"
                FROM "Attempts" AS a
                INNER JOIN "Answers" AS x ON x."AttemptId" = a."Id"
                WHERE a."ResourceLinkDbId" = $link AND a."ModuleId" = $module
                """);
        }

        public SqliteConnection Connection { get; }
        public SqliteCommand Fingerprint { get; }
        public SqliteCommand Attempts { get; }
        public SqliteCommand Answers { get; }

        private SqliteCommand Prepare(string sql)
        {
            var command = Connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add(new SqliteParameter("$link", null));
            command.Parameters.Add(new SqliteParameter("$module", null));
            return command;
        }

        public void Dispose()
        {
            Fingerprint.Dispose();
            Attempts.Dispose();
            Answers.Dispose();
            Connection.Dispose();
        }
    }
}
