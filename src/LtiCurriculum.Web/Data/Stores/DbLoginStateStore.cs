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

    /// <summary>Read, then delete with a row count check: of two racing consumers only one deletes the row.</summary>
    public async ValueTask<LoginState?> ConsumeAsync(string stateHash, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.LoginStates.AsNoTracking().FirstOrDefaultAsync(s => s.StateHash == stateHash, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var deleted = await db.LoginStates.Where(s => s.StateHash == stateHash).ExecuteDeleteAsync(cancellationToken);
        if (deleted != 1)
        {
            return null;
        }
        return new LoginState(row.StateHash, row.Nonce, row.PlatformId, row.Issuer, row.ClientId, row.DeploymentIdHint, row.TargetLinkUri, row.BrowserBindingHash, row.ExpiresAt);
    }
}
