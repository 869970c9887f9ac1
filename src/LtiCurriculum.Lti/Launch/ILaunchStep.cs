namespace LtiCurriculum.Lti.Launch;

/// <summary>One rule of launch validation; returns the reason it failed, or null to go on.</summary>
internal interface ILaunchStep
{
    string Name { get; }

    ValueTask<LaunchFailure?> RunAsync(LaunchValidationContext context, CancellationToken cancellationToken);
}

/// <summary>A step that needs no I/O.</summary>
internal abstract class SyncLaunchStep : ILaunchStep
{
    public abstract string Name { get; }

    public ValueTask<LaunchFailure?> RunAsync(LaunchValidationContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Run(context));

    protected abstract LaunchFailure? Run(LaunchValidationContext context);
}
