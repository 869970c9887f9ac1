using System.Text.Json;

namespace LtiCurriculum.Lti.Registration;

/// <summary>
/// What the tool takes from the platform's registration answer (LTI Dynamic Registration 1.0 §3.6): the client id and,
/// when given, the deployment id. The echoed rest is not trusted: Moodle lists claims it will not send and returns
/// <c>application_type</c> as an array.
/// </summary>
public sealed record ClientRegistrationResponse(string ClientId, string? DeploymentId)
{
    /// <summary>The answer, or null when it has no usable client_id.</summary>
    public static ClientRegistrationResponse? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Identifier(root, "client_id") is not { } clientId)
            {
                return null;
            }
            var deploymentId = root.TryGetProperty(ClientRegistrationBody.ToolConfigurationName, out var configuration) && configuration.ValueKind == JsonValueKind.Object
                ? Identifier(configuration, "deployment_id")
                : null;
            return new ClientRegistrationResponse(clientId, deploymentId);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string or a number (some platforms send numeric ids), at most 255 characters.</summary>
    private static string? Identifier(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return text is { Length: > 0 and <= 255 } ? text : null;
    }
}
