using System.Text.Json;
using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Lti.DeepLinking;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Lti.Tests.Harness;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.Tests.DeepLinking;

/// <summary>The signed LtiDeepLinkingResponse, decoded and verified with the tool's public key.</summary>
public sealed class DeepLinkingResponseTests
{
    private const string Issuer = "https://canvas.instructure.com";
    private const string ClientId = "10000000000042";
    private const string DeploymentId = "12:8865aa05b4b79b64a91a86042e43af5ea8ae79eb";
    private const string KeyId = "tool-key-2";
    private const string Dl = "https://purl.imsglobal.org/spec/lti-dl/claim/";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private static readonly ToolKey Key = new(KeyId, ((RsaSecurityKey)TestKey.Primary.Credentials().Key).Parameters, Now.AddDays(-30), IsCurrent: true);

    private static LtiResourceLinkItem Module(int n) => new()
    {
        Url = $"https://tool.example/lti/launch?module={n}",
        Title = $"Module {n}",
        Text = "Flipped-classroom pre-work",
        Custom = new Dictionary<string, string> { ["module"] = $"m{n}", ["pack"] = "cardio" },
        LineItem = new ContentItemLineItem(10m, $"Module {n} quiz", $"module-{n}", "pre-work", GradesReleased: true),
        Available = new TimeWindow(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2026, 12, 20, 23, 59, 0, TimeSpan.FromHours(1))),
        Submission = new TimeWindow(EndDateTime: new DateTimeOffset(2026, 12, 20, 23, 59, 0, TimeSpan.FromHours(1))),
        Iframe = new IframePresentation(800, 600),
    };

    private static DeepLinkingResponse Response(params ContentItem[] items) => new(Issuer, ClientId, DeploymentId, items);

    private string Sign(DeepLinkingResponse response) => new DeepLinkingResponseBuilder(_time).CreateJwt(response, Key);

    private static async Task<JsonWebToken> VerifiedAsync(string jwt)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = ClientId,
            ValidAudience = Issuer,
            IssuerSigningKey = new RsaSecurityKey(TestKey.Primary.PublicParameters) { KeyId = KeyId },
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateLifetime = false, // the fake clock is not the machine's; exp and iat are asserted below
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }

    private static JsonElement Payload(JsonWebToken token) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload)).RootElement;

    [Fact]
    public async Task One_item_response_carries_every_required_claim()
    {
        var token = await VerifiedAsync(Sign(Response(Module(1))));
        var payload = Payload(token);

        Assert.Equal(ClientId, payload.GetProperty("iss").GetString());
        Assert.Equal(Issuer, payload.GetProperty("aud").GetString());
        Assert.Equal("LtiDeepLinkingResponse", payload.GetProperty("https://purl.imsglobal.org/spec/lti/claim/message_type").GetString());
        Assert.Equal("1.3.0", payload.GetProperty("https://purl.imsglobal.org/spec/lti/claim/version").GetString());
        Assert.Equal(DeploymentId, payload.GetProperty("https://purl.imsglobal.org/spec/lti/claim/deployment_id").GetString());
        Assert.False(string.IsNullOrEmpty(payload.GetProperty("nonce").GetString()));
        Assert.False(payload.TryGetProperty("azp", out _));
        Assert.False(payload.TryGetProperty("nbf", out _));
        Assert.Single(payload.GetProperty(Dl + "content_items").EnumerateArray());
    }

    [Fact]
    public async Task Resource_link_item_is_written_as_the_spec_names_it()
    {
        var payload = Payload(await VerifiedAsync(Sign(Response(Module(1)))));
        var item = payload.GetProperty(Dl + "content_items")[0];

        Assert.Equal("""
            {"type":"ltiResourceLink","url":"https://tool.example/lti/launch?module=1","title":"Module 1","text":"Flipped-classroom pre-work","custom":{"module":"m1","pack":"cardio"},"lineItem":{"scoreMaximum":10,"label":"Module 1 quiz","resourceId":"module-1","tag":"pre-work","gradesReleased":true},"available":{"startDateTime":"2026-09-01T08:00:00+02:00","endDateTime":"2026-12-20T23:59:00+01:00"},"submission":{"endDateTime":"2026-12-20T23:59:00+01:00"},"iframe":{"width":800,"height":600}}
            """, item.GetRawText());
    }

    [Fact]
    public async Task Several_items_keep_their_order()
    {
        var payload = Payload(await VerifiedAsync(Sign(Response(Module(1), Module(2), Module(3)))));

        var titles = payload.GetProperty(Dl + "content_items").EnumerateArray().Select(i => i.GetProperty("title").GetString());
        Assert.Equal(["Module 1", "Module 2", "Module 3"], titles);
    }

    [Fact]
    public async Task Unset_members_are_left_out_and_url_is_always_written()
    {
        var bare = new LtiResourceLinkItem { Url = "https://tool.example/lti/launch" };
        var window = new LtiResourceLinkItem { Url = "https://tool.example/lti/launch", Window = new WindowPresentation("module", WindowFeatures: "width=800") };
        var link = new LinkItem { Url = "https://tool.example/syllabus", Title = "Syllabus" };

        var items = Payload(await VerifiedAsync(Sign(Response(bare, window, link)))).GetProperty(Dl + "content_items");

        Assert.Equal("""{"type":"ltiResourceLink","url":"https://tool.example/lti/launch"}""", items[0].GetRawText());
        Assert.Equal("""{"type":"ltiResourceLink","url":"https://tool.example/lti/launch","window":{"targetName":"module","windowFeatures":"width=800"}}""", items[1].GetRawText());
        Assert.Equal("""{"type":"link","url":"https://tool.example/syllabus","title":"Syllabus"}""", items[2].GetRawText());
    }

    [Theory]
    [InlineData("csrftoken:c7fbba78-7b75-46e3-9201-11e6d5f36f53")]
    [InlineData("{\"course\":7,\"return\":\"a&b<c>\"}")]
    [InlineData("Prüfung – Modul \u2603 \\ \"quoted\"")]
    [InlineData("")]
    public async Task Data_is_echoed_exactly(string data)
    {
        var payload = Payload(await VerifiedAsync(Sign(Response(Module(1)) with { Data = data })));

        Assert.Equal(data, payload.GetProperty(Dl + "data").GetString());
    }

    [Fact]
    public async Task Data_is_absent_when_the_request_had_none()
    {
        var payload = Payload(await VerifiedAsync(Sign(Response(Module(1)))));

        Assert.False(payload.TryGetProperty(Dl + "data", out _));
    }

    [Fact]
    public async Task Header_names_the_tool_key_and_the_algorithm()
    {
        var token = await VerifiedAsync(Sign(Response(Module(1))));

        Assert.Equal(KeyId, token.Kid);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal("JWT", token.Typ);
    }

    [Fact]
    public async Task Signature_does_not_verify_with_another_key()
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(Sign(Response(Module(1))), new TokenValidationParameters
        {
            ValidIssuer = ClientId,
            ValidAudience = Issuer,
            IssuerSigningKey = new RsaSecurityKey(TestKey.Attacker.PublicParameters) { KeyId = KeyId },
            ValidateLifetime = false,
        });

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Issued_a_few_seconds_in_the_past_and_expires_five_minutes_later()
    {
        var payload = Payload(await VerifiedAsync(Sign(Response(Module(1)))));
        var iat = payload.GetProperty("iat").GetInt64();
        var exp = payload.GetProperty("exp").GetInt64();

        Assert.InRange(Now.ToUnixTimeSeconds() - iat, 1, 30);
        Assert.Equal(300, exp - iat);
    }

    [Fact]
    public async Task Every_response_has_a_fresh_nonce()
    {
        var first = Payload(await VerifiedAsync(Sign(Response(Module(1))))).GetProperty("nonce").GetString();
        var second = Payload(await VerifiedAsync(Sign(Response(Module(1))))).GetProperty("nonce").GetString();

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Cancel_sends_an_empty_item_list_and_a_message()
    {
        var payload = Payload(await VerifiedAsync(Sign(Response() with { Message = "Nothing was added.", Log = "instructor cancelled" })));

        Assert.Equal(JsonValueKind.Array, payload.GetProperty(Dl + "content_items").ValueKind);
        Assert.Empty(payload.GetProperty(Dl + "content_items").EnumerateArray());
        Assert.Equal("Nothing was added.", payload.GetProperty(Dl + "msg").GetString());
        Assert.Equal("instructor cancelled", payload.GetProperty(Dl + "log").GetString());
        Assert.False(payload.TryGetProperty(Dl + "errormsg", out _));
        Assert.False(payload.TryGetProperty(Dl + "errorlog", out _));
    }

    [Fact]
    public async Task Error_response_carries_errormsg_and_errorlog()
    {
        var response = Response() with { ErrorMessage = "This course cannot take graded modules.", ErrorLog = "accept_types lacks ltiResourceLink" };

        var payload = Payload(await VerifiedAsync(Sign(response)));

        Assert.Equal("This course cannot take graded modules.", payload.GetProperty(Dl + "errormsg").GetString());
        Assert.Equal("accept_types lacks ltiResourceLink", payload.GetProperty(Dl + "errorlog").GetString());
        Assert.False(payload.TryGetProperty(Dl + "msg", out _));
        Assert.Empty(payload.GetProperty(Dl + "content_items").EnumerateArray());
    }

    [Fact]
    public void Response_for_a_launch_takes_its_platform_deployment_and_data()
    {
        var launch = Launch(LtiMessageTypes.DeepLinkingRequest, data: "opaque-42");

        var response = DeepLinkingResponse.For(launch, [Module(1)]);

        Assert.Equal((Issuer, ClientId, DeploymentId, "opaque-42"), (response.PlatformIssuer, response.ClientId, response.DeploymentId, response.Data));
        Assert.Null(DeepLinkingResponse.For(Launch(LtiMessageTypes.DeepLinkingRequest, data: null), []).Data);
    }

    [Fact]
    public void Response_for_a_resource_link_launch_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => DeepLinkingResponse.For(Launch(LtiMessageTypes.ResourceLinkRequest, data: null), []));
    }

    [Fact]
    public void Response_without_deployment_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => Sign(new DeepLinkingResponse(Issuer, ClientId, "", [])));
    }

    private static LtiLaunch Launch(string messageType, string? data) => new()
    {
        PlatformId = 1,
        Issuer = Issuer,
        ClientId = ClientId,
        DeploymentId = DeploymentId,
        MessageType = messageType,
        TargetLinkUri = "https://tool.example/lti/launch",
        UserId = "u-1",
        RoleUris = [LtiRoles.InstructorUri],
        Roles = LtiRole.Instructor,
        Custom = new Dictionary<string, string>(),
        DeepLinkingSettings = new DeepLinkingSettingsClaim("https://canvas.example/deep_links", ["ltiResourceLink"], ["iframe"], Data: data),
    };
}
