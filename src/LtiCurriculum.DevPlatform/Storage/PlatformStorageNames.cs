namespace LtiCurriculum.DevPlatform;

/// <summary>Names of LTI Client Side postMessages 0.1 and Platform Storage 0.1 as Canvas uses them.</summary>
internal static class PlatformStorageNames
{
    public const string TargetParameter = "lti_storage_target";

    /// <summary>The named frame Canvas serves storage from (its doc "Using window.postMessage in LTI Tools").</summary>
    public const string ForwardingFrame = "post_message_forwarding";
}
