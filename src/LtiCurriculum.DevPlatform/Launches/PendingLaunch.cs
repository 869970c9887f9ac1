namespace LtiCurriculum.DevPlatform;

/// <summary>
/// A launch the platform started and the tool has not yet asked to authorize. <see cref="AcceptMultiple"/> is the
/// deep_linking_settings <c>accept_multiple</c> of a deep linking request.
/// </summary>
internal sealed record PendingLaunch(
    string Origin,
    DemoCourse Course,
    DemoLink? Link,
    DemoUser User,
    string MessageType,
    string Locale,
    bool AcceptMultiple = true);
