using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LtiCurriculum.Benchmarks.Drain;

/// <summary>
/// Writes the outbox straight into the drainer's SQLite file while the drainer is stopped: one resource link (the
/// development platform's demo link, with the score and line item scopes and the course's line item container),
/// the learners, and the scores spread round-robin over them. One transaction with prepared commands. Rows look
/// the way GradeOutbox writes them: pending, due now, timestamps strictly increasing per learner (1 ms apart
/// overall), no attempt (the line item is labelled with the link's title). Instants are stored as the tool stores
/// them, through EF Core's <see cref="DateTimeOffsetToBinaryConverter"/>.
/// </summary>
internal static class DrainSeed
{
    public const string DeploymentId = "dev-deployment-1";
    public const string ClientId = "lticurriculum-dev";
    public const string CourseId = "med-501";
    public const string ResourceLinkId = "link-cc-1";
    public const string LinkTitle = "Drain benchmark";
    public const string AgsScopes = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public const decimal ScoreMaximum = 10m;

    private static readonly Func<DateTimeOffset, long> ToBinary = new DateTimeOffsetToBinaryConverter().ConvertToProviderExpression.Compile();

    /// <summary>The Id the drainer gave the platform registered from Lti:Platforms, or null when it is not there.</summary>
    public static int? FindPlatformId(string databaseFile, string issuer)
    {
        // Read-write: a read-only connection cannot open a WAL-mode file whose -shm is gone (the drainer is stopped).
        using var connection = Open(databaseFile, readOnly: false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Platforms WHERE Issuer = $issuer AND ClientId = $client";
        command.Parameters.AddWithValue("$issuer", issuer);
        command.Parameters.AddWithValue("$client", ClientId);
        return command.ExecuteScalar() is long id ? (int)id : null;
    }

    /// <summary>Writes the link, <paramref name="learners"/> users and <paramref name="scores"/> outbox rows; returns how long it took.</summary>
    public static TimeSpan Write(string databaseFile, int platformId, string lineItemsUrl, int learners, int scores)
    {
        var started = Stopwatch.GetTimestamp();
        var now = DateTimeOffset.UtcNow;
        // Every score is due, and the newest timestamp (first + scores ms) is still in the past.
        var first = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero) - TimeSpan.FromMilliseconds(scores) - TimeSpan.FromMinutes(1);
        var created = ToBinary(first);

        using (var connection = Open(databaseFile, readOnly: false))
        {
            Execute(connection, "PRAGMA synchronous=OFF;");
            using var transaction = connection.BeginTransaction();

            using var link = connection.CreateCommand();
            link.Transaction = transaction;
            link.CommandText = """
                INSERT INTO ResourceLinks (PlatformId, DeploymentId, ResourceLinkId, Title, AgsScopes, LineItemsUrl, LastLaunchAt)
                VALUES ($platform, $deployment, $link, $title, $scopes, $container, $now) RETURNING Id
                """;
            link.Parameters.AddWithValue("$platform", platformId);
            link.Parameters.AddWithValue("$deployment", DeploymentId);
            link.Parameters.AddWithValue("$link", ResourceLinkId);
            link.Parameters.AddWithValue("$title", LinkTitle);
            link.Parameters.AddWithValue("$scopes", AgsScopes);
            link.Parameters.AddWithValue("$container", lineItemsUrl);
            link.Parameters.AddWithValue("$now", created);
            var linkId = (long)link.ExecuteScalar()!;

            using var user = connection.CreateCommand();
            user.Transaction = transaction;
            user.CommandText = "INSERT INTO Users (PlatformId, Subject, Name, LastLaunchAt) VALUES ($platform, $subject, $name, $now) RETURNING Id";
            user.Parameters.AddWithValue("$platform", platformId);
            var subject = user.Parameters.Add("$subject", SqliteType.Text);
            var name = user.Parameters.Add("$name", SqliteType.Text);
            user.Parameters.AddWithValue("$now", created);
            user.Prepare();
            var userIds = new long[learners];
            for (var i = 0; i < learners; i++)
            {
                subject.Value = $"drain-learner-{i + 1:D6}";
                name.Value = $"Drain Learner {i + 1}";
                userIds[i] = (long)user.ExecuteScalar()!;
            }

            using var score = connection.CreateCommand();
            score.Transaction = transaction;
            score.CommandText = """
                INSERT INTO GradeDeliveries (PlatformId, ResourceLinkDbId, UserDbId, AttemptId, ScoreGiven, ScoreMaximum, AwaitingInstructor,
                    IsRegrade, Timestamp, SubmittedAt, Status, Failures, NextAttemptAt, MaybeSent, CreatedAt)
                VALUES ($platform, $link, $user, NULL, $given, $maximum, 0, 0, $timestamp, $timestamp, 0, 0, $due, 0, $due)
                """;
            score.Parameters.AddWithValue("$platform", platformId);
            score.Parameters.AddWithValue("$link", linkId);
            var userId = score.Parameters.Add("$user", SqliteType.Integer);
            var given = score.Parameters.Add("$given", SqliteType.Text);
            score.Parameters.AddWithValue("$maximum", ScoreMaximum);
            var timestamp = score.Parameters.Add("$timestamp", SqliteType.Integer);
            score.Parameters.AddWithValue("$due", created);
            score.Prepare();
            for (var i = 0; i < scores; i++)
            {
                userId.Value = userIds[i % learners];
                given.Value = (decimal)(i % 11);
                timestamp.Value = ToBinary(first.AddMilliseconds(i));
                score.ExecuteNonQuery();
            }
            transaction.Commit();
            // Leave the file as a stopped tool leaves it: everything in the main file, no WAL to replay.
            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>A connection of its own (no pool), so nothing keeps the file open after the seed.</summary>
    public static SqliteConnection Open(string databaseFile, bool readOnly)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=30000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
