using LtiCurriculum.Lti.Storage;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// The login-state store on SQLite without EF: every login writes a row and every launch deletes one, so
/// this is the hottest write path; it runs on the kept-open connections of <see cref="SqlitePreparedConnections"/>.
/// Same table, same semantics as <see cref="DbLoginStateStore"/>, which serves SQL Server and PostgreSQL.
/// Both statements write, so they go through the connections' group commit, in this instance's writer turn like every
/// other SQLite writer: outside it they met the other writers in SQLite's busy handler, which sleeps at least a
/// millisecond per retry (seen in the first-launch benchmark as sleeping threads under <c>sqliteDefaultBusyCallback</c>).
/// </summary>
internal sealed class SqliteLoginStateStore(SqlitePreparedConnections connections) : ILoginStateStore
{
    public ValueTask SaveAsync(LoginState state, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask(connections.WriteAsync(state, Save));
    }

    public ValueTask<LoginState?> ConsumeAsync(string stateHash, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<LoginState?>(connections.WriteAsync(stateHash, Consume));
    }

    private static int Save(PreparedConnection connection, LoginState state)
    {
        return connection.LoginStates.Insert
            .Bind(0, state.StateHash)
            .Bind(1, state.Nonce)
            .Bind(2, state.PlatformId)
            .Bind(3, state.Issuer)
            .Bind(4, state.ClientId)
            .Bind(5, state.DeploymentIdHint)
            .Bind(6, state.TargetLinkUri)
            .Bind(7, state.BrowserBindingHash)
            .Bind(8, StoredInstant.From(state.ExpiresAt))
            .Execute();
    }

    private static LoginState? Consume(PreparedConnection connection, string stateHash)
    {
        using var row = connection.LoginStates.Consume.Bind(0, stateHash).Query();
        // SQLite makes a RETURNING statement's changes on its first step (sqlite.org/lang_returning.html).
        return row.Next()
            ? new LoginState(
                row.Text(0), row.Text(1), row.Int32(2), row.Text(3), row.Text(4),
                row.TextOrNull(5), row.Text(6), row.Text(7), StoredInstant.ToInstant(row.Int64(8)))
            : null;
    }

    /// <summary>This store's statements on one kept-open connection.</summary>
    internal sealed class Statements(PreparedConnection connection)
    {
        private const string Columns = "\"StateHash\", \"Nonce\", \"PlatformId\", \"Issuer\", \"ClientId\", \"DeploymentIdHint\", \"TargetLinkUri\", \"BrowserBindingHash\", \"ExpiresAt\"";

        public SqliteStatement Insert { get; } = connection.Prepare(
            $"INSERT INTO \"LoginStates\" ({Columns}) VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8)", "$0", "$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8");

        public SqliteStatement Consume { get; } = connection.Prepare(
            $"DELETE FROM \"LoginStates\" WHERE \"StateHash\" = $hash RETURNING {Columns}", "$hash");
    }
}
