namespace LtiCurriculum.DevPlatform;

/// <summary>A language a launch can ask for; <see cref="Name"/> is written in that language.</summary>
public sealed record DemoLocale(string Code, string Name);
