namespace LtiCurriculum.DevPlatform;

/// <summary>A launch the platform started and the tool has not yet asked to authorize.</summary>
internal sealed record PendingLaunch(
    string Origin,
    DemoCourse Course,
    DemoLink? Link,
    DemoUser User,
    string MessageType,
    string Locale);
