using System.Text.Json;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// A tool's registration request (LTI Dynamic Registration 1.0 §3.5.1) checked as the flavour's platform checks it.
/// Moodle (<c>registration_helper::registration_to_config</c>): response_types with id_token, initiate_login_uri,
/// redirect_uris as an array, client_name, jwks_uri, token_endpoint_auth_method private_key_jwt, the tool
/// configuration with domain and target_link_uri, application_type web when sent; it stops at the first problem.
/// Canvas (<c>doc/api/registration.md</c>) also requires application_type, grant_types with implicit and
/// client_credentials, scope, and the tool configuration's messages and claims, and lists every problem.
/// Both: the URLs must be absolute http(s) URLs, so a launch can use them.
/// </summary>
internal sealed record ToolRegistrationRequest(
    JsonElement Body,
    string ClientName,
    string InitiateLoginUri,
    IReadOnlyList<string> RedirectUris,
    string JwksUri,
    string TargetLinkUri,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<RegisteredMessage> Messages,
    IReadOnlyList<string> Claims)
{
    public static (ToolRegistrationRequest? Request, IReadOnlyList<RegistrationProblem> Problems) Read(JsonElement body, string flavour)
    {
        var canvas = flavour == RegistrationNames.Canvas;
        var problems = new List<RegistrationProblem>();
        foreach (var name in new[] { "response_types", "initiate_login_uri", "redirect_uris", "client_name", "jwks_uri", "token_endpoint_auth_method" })
        {
            Require(problems, body, name);
        }

        var tool = body.TryGetProperty(RegistrationNames.ToolConfiguration, out var found) && found.ValueKind == JsonValueKind.Object ? found : (JsonElement?)null;
        if (tool is null)
        {
            problems.Add(Missing(RegistrationNames.ToolConfiguration));
        }
        else
        {
            Require(problems, tool.Value, "domain");
            Require(problems, tool.Value, "target_link_uri");
        }

        if (Strings(body, "response_types") is { } responseTypes && !responseTypes.Contains("id_token"))
        {
            problems.Add(new("invalid_response_types", "response_types must contain \"id_token\""));
        }

        if (body.TryGetProperty("redirect_uris", out var redirects)
            && (redirects.ValueKind != JsonValueKind.Array || redirects.EnumerateArray().Any(uri => uri.ValueKind != JsonValueKind.String)))
        {
            problems.Add(new("invalid_redirect_uris", "redirect_uris must be an array of URLs"));
        }

        if (Text(body, "token_endpoint_auth_method") is { } method && method != "private_key_jwt")
        {
            problems.Add(new("invalid_token_endpoint_auth_method", "token_endpoint_auth_method must be \"private_key_jwt\""));
        }

        var applicationType = Text(body, "application_type");
        if ((applicationType is not null || canvas) && applicationType != "web")
        {
            problems.Add(new("invalid_application_type", canvas && applicationType is null ? "application_type is required: \"web\"" : "application_type must be \"web\""));
        }

        if (canvas)
        {
            CheckCanvas(problems, body, tool);
        }

        var redirectUris = Strings(body, "redirect_uris") ?? [];
        CheckUrl(problems, "initiate_login_uri", Text(body, "initiate_login_uri"));
        CheckUrl(problems, "jwks_uri", Text(body, "jwks_uri"));
        CheckUrl(problems, "target_link_uri", tool is null ? null : Text(tool.Value, "target_link_uri"));
        foreach (var uri in redirectUris)
        {
            CheckUrl(problems, "redirect_uris", uri);
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var requestedScopes = (Text(body, "scope") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var messages = ReadMessages(tool!.Value);
        return (new ToolRegistrationRequest(
            body, Text(body, "client_name")!, Text(body, "initiate_login_uri")!, redirectUris, Text(body, "jwks_uri")!, Text(tool.Value, "target_link_uri")!,
            canvas ? [.. requestedScopes.Distinct(StringComparer.Ordinal)] : MoodleScopes(requestedScopes),
            canvas ? messages : [.. messages.Where(message => message.Type == LtiMessageTypes.DeepLinkingRequest)],
            Strings(tool.Value, "claims") ?? []), problems);
    }

    /// <summary>Moodle turns scopes into settings and grants what the settings allow (registration_helper::config_to_registration).</summary>
    private static List<string> MoodleScopes(string[] requested)
    {
        var scopes = new List<string>();
        if (requested.Any(scope => AgsScopes.Offered.Contains(scope)))
        {
            scopes.AddRange([AgsScopes.Score, AgsScopes.ResultReadOnly, AgsScopes.LineItemReadOnly]);
        }

        if (requested.Contains(AgsScopes.LineItem))
        {
            scopes.Add(AgsScopes.LineItem);
        }

        if (requested.Contains(NrpsNames.Scope))
        {
            scopes.Add(NrpsNames.Scope);
        }

        if (requested.Contains(RegistrationNames.ToolSettingsScope))
        {
            scopes.Add(RegistrationNames.ToolSettingsScope);
        }

        return scopes;
    }

    private static void CheckCanvas(List<RegistrationProblem> problems, JsonElement body, JsonElement? tool)
    {
        var grants = Strings(body, "grant_types");
        if (grants is null || !grants.Contains("implicit") || !grants.Contains("client_credentials"))
        {
            problems.Add(new("invalid_grant_types", "grant_types is required and must contain \"implicit\" and \"client_credentials\""));
        }

        if (!body.TryGetProperty("scope", out var scope) || scope.ValueKind != JsonValueKind.String)
        {
            problems.Add(new("invalid_scope", "scope is required: a space-separated string of scopes"));
        }

        if (tool is null)
        {
            return;
        }

        if (!tool.Value.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            problems.Add(Missing($"{RegistrationNames.ToolConfiguration}.messages", "an array of messages"));
        }
        else if (messages.EnumerateArray().Any(message => message.ValueKind != JsonValueKind.Object || !LtiMessageTypes.IsKnown(Text(message, "type"))))
        {
            problems.Add(new("invalid_messages", $"each of {RegistrationNames.ToolConfiguration}.messages needs a type: {LtiMessageTypes.ResourceLinkRequest} or {LtiMessageTypes.DeepLinkingRequest}"));
        }

        if (Strings(tool.Value, "claims") is null)
        {
            problems.Add(Missing($"{RegistrationNames.ToolConfiguration}.claims", "an array of claim names"));
        }
    }

    private static List<RegisteredMessage> ReadMessages(JsonElement tool) =>
        tool.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
            ? [.. messages.EnumerateArray()
                .Where(message => message.ValueKind == JsonValueKind.Object && LtiMessageTypes.IsKnown(Text(message, "type")))
                .Select(message => new RegisteredMessage(Text(message, "type")!, Text(message, "target_link_uri"), Text(message, "label"), Strings(message, "placements") ?? []))]
            : [];

    private static void Require(List<RegistrationProblem> problems, JsonElement parent, string name)
    {
        var present = parent.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Length > 0,
            JsonValueKind.Array => value.GetArrayLength() > 0,
            JsonValueKind.Object => true,
            _ => false,
        };
        if (!present)
        {
            problems.Add(Missing(name));
        }
    }

    private static void CheckUrl(List<RegistrationProblem> problems, string name, string? value)
    {
        if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            problems.Add(new($"invalid_{name}", $"{name} must hold absolute http or https URLs; \"{value}\" is not one"));
        }
    }

    private static RegistrationProblem Missing(string name, string what = "a value") =>
        new($"missing required attribute {name}", $"{name} is required: {what}");

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string>? Strings(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)]
            : null;
}

/// <summary>What is wrong with a registration: Moodle's error code and a sentence naming the field.</summary>
internal sealed record RegistrationProblem(string Code, string Sentence);
