using LtiCurriculum.Web.Learn;

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
            using var row = connection.LinkFacts.Find.Bind(0, id).Query();
            if (!row.Next())
            {
                return null;
            }
            return new LinkFacts(row.Int32(0), row.TextOrNull(1), row.TextOrNull(2) ?? row.TextOrNull(3), row.TextOrNull(4), row.TextOrNull(5), row.TextOrNull(6), row.TextOrNull(7));
        });

    internal sealed class Statements(PreparedConnection connection)
    {
        public SqliteStatement Find { get; } = connection.Prepare("""
            SELECT r."Id", r."Title", c."Title", c."Label", r."CustomModuleId", r."BoundModuleId", r."CustomParameters", r."InstructorSettings"
            FROM "ResourceLinks" AS r
            LEFT JOIN "Contexts" AS c ON c."Id" = r."ContextDbId"
            WHERE r."Id" = $link
            """, "$link");
    }
}
