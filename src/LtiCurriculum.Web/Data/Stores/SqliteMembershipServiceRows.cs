using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Web.Teach.Dashboard;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// A course's class list service (its NRPS URL and the platform to ask for a token) on SQLite without EF: one prepared
/// statement on the kept-open connections of <see cref="SqlitePreparedConnections"/>. A course without the service is
/// asked again every <see cref="ClassRoster.UnavailableLifetime"/>; through EF (a context, a pooled connection opened
/// and closed, the compiled query) that cost about 0.5 ms of CPU (thread CPU in the first-launch benchmark, where it
/// was a fifth of the class readiness views). Same row as the EF query in <see cref="ClassRoster"/>.
/// </summary>
internal sealed class SqliteMembershipServiceRows(SqlitePreparedConnections connections)
{
    public MembershipServiceRow? Find(int contextId) =>
        connections.Read(contextId, static (connection, id) =>
        {
            using var row = connection.MembershipServices.Find.Bind(0, id).Query();
            if (!row.Next())
            {
                return null;
            }
            return new MembershipServiceRow(row.TextOrNull(0), new AgsPlatform(row.Int32(1), row.Text(2), row.Text(3), row.TextOrNull(4)));
        });

    internal sealed class Statements(PreparedConnection connection)
    {
        public SqliteStatement Find { get; } = connection.Prepare("""
            SELECT c."MembershipsUrl", p."Id", p."ClientId", p."TokenEndpoint", p."TokenAudience"
            FROM "Contexts" AS c
            INNER JOIN "Platforms" AS p ON p."Id" = c."PlatformId"
            WHERE c."Id" = $context
            """, "$context");
    }
}
