using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// {issuer}/control/registrations: POST starts a dynamic registration as an admin would (a registration token and the
/// URL to open the tool's registration page with, LTI Dynamic Registration 1.0 §3.3); GET lists the tools registered.
/// </summary>
internal static class RegistrationsControl
{
    public static void Map(RouteGroupBuilder control)
    {
        control.MapPost("/registrations", StartAsync);
        control.MapGet("/registrations", (DynamicRegistrations registrations) => Results.Json(registrations.All(), ControlJson.Options));
    }

    /// <summary>The registration token and the initiation URL for <paramref name="toolRegistrationUrl"/>; null with the problem when it is bad.</summary>
    public static (RegistrationStart? Start, string? Problem) Start(
        string? flavour, string? toolRegistrationUrl, PlatformUrls urls, RegistrationTokens tokens)
    {
        var known = RegistrationNames.Normalize(flavour);
        if (known is null)
        {
            return (null, $"flavour must be {string.Join(" or ", RegistrationNames.Flavours)}");
        }

        if (!Uri.TryCreate(toolRegistrationUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, "toolRegistrationUrl must be the tool's absolute http or https registration URL");
        }

        var configuration = urls.OpenIdConfiguration(known);
        var token = tokens.Issue(known, urls.Issuer);

        // AddQueryString joins with '&' when the URL already has a query, and keeps a fragment at the end.
        var initiation = QueryHelpers.AddQueryString(toolRegistrationUrl!, new Dictionary<string, string?>
        {
            ["openid_configuration"] = configuration,
            ["registration_token"] = token,
        });
        return (new RegistrationStart(initiation, configuration, token), null);
    }

    private static async Task<IResult> StartAsync(HttpRequest request, RegistrationTokens tokens)
    {
        var (body, refusal) = await ControlJson.ReadAsync<StartBody>(request);
        if (body is null)
        {
            return refusal!;
        }

        var (start, problem) = Start(body.Flavour, body.ToolRegistrationUrl, PlatformUrls.For(request), tokens);
        return start is null ? ControlJson.Problem(problem!) : Results.Json(start, ControlJson.Options);
    }

    private sealed record StartBody(
        [property: JsonPropertyName("flavour")] string? Flavour,
        [property: JsonPropertyName("toolRegistrationUrl")] string? ToolRegistrationUrl);
}

/// <summary>A started registration: the URL that opens the tool's registration page, and what it carries.</summary>
internal sealed record RegistrationStart(
    [property: JsonPropertyName("initiationUrl")] string InitiationUrl,
    [property: JsonPropertyName("openidConfiguration")] string OpenIdConfiguration,
    [property: JsonPropertyName("registrationToken")] string RegistrationToken);
