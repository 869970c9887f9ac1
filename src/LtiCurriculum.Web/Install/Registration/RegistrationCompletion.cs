using LtiCurriculum.Lti.Registration;
using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Data.Stores;
using LtiCurriculum.Web.Install.Audit;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Install.Registration;

/// <summary>
/// Saves what a dynamic registration produced in one transaction: the platform, its deployment, the pending row's
/// outcome and the audit entry — all or nothing. Registering the same issuer and client id again updates that row.
/// </summary>
internal sealed class RegistrationCompletion(IDbContextFactory<LtiDbContext> contexts, WriteTransactions writes, IPlatformRegistrationStore registrations, AuditLog audit, TimeProvider time)
{
    /// <summary>The <see cref="PlatformEntity.Source"/> of a platform registered this way.</summary>
    public const string PlatformSource = "registration";

    public async Task<PlatformEntity> SaveAsync(PendingRegistrationEntity pending, PlatformConfiguration configuration, ClientRegistrationResponse response, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        // WriteTransactions: SQLite's one writer, or the server provider's retrying strategy around the whole unit.
        var platform = await writes.RunAsync(db, ct => SaveInAsync(db, pending, configuration, response, ct), cancellationToken);
        (registrations as DbPlatformRegistrationStore)?.Invalidate();
        return platform;
    }

    private async Task<PlatformEntity> SaveInAsync(LtiDbContext db, PendingRegistrationEntity pending, PlatformConfiguration configuration, ClientRegistrationResponse response, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var issuer = configuration.Issuer!;
        var platform = await db.Platforms.Include(p => p.Deployments)
            .FirstOrDefaultAsync(p => p.Issuer == issuer && p.ClientId == response.ClientId, cancellationToken);
        // Endpoints are set below for new and existing rows alike.
        platform ??= db.Platforms.Add(new PlatformEntity
        {
            Issuer = issuer, ClientId = response.ClientId, AuthorizationEndpoint = "", TokenEndpoint = "", JwksUri = "", Source = PlatformSource, CreatedAt = now,
        }).Entity;
        platform.AuthorizationEndpoint = configuration.AuthorizationEndpoint!;
        platform.TokenEndpoint = configuration.TokenEndpoint!;
        platform.JwksUri = configuration.JwksUri!;
        // The client assertion's aud (see Lti/Ags/ClientAssertion) is the token endpoint, unless the platform names
        // another authorization server as a URL. Canvas advertises a bare host ("canvas.instructure.com") there while
        // its token endpoint checks aud against its own token URL, so a bare host is not an audience.
        platform.TokenAudience = Uri.TryCreate(configuration.AuthorizationServer, UriKind.Absolute, out var server)
            && server.Scheme is "https" or "http" && configuration.AuthorizationServer != configuration.TokenEndpoint
            ? configuration.AuthorizationServer
            : null;
        platform.ProductFamily = configuration.ProductFamily;
        platform.Source = PlatformSource;
        platform.IsDisabled = false;
        platform.UpdatedAt = now;
        if (response.DeploymentId is { } deploymentId && platform.Deployments.All(d => d.DeploymentId != deploymentId))
        {
            platform.Deployments.Add(new DeploymentEntity { DeploymentId = deploymentId });
        }
        await db.SaveChangesAsync(cancellationToken);

        await db.PendingRegistrations.Where(p => p.Id == pending.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.PlatformId, platform.Id).SetProperty(p => p.CompletedAt, now), cancellationToken);
        audit.Add(db, "registration", "dynamic registration", $"{issuer} {response.ClientId}",
            $"openid configuration {pending.OpenIdConfigurationUrl}; product family {configuration.ProductFamily ?? "unknown"}"
            + (response.DeploymentId is null ? "" : $"; deployment {response.DeploymentId}"));
        await db.SaveChangesAsync(cancellationToken);
        return platform;
    }
}
