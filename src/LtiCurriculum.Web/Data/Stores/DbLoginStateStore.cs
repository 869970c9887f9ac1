using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>Login state in the database so every instance can finish a launch another one started.</summary>
internal sealed class DbLoginStateStore(IDbContextFactory<LtiDbContext> contexts) : ILoginStateStore
{
    public async ValueTask SaveAsync(LoginState state, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        db.LoginStates.Add(new LoginStateEntity
        {
            StateHash = state.StateHash,
            Nonce = state.Nonce,
            PlatformId = state.PlatformId,
            Issuer = state.Issuer,
            ClientId = state.ClientId,
            DeploymentIdHint = state.DeploymentIdHint,
            TargetLinkUri = state.TargetLinkUri,
            BrowserBindingHash = state.BrowserBindingHash,
            ExpiresAt = state.ExpiresAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// One DELETE that returns the deleted row (SQLite RETURNING, SQL Server OUTPUT): of two racing
    /// consumers only one gets it, and a launch costs a single statement.
    /// </summary>
    public async ValueTask<LoginState?> ConsumeAsync(string stateHash, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var sql = db.Database.IsSqlServer()
            ? "DELETE FROM [LoginStates] OUTPUT DELETED.* WHERE [StateHash] = {0}"
            : "DELETE FROM \"LoginStates\" WHERE \"StateHash\" = {0} RETURNING *";
        var rows = await db.LoginStates.FromSqlRaw(sql, stateHash).AsNoTracking().AsAsyncEnumerable().ToListAsync(cancellationToken);
        if (rows.Count != 1)
        {
            return null;
        }
        var row = rows[0];
        return new LoginState(row.StateHash, row.Nonce, row.PlatformId, row.Issuer, row.ClientId, row.DeploymentIdHint, row.TargetLinkUri, row.BrowserBindingHash, row.ExpiresAt);
    }
}
