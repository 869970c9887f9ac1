namespace LtiCurriculum.Lti.Storage;

/// <summary>Implemented by the host: records a deployment a verified launch named (see <see cref="LtiToolOptions.AutoAddDeployments"/>).</summary>
public interface IDeploymentRegistrar
{
    /// <summary>Adds the deployment to the registration; adding one that already exists is not an error.</summary>
    ValueTask AddAsync(PlatformRegistration registration, string deploymentId, CancellationToken cancellationToken);
}
