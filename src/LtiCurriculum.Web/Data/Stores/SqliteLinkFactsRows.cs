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
            return new LinkFacts(reader.GetInt32(0), reader.GetStringOrNull(1), reader.GetStringOrNull(2) ?? reader.GetStringOrNull(3), reader.GetStringOrNull(4), reader.GetStringOrNull(5), reader.GetStringOrNull(6), reader.GetStringOrNull(7));
        });

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
