namespace LtiCurriculum.DevPlatform;

/// <summary>The parameters of the third-party initiated login the platform sends to the tool (LTI Core 1.3 §4.1).</summary>
internal static class LoginInitiation
{
    public static List<KeyValuePair<string, string>> Parameters(
        PlatformUrls urls, ToolClient client, DemoUser user, string messageHint, string loginStyle, string targetLinkUri)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("iss", urls.Issuer),
            new("login_hint", user.LoginHint),
            // The link's own URL when deep linking gave it one, as in the id_token (LTI Core 1.3 §5.1.3).
            new("target_link_uri", targetLinkUri),
            new("lti_message_hint", messageHint),
            new("client_id", client.ClientId),
            new("lti_deployment_id", client.DeploymentId),
        };
        if (loginStyle == LoginStyles.Get)
        {
            parameters.Add(new("canvas_region", "unknown"));
            parameters.Add(new("canvas_environment", "production"));
            parameters.Add(new(PlatformStorageNames.TargetParameter, "_parent"));
        }

        return parameters;
    }
}
