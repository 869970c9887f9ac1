using LtiCurriculum.Lti.Storage;
using Microsoft.Data.Sqlite;

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
        var insert = connection.LoginStates.Insert;
        var p = insert.Parameters;
        p[0].Value = state.StateHash;
        p[1].Value = state.Nonce;
        p[2].Value = state.PlatformId;
        p[3].Value = state.Issuer;
        p[4].Value = state.ClientId;
        p[5].Value = (object?)state.DeploymentIdHint ?? DBNull.Value;
        p[6].Value = state.TargetLinkUri;
        p[7].Value = state.BrowserBindingHash;
        p[8].Value = StoredInstant.From(state.ExpiresAt);
        return insert.ExecuteNonQuery();
    }

    private static LoginState? Consume(PreparedConnection connection, string stateHash)
    {
        var consume = connection.LoginStates.Consume;
        consume.Parameters[0].Value = stateHash;
        using var reader = consume.ExecuteReader();
        return reader.Read()
            ? new LoginState(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetString(7), StoredInstant.ToInstant(reader.GetInt64(8)))
            : null;
    }

    /// <summary>This store's statements on one kept-open connection.</summary>
    internal sealed class Statements(PreparedConnection connection)
    {
        private const string Columns = "\"StateHash\", \"Nonce\", \"PlatformId\", \"Issuer\", \"ClientId\", \"DeploymentIdHint\", \"TargetLinkUri\", \"BrowserBindingHash\", \"ExpiresAt\"";

        public SqliteCommand Insert { get; } = connection.Prepare(
            $"INSERT INTO \"LoginStates\" ({Columns}) VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8)", "$0", "$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8");

        public SqliteCommand Consume { get; } = connection.Prepare(
            $"DELETE FROM \"LoginStates\" WHERE \"StateHash\" = $hash RETURNING {Columns}", "$hash");
    }
}
