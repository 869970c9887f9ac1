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
internal sealed class SqliteReadinessReader(string connectionString) : IDisposable
{
    private const int MaxIdleConnections = 4;
    private static readonly Func<long, DateTimeOffset> FromStored = new DateTimeOffsetToBinaryConverter().ConvertFromProviderTyped;
    private readonly ConcurrentBag<Lease> _idle = [];

    public ReadinessRows Read(int linkId, string moduleId)
    {
        var lease = _idle.TryTake(out var idle) ? idle : new Lease(connectionString);
        try
        {
            var rows = Read(lease, linkId, moduleId);
            if (_idle.Count < MaxIdleConnections) _idle.Add(lease); else lease.Dispose();
            return rows;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    private static ReadinessRows Read(Lease lease, int linkId, string moduleId)
    {
        var attempts = new List<ReadinessAttemptRow>();
        var users = new List<ReadinessUserRow>();
        var seenUsers = new HashSet<int>();
        // One read transaction, so attempts and answers come from the same snapshot.
        using var transaction = lease.Connection.BeginTransaction(deferred: true);
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
                    reader.IsDBNull(8) ? null : ParseDecimal(reader.GetString(8))));
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
                       u."Subject", u."Name", u."GivenName", u."FamilyName", u."Email"
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
            Attempts.Dispose();
            Answers.Dispose();
            Connection.Dispose();
        }
    }
}
