using System.Globalization;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Teach.Dashboard;
using Microsoft.Data.Sqlite;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// The dashboard's rows on SQLite without EF: three prepared statements on the kept-open connections of
/// <see cref="SqlitePreparedConnections"/> — the rows' fingerprint, the link's attempts at the module joined to their
/// learners, and those attempts' answers (the attempts index, then the answers' primary key; no scan of the whole
/// answers table). Through EF the three queries cost several times more per row than the rendering of a 500-student page
/// (measured with the benchmarks' dashboard command). On the primary connection, when it is free, the pages come from
/// the cache its own commits keep warm; a connection of its own re-read every page of the link's attempts from the file
/// after each commit (about 50 page reads a dashboard in the first-launch benchmark, where every flow adds a learner).
/// Same rows as the EF path in <see cref="ReadinessData"/>, which serves SQL Server and PostgreSQL.
/// </summary>
internal sealed class SqliteReadinessRows(SqlitePreparedConnections connections)
{
    /// <summary>
    /// Reads the link's <see cref="ReadinessFingerprint"/> and, unless it equals <paramref name="known"/>, the rows,
    /// both in one read transaction (so the rows are exactly what the fingerprint describes). Null: nothing changed.
    /// </summary>
    public ReadinessRows? Read(int linkId, string moduleId, ReadinessFingerprint? known, out ReadinessFingerprint fingerprint)
    {
        var (rows, read) = connections.Read((linkId, moduleId, known), static (connection, s) =>
            connection.InReadTransaction(s, static (c, s) =>
            {
                var rows = Read(c.Readiness, s.linkId, s.moduleId, s.known, out var fingerprint);
                return (rows, fingerprint);
            }));
        fingerprint = read;
        return rows;
    }

    private static ReadinessRows? Read(Statements statements, int linkId, string moduleId, ReadinessFingerprint? known, out ReadinessFingerprint fingerprint)
    {
        statements.Fingerprint.Parameters[0].Value = linkId;
        statements.Fingerprint.Parameters[1].Value = moduleId;
        using (var reader = statements.Fingerprint.ExecuteReader())
        {
            reader.Read();
            fingerprint = new ReadinessFingerprint(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
        }
        if (known is { } same && same == fingerprint)
        {
            return null;
        }
        // The fingerprint counted the rows the same read transaction returns next.
        var count = (int)Math.Min(fingerprint.Count, 100_000);
        var attempts = new List<ReadinessAttemptRow>(count);
        var users = new List<ReadinessUserRow>(count);
        var seenUsers = new HashSet<int>(count);
        statements.Attempts.Parameters[0].Value = linkId;
        statements.Attempts.Parameters[1].Value = moduleId;
        using (var reader = statements.Attempts.ExecuteReader())
        {
            while (reader.Read())
            {
                var userId = reader.GetInt32(1);
                attempts.Add(new ReadinessAttemptRow(
                    reader.GetInt32(0), userId, reader.GetInt32(2), (AttemptStatus)reader.GetInt32(3),
                    StoredInstant.ToInstant(reader.GetInt64(4)), StoredInstant.ToInstant(reader.GetInt64(5)),
                    reader.IsDBNull(6) ? null : StoredInstant.ToInstant(reader.GetInt64(6)),
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
        statements.Answers.Parameters[0].Value = linkId;
        statements.Answers.Parameters[1].Value = moduleId;
        using (var reader = statements.Answers.ExecuteReader())
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
        return new ReadinessRows(attempts, answersByAttempt, users);
    }

    // EF Core's SQLite provider stores decimals as invariant text.
    private static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    internal sealed class Statements
    {
        public Statements(PreparedConnection connection)
        {
            // Attempts whose user row is gone are left out, as the EF path leaves out attempts it finds no user for.
            Attempts = connection.Prepare("""
                SELECT a."Id", a."UserDbId", a."Number", a."Status", a."StartedAt", a."UpdatedAt", a."SubmittedAt", a."ScoreGiven", a."ScoreMaximum",
                       u."Subject", u."Name", u."GivenName", u."FamilyName", u."Email", a."ModuleVersion"
                FROM "Attempts" AS a
                INNER JOIN "Users" AS u ON u."Id" = a."UserDbId"
                WHERE a."ResourceLinkDbId" = $link AND a."ModuleId" = $module
                """, "$link", "$module");
            // Every write to what the rows show changes this: a new or removed attempt (count, ids), a submission
            // (status), an answer saved or cleared, a submission's score and a grading (all set the attempt's
            // UpdatedAt in the same transaction: its exact value is summed in two halves that cannot overflow), and
            // the stored name of a learner (lengths of the name fields: a heuristic, names come from launches).
            Fingerprint = connection.Prepare("""
                SELECT COUNT(*), COALESCE(SUM(a."Id"), 0), COALESCE(SUM(a."Status" + 4 * a."Number"), 0),
                       COALESCE(SUM(a."UpdatedAt" >> 24), 0), COALESCE(SUM(a."UpdatedAt" & 16777215), 0), COALESCE(MAX(a."UpdatedAt"), 0),
                       COALESCE(SUM(COALESCE(length(a."ScoreGiven"), -1) + 64 * COALESCE(length(a."ScoreMaximum"), -1)), 0),
                       COALESCE(SUM(COALESCE(length(u."Name"), -1) + 1024 * COALESCE(length(u."GivenName"), -1)
                                    + 1048576 * COALESCE(length(u."FamilyName"), -1) + 1073741824 * COALESCE(length(u."Email"), -1)), 0)
                FROM "Attempts" AS a
                INNER JOIN "Users" AS u ON u."Id" = a."UserDbId"
                WHERE a."ResourceLinkDbId" = $link AND a."ModuleId" = $module
                """, "$link", "$module");
            Answers = connection.Prepare("""
                SELECT x."AttemptId", x."QuestionId", x."Value"
                FROM "Attempts" AS a
                INNER JOIN "Answers" AS x ON x."AttemptId" = a."Id"
                WHERE a."ResourceLinkDbId" = $link AND a."ModuleId" = $module
                """, "$link", "$module");
        }

        public SqliteCommand Fingerprint { get; }
        public SqliteCommand Attempts { get; }
        public SqliteCommand Answers { get; }
    }
}
