using LtiCurriculum.Web.Learn;
using Microsoft.Data.Sqlite;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// A learner page's link and course title on SQLite without EF: one prepared statement on the kept-open connections of
/// <see cref="SqlitePreparedConnections"/>. Through EF the lookup cost about 0.2 ms of CPU (a context, a pooled connection
/// opened and closed, the query), and each of a busy instance's links is looked up again every
/// <see cref="LearnerRequests.LinkCacheLifetime"/>. Same row as the EF query in <see cref="LearnerRequests"/>.
/// </summary>
internal sealed class SqliteLinkFactsRows(SqlitePreparedConnections connections)
{
    public LinkFacts? Find(int linkId) =>
        connections.Read(linkId, static (connection, id) =>
        {
            var find = connection.LinkFacts.Find;
            find.Parameters[0].Value = id;
            using var reader = find.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }
            return new LinkFacts(reader.GetInt32(0), Text(reader, 1), Text(reader, 2) ?? Text(reader, 3), Text(reader, 4), Text(reader, 5), Text(reader, 6), Text(reader, 7));
        });

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    internal sealed class Statements(PreparedConnection connection)
    {
        public SqliteCommand Find { get; } = connection.Prepare("""
            SELECT r."Id", r."Title", c."Title", c."Label", r."CustomModuleId", r."BoundModuleId", r."CustomParameters", r."InstructorSettings"
            FROM "ResourceLinks" AS r
            LEFT JOIN "Contexts" AS c ON c."Id" = r."ContextDbId"
            WHERE r."Id" = $link
            """, "$link");
    }
}
