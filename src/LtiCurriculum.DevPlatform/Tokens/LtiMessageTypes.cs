namespace LtiCurriculum.DevPlatform;

/// <summary>The LTI message types this platform starts.</summary>
public static class LtiMessageTypes
{
    public const string ResourceLinkRequest = "LtiResourceLinkRequest";
    public const string DeepLinkingRequest = "LtiDeepLinkingRequest";

    public static bool IsKnown(string? value) => value is ResourceLinkRequest or DeepLinkingRequest;
}
