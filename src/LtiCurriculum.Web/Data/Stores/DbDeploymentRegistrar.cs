using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Install.Audit;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>Adds a deployment a verified launch named (Lti:AutoAddDeployments), audited with actor "launch".</summary>
internal sealed class DbDeploymentRegistrar(IDbContextFactory<LtiDbContext> contexts, IPlatformRegistrationStore registrations, AuditLog audit) : IDeploymentRegistrar
{
    public async ValueTask AddAsync(PlatformRegistration registration, string deploymentId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        db.Deployments.Add(new DeploymentEntity { PlatformId = registration.Id, DeploymentId = deploymentId });
        audit.Add(db, "launch", "deployment added", $"{registration.Issuer} {registration.ClientId} {deploymentId}", "deployment id unknown at launch; Lti:AutoAddDeployments is on");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another launch (or instance) added it first: the deployment exists, which is all this wanted.
        }
        (registrations as DbPlatformRegistrationStore)?.Invalidate();
    }
}
