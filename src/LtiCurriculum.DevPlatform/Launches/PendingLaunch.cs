namespace LtiCurriculum.DevPlatform;

/// <summary>
/// A launch the platform started and the tool has not yet asked to authorize. <see cref="AcceptMultiple"/> is the
/// deep_linking_settings <c>accept_multiple</c> of a deep linking request; <see cref="Registration"/> the tool registered by
/// dynamic registration the launch goes to (null: the built-in tool); <see cref="StorageTarget"/> the
/// <c>lti_storage_target</c> the launch offered (Canvas posts it with the id_token too).
/// </summary>
internal sealed record PendingLaunch(
    string Origin,
    DemoCourse Course,
    DemoLink? Link,
    DemoUser User,
    string MessageType,
    string Locale,
    bool AcceptMultiple = true,
    DynamicRegistration? Registration = null,
    string? StorageTarget = null);
