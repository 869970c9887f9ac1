using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class IdTokenTests(DevPlatformFixture fixture) : IClassFixture<DevPlatformFixture>
{
    private const string Claim = "https://purl.imsglobal.org/spec/lti/claim/";
    private const string DeepLinkingSettings = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

    private DevPlatformHost Host => fixture.Host;

    private LaunchFlow Flow => new(Host);

    [Fact]
    public async Task Id_token_verifies_against_published_jwks()
    {
        var idToken = await Flow.LaunchAsync();
        var jwks = new JsonWebKeySet(await Host.Client.GetStringAsync("/dev-platform/jwks", TestContext.Current.CancellationToken));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = Host.Issuer,
            ValidAudience = "lticurriculum-dev",
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireExpirationTime = true,
            LifetimeValidator = ExpiresOnPlatformClock,
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(jwks.Keys.Single().Kid, LaunchFlow.Header(idToken).GetProperty("kid").GetString());
        Assert.Equal("RS256", LaunchFlow.Header(idToken).GetProperty("alg").GetString());
    }

    [Fact]
    public async Task Id_token_does_not_verify_against_another_platform_key()
    {
        var idToken = await Flow.LaunchAsync();
        using var otherKey = new DevPlatformKey();

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = Host.Issuer,
            ValidAudience = "lticurriculum-dev",
            IssuerSigningKeys = new JsonWebKeySet(otherKey.JwksJson).GetSigningKeys(),
            LifetimeValidator = ExpiresOnPlatformClock,
        });

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Resource_link_token_has_lti_claim_shapes()
    {
        var token = LaunchFlow.Payload(await Flow.LaunchAsync(user: "instructor-lee", course: "med-210", link: "link-ho-1"));

        Assert.Equal(Host.Issuer, token.GetProperty("iss").GetString());
        Assert.Equal(JsonValueKind.String, token.GetProperty("aud").ValueKind);
        Assert.Equal("lticurriculum-dev", token.GetProperty("aud").GetString());
        Assert.Equal("dev-user-2001", token.GetProperty("sub").GetString());
        Assert.Equal("LtiResourceLinkRequest", token.GetProperty(Claim + "message_type").GetString());
        Assert.Equal("1.3.0", token.GetProperty(Claim + "version").GetString());
        Assert.Equal("dev-deployment-1", token.GetProperty(Claim + "deployment_id").GetString());
        Assert.Equal(Host.Origin + "/lti/launch", token.GetProperty(Claim + "target_link_uri").GetString());
        Assert.Equal(
            ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor", "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty"],
            Strings(token.GetProperty(Claim + "roles")));
        var link = token.GetProperty(Claim + "resource_link");
        Assert.Equal("link-ho-1", link.GetProperty("id").GetString());
        Assert.Equal("Pre-work: anemia workup", link.GetProperty("title").GetString());
        var context = token.GetProperty(Claim + "context");
        Assert.Equal("med-210", context.GetProperty("id").GetString());
        Assert.Equal("MED-210", context.GetProperty("label").GetString());
        Assert.Equal("Hematology/Oncology Clinical Pre-work", context.GetProperty("title").GetString());
        Assert.Equal(["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"], Strings(context.GetProperty("type")));
        Assert.Equal("cp-anemia-approach", token.GetProperty(Claim + "custom").GetProperty("module").GetString());
        Assert.Equal("Jordan Lee", token.GetProperty("name").GetString());
        Assert.Equal("jordan.lee@example.edu", token.GetProperty("email").GetString());
        Assert.False(token.TryGetProperty(DeepLinkingSettings, out _));
    }

    [Fact]
    public async Task Token_names_the_platform_and_where_to_return()
    {
        var token = LaunchFlow.Payload(await Flow.LaunchAsync(locale: "zh-CN"));

        var platform = token.GetProperty(Claim + "tool_platform");
        Assert.False(string.IsNullOrEmpty(platform.GetProperty("guid").GetString()));
        Assert.Equal("LtiCurriculum Development Platform", platform.GetProperty("name").GetString());
        Assert.Equal("lticurriculum-dev", platform.GetProperty("product_family_code").GetString());
        var presentation = token.GetProperty(Claim + "launch_presentation");
        Assert.Equal("iframe", presentation.GetProperty("document_target").GetString());
        Assert.Equal("zh-CN", presentation.GetProperty("locale").GetString());
        Assert.Equal(Host.Issuer + "/return", presentation.GetProperty("return_url").GetString());
    }

    [Fact]
    public async Task Token_lives_sixty_seconds_from_the_platform_clock()
    {
        var token = LaunchFlow.Payload(await Flow.LaunchAsync());

        var issuedAt = token.GetProperty("iat").GetInt64();
        Assert.Equal(Host.Clock.GetUtcNow().ToUnixTimeSeconds(), issuedAt);
        Assert.Equal(issuedAt + 60, token.GetProperty("exp").GetInt64());
        Assert.False(token.TryGetProperty("nbf", out _));
    }

    [Fact]
    public async Task Anonymous_user_has_no_sub()
    {
        var token = LaunchFlow.Payload(await Flow.LaunchAsync(user: "anonymous"));

        Assert.False(token.TryGetProperty("sub", out _));
        foreach (var personal in new[] { "name", "given_name", "family_name", "email" })
        {
            Assert.False(token.TryGetProperty(personal, out _), personal);
        }

        Assert.Equal(["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"], Strings(token.GetProperty(Claim + "roles")));
    }

    [Fact]
    public async Task Learner_without_personal_data_has_sub_but_no_name_or_email()
    {
        var token = LaunchFlow.Payload(await Flow.LaunchAsync(user: "learner-private"));

        Assert.Equal("dev-user-1002", token.GetProperty("sub").GetString());
        foreach (var personal in new[] { "name", "given_name", "family_name", "email" })
        {
            Assert.False(token.TryGetProperty(personal, out _), personal);
        }
    }

    [Fact]
    public async Task Learner_with_personal_data_shares_names_and_email()
    {
        var token = LaunchFlow.Payload(await Flow.LaunchAsync(user: "learner-ana"));

        Assert.Equal("Ana Ramos", token.GetProperty("name").GetString());
        Assert.Equal("Ana", token.GetProperty("given_name").GetString());
        Assert.Equal("Ramos", token.GetProperty("family_name").GetString());
        Assert.Equal("ana.ramos@example.edu", token.GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("ta-kim", "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant")]
    [InlineData("admin", "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator")]
    [InlineData("learner-ana", "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner")]
    public async Task Demo_user_carries_its_role(string user, string role)
    {
        var token = LaunchFlow.Payload(await Flow.LaunchAsync(user: user));

        Assert.Contains(role, Strings(token.GetProperty(Claim + "roles")));
    }

    [Fact]
    public async Task Deep_linking_token_carries_settings()
    {
        var token = LaunchFlow.Payload(await Flow.LaunchAsync(user: "instructor-lee", link: null, messageType: LtiMessageTypes.DeepLinkingRequest));

        Assert.Equal("LtiDeepLinkingRequest", token.GetProperty(Claim + "message_type").GetString());
        var settings = token.GetProperty(DeepLinkingSettings);
        Assert.Equal(Host.Issuer + "/deep-link-return", settings.GetProperty("deep_link_return_url").GetString());
        Assert.Equal(["ltiResourceLink"], Strings(settings.GetProperty("accept_types")));
        Assert.Equal(["iframe", "window"], Strings(settings.GetProperty("accept_presentation_document_targets")));
        Assert.True(settings.GetProperty("accept_multiple").GetBoolean());
        Assert.StartsWith("med-501:", settings.GetProperty("data").GetString());
        Assert.False(token.TryGetProperty(Claim + "resource_link", out _));
        Assert.Equal("med-501", token.GetProperty(Claim + "context").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Deep_linking_data_differs_between_requests()
    {
        var first = LaunchFlow.Payload(await Flow.LaunchAsync(user: "instructor-lee", link: null, messageType: LtiMessageTypes.DeepLinkingRequest));
        var second = LaunchFlow.Payload(await Flow.LaunchAsync(user: "instructor-lee", link: null, messageType: LtiMessageTypes.DeepLinkingRequest));

        Assert.NotEqual(
            first.GetProperty(DeepLinkingSettings).GetProperty("data").GetString(),
            second.GetProperty(DeepLinkingSettings).GetProperty("data").GetString());
    }

    /// <summary>Checks exp against the platform's fake clock instead of the machine's.</summary>
    private bool ExpiresOnPlatformClock(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters) =>
        expires > Host.Clock.GetUtcNow().UtcDateTime;

    private static string[] Strings(JsonElement array)
    {
        Assert.Equal(JsonValueKind.Array, array.ValueKind);
        return array.EnumerateArray().Select(item => item.GetString()!).ToArray();
    }
}
