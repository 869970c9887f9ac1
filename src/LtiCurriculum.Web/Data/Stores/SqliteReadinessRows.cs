using System.Globalization;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Teach.Dashboard;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// The dashboard's rows on SQLite without EF: two prepared statements on the kept-open connections of
/// <see cref="SqlitePreparedConnections"/> — the link's attempts at the module joined to their learners (the rows'
/// fingerprint is summed while they are read), and those attempts' answers (the attempts index, then the answers'
/// primary key; no scan of the whole answers table), read only when the fingerprint changed. A fingerprint query of
/// its own cost as much as reading the rows (about 200 µs each for a link with 50 attempts, thread CPU), and in a
/// class at work the rows change between most views anyway. Through EF the queries cost several times more per row
/// than the rendering of a 500-student page (measured with the benchmarks' dashboard command). On the primary
/// connection, when it is free, the pages come from the cache its own commits keep warm; a connection of its own
/// re-read every page of the link's attempts from the file after each commit (about 50 page reads a dashboard in the
/// first-launch benchmark, where every flow adds a learner).
/// Same rows as the EF path in <see cref="ReadinessData"/>, which serves SQL Server and PostgreSQL.
/// </summary>
internal sealed class SqliteReadinessRows(SqlitePreparedConnections connections)
{
    /// <summary>
    /// Reads the link's attempts and their <see cref="ReadinessFingerprint"/> and, unless it equals
    /// <paramref name="known"/>, their answers, in one read transaction. Null: nothing changed.
    /// <paramref name="expectedRows"/>: how many attempts the last read found (lists sized from it), 0 when unknown.
    /// </summary>
    public ReadinessRows? Read(int linkId, string moduleId, ReadinessFingerprint? known, long expectedRows, out ReadinessFingerprint fingerprint)
    {
        var (rows, read) = connections.Read((linkId, moduleId, known, expectedRows), static (connection, s) =>
            connection.InReadTransaction(s, static (c, s) =>
            {
                var rows = Read(c.Readiness, s.linkId, s.moduleId, s.known, s.expectedRows, out var fingerprint);
                return (rows, fingerprint);
            }));
        fingerprint = read;
        return rows;
    }

    private static ReadinessRows? Read(Statements statements, int linkId, string moduleId, ReadinessFingerprint? known, long expectedRows, out ReadinessFingerprint fingerprint)
    {
        // Sized from the last read of these rows: a class of 50 otherwise regrew the list (rows of ~100 bytes) five times.
        var expected = (int)Math.Min(expectedRows + 16, 100_000);
        var attempts = new List<ReadinessAttemptRow>(expected);
        var users = new List<ReadinessUserRow>(expected);
        var seenUsers = new HashSet<int>(expected);
        var sums = new FingerprintSums();
        using (var row = statements.Attempts.Bind(0, linkId).Bind(1, moduleId).Query())
        {
            while (row.Next())
            {
                var id = row.Int32(0);
                var userId = row.Int32(1);
                var number = row.Int32(2);
                var status = row.Int32(3);
                var updatedAt = row.Int64(5);
                var scoreGiven = row.TextOrNull(7);
                var scoreMaximum = row.TextOrNull(8);
                sums.Add(id, status, number, updatedAt, scoreGiven, scoreMaximum);
                attempts.Add(new ReadinessAttemptRow(
                    id, userId, number, (AttemptStatus)status,
                    StoredInstant.ToInstant(row.Int64(4)), StoredInstant.ToInstant(updatedAt),
                    row.Int64OrNull(6) is { } submittedAt ? StoredInstant.ToInstant(submittedAt) : null,
                    scoreGiven is null ? null : ParseDecimal(scoreGiven),
                    scoreMaximum is null ? null : ParseDecimal(scoreMaximum),
                    row.TextOrNull(14)));
                if (seenUsers.Add(userId))
                {
                    var user = new ReadinessUserRow(userId, row.Text(9),
                        row.TextOrNull(10), row.TextOrNull(11),
                        row.TextOrNull(12), row.TextOrNull(13));
                    sums.Add(user);
                    users.Add(user);
                }
            }
        }
        fingerprint = sums.Fingerprint;
        if (known is { } same && same == fingerprint)
        {
            return null;
        }

        var answersByAttempt = new Dictionary<int, Dictionary<string, string>>(attempts.Count);
        using (var row = statements.Answers.Bind(0, linkId).Bind(1, moduleId).Query())
        {
            Dictionary<string, string>? current = null;
            var currentId = 0;
            while (row.Next())
            {
                var attemptId = row.Int32(0);
                if (current is null || attemptId != currentId)
                {
                    if (!answersByAttempt.TryGetValue(attemptId, out current))
                    {
                        answersByAttempt[attemptId] = current = new Dictionary<string, string>(StringComparer.Ordinal);
                    }
                    currentId = attemptId;
                }
                current[row.Text(1)] = row.Text(2);
            }
        }
        return new ReadinessRows(attempts, answersByAttempt, users);
    }

    /// <summary>
    /// The rows' <see cref="ReadinessFingerprint"/>, summed as they are read. Every write to what the rows show changes
    /// it: a new or removed attempt (count, ids), a submission (status), an answer saved or cleared, a submission's
    /// score and a grading (hashed; all also set the attempt's UpdatedAt in the same transaction: its exact value is summed
    /// in two halves that cannot overflow), and the stored name of a learner (a hash of the name fields; fingerprints are
    /// only compared within this process, with ones it summed itself).
    /// </summary>
    private struct FingerprintSums
    {
        private long _count, _ids, _states, _updatedHigh, _updatedLow, _updatedMax, _scores, _names;

        public void Add(int id, int status, int number, long updatedAt, string? scoreGiven, string? scoreMaximum)
        {
            _count++;
            _ids += id;
            _states += status + 4L * number;
            _updatedHigh += updatedAt >> 24;
            _updatedLow += updatedAt & 16777215;
            _updatedMax = Math.Max(_updatedMax, updatedAt);
            _scores += HashCode.Combine(scoreGiven, scoreMaximum);
        }

        public void Add(ReadinessUserRow user) => _names += HashCode.Combine(user.Id, user.Name, user.GivenName, user.FamilyName, user.Email);

        public readonly ReadinessFingerprint Fingerprint => new(_count, _ids, _states, _updatedHigh, _updatedLow, _updatedMax, _scores, _names);
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
            Answers = connection.Prepare("""
                SELECT x."AttemptId", x."QuestionId", x."Value"
                FROM "Attempts" AS a
                INNER JOIN "Answers" AS x ON x."AttemptId" = a."Id"
                WHERE a."ResourceLinkDbId" = $link AND a."ModuleId" = $module
                """, "$link", "$module");
        }

        public SqliteStatement Attempts { get; }
        public SqliteStatement Answers { get; }
    }
}
