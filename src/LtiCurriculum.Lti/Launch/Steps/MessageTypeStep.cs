using LtiCurriculum.Lti.Claims;

namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>[22] message_type is one the tool handles.</summary>
internal sealed class MessageTypeStep : SyncLaunchStep
{
    public override string Name => "message-type";

    protected override LaunchFailure? Run(LaunchValidationContext context) => context.Claims.MessageType switch
    {
        null or "" => LaunchFailures.MessageTypeMissing,
        LtiMessageTypes.ResourceLinkRequest or LtiMessageTypes.DeepLinkingRequest => null,
        _ => LaunchFailures.MessageTypeUnsupported,
    };
}
