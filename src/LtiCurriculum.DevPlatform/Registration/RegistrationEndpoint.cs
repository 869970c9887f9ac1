using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// POST {issuer}/registration/{flavour}/register: the registration_endpoint (LTI Dynamic Registration 1.0 §3.5).
/// Needs a registration token this platform issued (401 otherwise; a Moodle token whose client id is already registered
/// is <c>token_already_used</c>), a JSON body, and a registration the flavour accepts (<see cref="ToolRegistrationRequest"/>).
/// Answers 200 with the registration as the platform keeps it, its <c>client_id</c>, and the tool configuration's
/// <c>deployment_id</c> (§3.6.2).
/// </summary>
internal static class RegistrationEndpoint
{
    /// <summary>Moodle's answer lists these claims whatever the tool asked, from an assignment written as a comparison.</summary>
    private static readonly string[] MoodleEchoedClaims = ["sub", "iss", "name", "given_name", "family_name", "middle_name", "email"];

    public static async Task<IResult> HandleAsync(
        HttpContext context, string flavour, RegistrationTokens tokens, DynamicRegistrations registrations, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        var request = context.Request;
        var known = RegistrationNames.Normalize(flavour);
        if (known is null)
        {
            return ControlJson.Problem($"flavour must be {string.Join(" or ", RegistrationNames.Flavours)}", StatusCodes.Status404NotFound);
        }

        var logger = loggerFactory.CreateLogger(DevPlatformLog.Category);
        var token = RegistrationAnswers.BearerToken(request);
        if (token is null)
        {
            return Refused(logger, known, StatusCodes.Status401Unauthorized, new RegistrationProblem("missing_registration_token", "send Authorization: Bearer <registration_token>"));
        }

        string clientId;
        if (known == RegistrationNames.Moodle)
        {
            var (promised, problem) = await tokens.ReadMoodleTokenAsync(token);
            if (promised is null)
            {
                return Refused(logger, known, StatusCodes.Status401Unauthorized, new RegistrationProblem("invalid_registration_token", problem!));
            }

            if (registrations.Find(promised) is not null)
            {
                return Refused(logger, known, StatusCodes.Status401Unauthorized, TokenAlreadyUsed);
            }

            clientId = promised;
        }
        else if (tokens.IsCanvasTokenValid(token))
        {
            clientId = registrations.NextCanvasClientId();
        }
        else
        {
            return Refused(logger, known, StatusCodes.Status401Unauthorized, new RegistrationProblem("invalid_registration_token", "the registration token is unknown or expired"));
        }

        if (!AgsJson.HasMediaType(request, "application/json"))
        {
            return Refused(logger, known, StatusCodes.Status415UnsupportedMediaType, new RegistrationProblem("invalid_request", "send the registration with Content-Type: application/json"));
        }

        var body = await AgsJson.ReadObjectAsync(request, context.RequestAborted);
        if (body is null)
        {
            return Refused(logger, known, StatusCodes.Status400BadRequest, new RegistrationProblem("invalid_request", $"the body must be one JSON object of at most {AgsJson.MaxBodyBytes / 1024} KiB"));
        }

        var (tool, problems) = ToolRegistrationRequest.Read(body.Value, known);
        if (tool is null)
        {
            return Refused(logger, known, known == RegistrationNames.Canvas ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest, [.. problems]);
        }

        var registration = new DynamicRegistration(clientId, registrations.NextDeploymentId(known), known, tool.ClientName, tool.InitiateLoginUri, tool.RedirectUris,
            tool.JwksUri, tool.TargetLinkUri, tool.Scopes, tool.Messages, tool.Claims, timeProvider.GetUtcNow());
        if (!registrations.TryAdd(registration))
        {
            return registrations.IsFull
                ? Refused(logger, known, StatusCodes.Status409Conflict, new RegistrationProblem("too_many_registrations", $"this platform keeps at most {DynamicRegistrations.Capacity} registrations; restart it"))
                : Refused(logger, known, StatusCodes.Status401Unauthorized, TokenAlreadyUsed);
        }

        logger.ToolRegistered(known, registration.ClientId, registration.DeploymentId);
        var answer = known == RegistrationNames.Moodle ? MoodleAnswer(registration, body.Value) : CanvasAnswer(registration, body.Value);
        return Results.Text(answer.ToJsonString(AgsJson.Options), "application/json");
    }

    private static readonly RegistrationProblem TokenAlreadyUsed = new("token_already_used", "this registration token was used already: Moodle takes one registration per token");

    private static IResult Refused(ILogger logger, string flavour, int statusCode, params RegistrationProblem[] problems)
    {
        logger.RegistrationRefused(flavour, statusCode, problems[0].Code);
        return RegistrationAnswers.Refuse(flavour, statusCode, problems);
    }

    /// <summary>Moodle answers with the tool type it made, not the request (registration_helper::config_to_registration).</summary>
    private static JsonObject MoodleAnswer(DynamicRegistration registration, System.Text.Json.JsonElement body)
    {
        var tool = JsonObject.Create(body.GetProperty(RegistrationNames.ToolConfiguration))!;
        var configuration = new JsonObject
        {
            ["deployment_id"] = registration.DeploymentId,
            ["target_link_uri"] = registration.TargetLinkUri,
            ["domain"] = tool["domain"]?.DeepClone(),
            ["description"] = tool["description"]?.DeepClone() ?? string.Empty,
        };
        if (registration.Messages.Count > 0)
        {
            configuration["messages"] = new JsonArray([.. registration.Messages.Select(message => (JsonNode)WithoutNulls(new JsonObject
            {
                ["type"] = message.Type,
                ["target_link_uri"] = message.TargetLinkUri,
            }))]);
        }

        if (tool["custom_parameters"] is JsonObject custom && custom.Count > 0)
        {
            configuration["custom_parameters"] = custom.DeepClone();
        }

        configuration["claims"] = Strings(MoodleEchoedClaims);
        return new JsonObject
        {
            ["client_id"] = registration.ClientId,
            ["response_types"] = Strings(["id_token"]),
            ["jwks_uri"] = registration.JwksUri,
            ["initiate_login_uri"] = registration.InitiateLoginUri,
            ["grant_types"] = Strings(["client_credentials", "implicit"]),
            ["redirect_uris"] = Strings(registration.RedirectUris),
            ["application_type"] = Strings(["web"]),
            ["token_endpoint_auth_method"] = "private_key_jwt",
            ["client_name"] = registration.ClientName,
            ["logo_uri"] = body.TryGetProperty("logo_uri", out var logo) ? JsonNode.Parse(logo.GetRawText()) : string.Empty,
            ["scope"] = string.Join(' ', registration.Scopes),
            [RegistrationNames.ToolConfiguration] = configuration,
        };
    }

    /// <summary>Canvas answers with the registration as sent plus client_id; the deployment id rides in the tool configuration.</summary>
    private static JsonObject CanvasAnswer(DynamicRegistration registration, System.Text.Json.JsonElement body)
    {
        var answer = JsonObject.Create(body)!.DeepClone().AsObject();
        answer["client_id"] = registration.ClientId;
        answer[RegistrationNames.ToolConfiguration]!.AsObject()["deployment_id"] = registration.DeploymentId;
        return answer;
    }

    private static JsonObject WithoutNulls(JsonObject value)
    {
        foreach (var name in value.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
        {
            value.Remove(name);
        }

        return value;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode?)JsonValue.Create(value))]);
}
