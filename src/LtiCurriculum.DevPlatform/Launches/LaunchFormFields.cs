namespace LtiCurriculum.DevPlatform;

/// <summary>Names of the fields the home page posts to start a launch.</summary>
internal static class LaunchFormFields
{
    public const string Course = "course";
    public const string Link = "link";
    public const string User = "user";
    public const string MessageType = "message_type";
    public const string Locale = "locale";
    public const string Style = "style";

    /// <summary>Deep linking only: <c>true</c> (default) or <c>false</c>, sent as deep_linking_settings accept_multiple.</summary>
    public const string AcceptMultiple = "accept_multiple";

    /// <summary>Optional: the client id of a tool registered by dynamic registration; the launch goes to that tool.</summary>
    public const string ClientId = "client_id";
}
