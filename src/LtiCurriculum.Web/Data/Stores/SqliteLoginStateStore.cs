using System.Collections.Concurrent;
using LtiCurriculum.Lti.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// The login-state store on SQLite without EF: every login writes a row and every launch deletes one, so
/// this is the hottest write path. It keeps a few connections open with their two statements prepared
/// (EF would reopen the connection, re-register its SQL functions and re-parse the SQL each time).
/// Same table, same semantics as <see cref="DbLoginStateStore"/>, which serves SQL Server.
/// </summary>
internal sealed class SqliteLoginStateStore(string connectionString) : ILoginStateStore, IDisposable
{
    private const int MaxIdleConnections = 8;
    private static readonly Func<DateTimeOffset, long> ToStored = new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped;
    private static readonly Func<long, DateTimeOffset> FromStored = new DateTimeOffsetToBinaryConverter().ConvertFromProviderTyped;

    private readonly ConcurrentBag<Lease> _idle = [];

    public async ValueTask SaveAsync(LoginState state, CancellationToken cancellationToken)
    {
        var lease = Rent();
        try
        {
            var p = lease.Insert.Parameters;
            p[0].Value = state.StateHash;
            p[1].Value = state.Nonce;
            p[2].Value = state.PlatformId;
            p[3].Value = state.Issuer;
            p[4].Value = state.ClientId;
            p[5].Value = (object?)state.DeploymentIdHint ?? DBNull.Value;
            p[6].Value = state.TargetLinkUri;
            p[7].Value = state.BrowserBindingHash;
            p[8].Value = ToStored(state.ExpiresAt);
            await lease.Insert.ExecuteNonQueryAsync(cancellationToken);
            Return(lease);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    public async ValueTask<LoginState?> ConsumeAsync(string stateHash, CancellationToken cancellationToken)
    {
        var lease = Rent();
        try
        {
            lease.Consume.Parameters[0].Value = stateHash;
            LoginState? found = null;
            await using (var reader = await lease.Consume.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    found = new LoginState(
                        reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                        reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetString(7), FromStored(reader.GetInt64(8)));
                }
            }
            Return(lease);
            return found;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var lease))
        {
            lease.Dispose();
        }
    }

    private Lease Rent() => _idle.TryTake(out var lease) ? lease : new Lease(connectionString);

    private void Return(Lease lease)
    {
        if (_idle.Count < MaxIdleConnections)
        {
            _idle.Add(lease);
        }
        else
        {
            lease.Dispose();
        }
    }

    private sealed class Lease : IDisposable
    {
        private const string Columns = "\"StateHash\", \"Nonce\", \"PlatformId\", \"Issuer\", \"ClientId\", \"DeploymentIdHint\", \"TargetLinkUri\", \"BrowserBindingHash\", \"ExpiresAt\"";
        private readonly SqliteConnection _connection;

        public Lease(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            using (var pragmas = _connection.CreateCommand())
            {
                pragmas.CommandText = LtiCurriculum.Web.Data.SqlitePragmas.Pragmas;
                pragmas.ExecuteNonQuery();
            }
            Insert = _connection.CreateCommand();
            Insert.CommandText = $"INSERT INTO \"LoginStates\" ({Columns}) VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8)";
            for (var i = 0; i < 9; i++)
            {
                Insert.Parameters.Add(new SqliteParameter($"$" + i, null));
            }
            Consume = _connection.CreateCommand();
            Consume.CommandText = $"DELETE FROM \"LoginStates\" WHERE \"StateHash\" = $hash RETURNING {Columns}";
            Consume.Parameters.Add(new SqliteParameter("$hash", null));
        }

        public SqliteCommand Insert { get; }
        public SqliteCommand Consume { get; }

        public void Dispose()
        {
            Insert.Dispose();
            Consume.Dispose();
            _connection.Dispose();
        }
    }
}
