using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform.Tests;

/// <summary>
/// Plays the tool's side of deep linking against an <see cref="AgsHost"/> (whose tool JWKS the platform trusts): starts
/// a deep linking launch, signs an LtiDeepLinkingResponse with the tool's key, posts it to the deep_link_return_url.
/// </summary>
internal static partial class DeepLinkingResponse
{
    public const string ContentItems = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
    public const string Data = "https://purl.imsglobal.org/spec/lti-dl/claim/data";
    public const string Msg = "https://purl.imsglobal.org/spec/lti-dl/claim/msg";
    public const string ErrorMsg = "https://purl.imsglobal.org/spec/lti-dl/claim/errormsg";
    public const string MessageType = "https://purl.imsglobal.org/spec/lti/claim/message_type";
    public const string Version = "https://purl.imsglobal.org/spec/lti/claim/version";
    public const string DeploymentId = "https://purl.imsglobal.org/spec/lti/claim/deployment_id";
    public const string Settings = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A deep linking launch as the instructor; returns the request's deep_linking_settings.</summary>
    public static async Task<JsonElement> RequestAsync(AgsHost ags, string course = "med-501", bool? acceptMultiple = null)
    {
        var idToken = await new LaunchFlow(ags.Host).LaunchAsync("instructor-lee", course, null, LtiMessageTypes.DeepLinkingRequest, acceptMultiple: acceptMultiple);
        return LaunchFlow.Payload(idToken).GetProperty(Settings).Clone();
    }

    /// <summary>The claims a correct tool sends back for <paramref name="settings"/>, carrying <paramref name="items"/>.</summary>
    public static Dictionary<string, object> Claims(AgsHost ags, JsonElement settings, params object[] items) => new(StringComparer.Ordinal)
    {
        ["iss"] = ClientAssertion.ClientId,
        ["aud"] = ags.Issuer,
        ["iat"] = ags.Now.ToUnixTimeSeconds(),
        ["exp"] = ags.Now.AddMinutes(5).ToUnixTimeSeconds(),
        ["nonce"] = Guid.NewGuid().ToString("N"),
        [MessageType] = "LtiDeepLinkingResponse",
        [Version] = "1.3.0",
        [DeploymentId] = "dev-deployment-1",
        [Data] = settings.GetProperty("data").GetString()!,
        [ContentItems] = items.Select(ToClaimValue).ToArray(),
    };

    public static string Sign(SigningCredentials credentials, Dictionary<string, object> claims) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = credentials,
        });

    public static Task<HttpResponseMessage> PostAsync(AgsHost ags, string jwt) =>
        ags.Host.Client.PostAsync(ags.Issuer + "/deep-link-return", new FormUrlEncodedContent(new Dictionary<string, string> { ["JWT"] = jwt }), Cancel);

    /// <summary>Signs with the tool's published key and posts; the page's HTML.</summary>
    public static async Task<string> ReturnAsync(AgsHost ags, Dictionary<string, object> claims, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await PostAsync(ags, Sign(ags.Jwks.Key.SigningCredentials, claims));
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {html}");
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>The check a refusal page names in <c>data-check</c>.</summary>
    public static string FailedCheck(string html) => FailedCheckPattern().Match(html).Groups["check"].Value;

    public static async Task<JsonElement> LinksAsync(AgsHost ags, string course = "med-501") =>
        await AgsHost.JsonAsync(await ags.Host.Client.GetAsync($"{ags.Issuer}/courses/{course}/links.json", Cancel));

    public static JsonElement[] MadeLinks(JsonElement links) =>
        [.. links.GetProperty("links").EnumerateArray().Where(link => link.GetProperty("createdByDeepLinking").GetBoolean())];

    /// <summary>Content items as the token handler writes JSON: objects as dictionaries, arrays as arrays.</summary>
    private static object ToClaimValue(object item) =>
        JsonSerializer.Deserialize<Dictionary<string, object>>(JsonSerializer.Serialize(item))!
            .ToDictionary(pair => pair.Key, pair => Plain((JsonElement)pair.Value));

    private static object Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(property => property.Name, property => Plain(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToArray(),
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => string.Empty,
    };

    [GeneratedRegex("data-check=\"(?<check>[^\"]*)\"")]
    private static partial Regex FailedCheckPattern();
}
