using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LtiCurriculum.DevPlatform.Tests;

/// <summary>
/// A platform of its own for one test, with the tool's JWKS served on the same origin, and the calls a tool and a
/// test make: token requests, AGS calls with a bearer token, control calls, gradebook.json.
/// </summary>
internal sealed class AgsHost : IAsyncDisposable
{
    public const string LineItemScope = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public const string LineItemReadOnlyScope = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    public const string ResultScope = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    public const string ScoreScope = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public const string LineItemType = "application/vnd.ims.lis.v2.lineitem+json";
    public const string ScoreType = "application/vnd.ims.lis.v1.score+json";

    private AgsHost(DevPlatformHost host, ToolJwks jwks)
    {
        Host = host;
        Jwks = jwks;
    }

    public DevPlatformHost Host { get; }

    public ToolJwks Jwks { get; }

    public string Issuer => Host.Issuer;

    public string TokenUrl => Issuer + "/token";

    public DateTimeOffset Now => Host.Clock.GetUtcNow();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<AgsHost> StartAsync(
        string style = "standard", IDictionary<string, string?>? settings = null, Action<Microsoft.AspNetCore.Builder.WebApplication>? mapMore = null)
    {
        var jwks = new ToolJwks();
        var all = new Dictionary<string, string?> { ["DevPlatform:GradebookStyle"] = style };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new AgsHost(await DevPlatformHost.StartAsync(all, mapTool: app =>
        {
            jwks.Map(app);
            mapMore?.Invoke(app);
        }), jwks);
    }

    public string Assertion(Action<Dictionary<string, object>>? change = null) =>
        ClientAssertion.Sign(Jwks.Key.SigningCredentials, TokenUrl, Now, change);

    public static Dictionary<string, string> TokenForm(string assertion, string scope) => new()
    {
        ["grant_type"] = "client_credentials",
        ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        ["client_assertion"] = assertion,
        ["scope"] = scope,
    };

    public Task<HttpResponseMessage> RequestTokenAsync(IDictionary<string, string> form) =>
        Host.Client.PostAsync(TokenUrl, new FormUrlEncodedContent(form), Cancel);

    public async Task<string> TokenAsync(params string[] scopes)
    {
        var requested = scopes.Length == 0 ? [LineItemScope, ResultScope, ScoreScope] : scopes;
        var response = await RequestTokenAsync(TokenForm(Assertion(), string.Join(' ', requested)));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("access_token").GetString()!;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? token, string? json = null, string? mediaType = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType ?? "application/json");
        }

        return await Host.Client.SendAsync(request, Cancel);
    }

    public Task<HttpResponseMessage> CreateLineItemAsync(string containerUrl, string token, object lineItem) =>
        SendAsync(HttpMethod.Post, containerUrl, token, JsonSerializer.Serialize(lineItem), LineItemType);

    /// <summary>POSTs a score to {lineitem}/scores, inserting the path before the query as a tool must.</summary>
    public Task<HttpResponseMessage> PostScoreAsync(string lineItemUrl, string token, object score, string mediaType = ScoreType) =>
        SendAsync(HttpMethod.Post, Insert(lineItemUrl, "/scores"), token, JsonSerializer.Serialize(score), mediaType);

    public Task<HttpResponseMessage> GetResultsAsync(string lineItemUrl, string token, string query = "") =>
        SendAsync(HttpMethod.Get, Insert(lineItemUrl, "/results") + query, token);

    public Task<HttpResponseMessage> ControlAsync(HttpMethod method, string path, object? body = null) =>
        SendAsync(method, Issuer + "/control/" + path, null, body is null ? null : JsonSerializer.Serialize(body));

    public async Task<JsonElement> GradebookAsync(string query = "") =>
        await JsonAsync(await Host.Client.GetAsync(Issuer + "/gradebook.json" + query, Cancel));

    public async Task<JsonElement> LaunchAgsClaimAsync(string user = "learner-ana", string course = "med-501", string? link = "link-cc-1",
        string messageType = LtiMessageTypes.ResourceLinkRequest)
    {
        var idToken = await new LaunchFlow(Host).LaunchAsync(user, course, link, messageType);
        return LaunchFlow.Payload(idToken).GetProperty("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint");
    }

    public string Container(string course = "med-501") => $"{Issuer}/ags/{course}/lineitems";

    public static object Score(string userId = "dev-user-1001", string timestamp = "2026-03-01T10:00:00.000Z", decimal? given = 8,
        decimal? maximum = 10, string grading = "FullyGraded", string activity = "Completed") =>
        new Dictionary<string, object?>
        {
            ["userId"] = userId, ["timestamp"] = timestamp, ["scoreGiven"] = given, ["scoreMaximum"] = maximum,
            ["gradingProgress"] = grading, ["activityProgress"] = activity,
        }.Where(pair => pair.Value is not null).ToDictionary();

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();

    public static string Insert(string url, string path)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? url + path : url[..query] + path + url[query..];
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Jwks.Dispose();
    }
}
