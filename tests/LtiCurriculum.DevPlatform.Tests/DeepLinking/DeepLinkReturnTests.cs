using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using static LtiCurriculum.DevPlatform.Tests.DeepLinkingResponse;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class DeepLinkReturnTests
{
    private const string Custom = "https://purl.imsglobal.org/spec/lti/claim/custom";
    private const string AgsClaim = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object GradedModule(string title = "Why curricula change (graded)") => new
    {
        type = "ltiResourceLink",
        title,
        text = "Pre-work before Tuesday's session",
        url = "https://tool.example/lti/launch",
        custom = new Dictionary<string, string>
        {
            ["module"] = "co-case-for-change", ["points"] = "10", ["attempts"] = "2", ["feedback"] = "after_due",
            ["available_from"] = "2026-03-01T08:00:00Z", ["due_at"] = "2026-03-08T23:59:00Z", ["session_at"] = "2026-03-10T09:00:00Z",
        },
        iframe = new { height = 800 },
        available = new { startDateTime = "2026-03-01T08:00:00Z", endDateTime = "2026-04-01T00:00:00Z" },
        submission = new { endDateTime = "2026-03-08T23:59:00Z" },
        lineItem = new { scoreMaximum = 10, label = "Case for change", resourceId = "co-case-for-change", tag = "lticurriculum" },
    };

    private static object UngradedModule() => new
    {
        type = "ltiResourceLink",
        title = "Leading the in-class session",
        custom = new Dictionary<string, string> { ["module"] = "fc-leading-the-session" },
        window = new { targetName = "_blank" },
    };

    [Fact]
    public async Task Signed_response_makes_links_and_coupled_line_items()
    {
        await using var ags = await AgsHost.StartAsync();
        var settings = await RequestAsync(ags);

        var html = await ReturnAsync(ags, Claims(ags, settings, GradedModule(), UngradedModule(),
            new { type = "link", title = "Reading list", url = "https://example.edu/reading" },
            new { type = "html", title = "Welcome", html = "<p>Hi</p>" },
            new { type = "x-unknown", title = "Mystery" }));

        var made = MadeLinks(await LinksAsync(ags));
        Assert.Equal(2, made.Length);
        var graded = made[0];
        Assert.Equal("Why curricula change (graded)", graded.GetProperty("title").GetString());
        Assert.Equal("Pre-work before Tuesday's session", graded.GetProperty("text").GetString());
        Assert.Equal("https://tool.example/lti/launch", graded.GetProperty("url").GetString());
        Assert.Equal("iframe", graded.GetProperty("documentTarget").GetString());
        Assert.Equal("2026-03-01T08:00:00Z", graded.GetProperty("available").GetProperty("startDateTime").GetString());
        Assert.Equal("2026-03-08T23:59:00Z", graded.GetProperty("submission").GetProperty("endDateTime").GetString());
        Assert.Equal("2", graded.GetProperty("custom").GetProperty("attempts").GetString());
        Assert.Equal("2026-03-10T09:00:00Z", graded.GetProperty("custom").GetProperty("session_at").GetString());
        Assert.Equal(7, graded.GetProperty("custom").EnumerateObject().Count());
        Assert.Equal("window", made[1].GetProperty("documentTarget").GetString());
        Assert.Equal(JsonValueKind.Null, made[1].GetProperty("lineItem").ValueKind);

        var lineItemUrl = graded.GetProperty("lineItem").GetString()!;
        var item = (await ags.GradebookAsync($"?lineItemId={Uri.EscapeDataString(lineItemUrl)}")).GetProperty("lineItems").EnumerateArray().Single();
        Assert.Equal("Case for change", item.GetProperty("label").GetString());
        Assert.Equal(10, item.GetProperty("scoreMaximum").GetDecimal());
        Assert.Equal("co-case-for-change", item.GetProperty("resourceId").GetString());
        Assert.Equal("lticurriculum", item.GetProperty("tag").GetString());
        Assert.Equal(graded.GetProperty("id").GetString(), item.GetProperty("resourceLinkId").GetString());
        Assert.True(item.GetProperty("coupledToLink").GetBoolean());

        Assert.Contains("Added to MED-501 Leading Curriculum Change", html);
        Assert.Contains("Listed, not added as activities", html);
        Assert.Contains("Reading list", html);
        Assert.Contains("Ignored items of unknown types", html);
        Assert.Contains("x-unknown", html);
        Assert.Contains(lineItemUrl, html);
    }

    [Fact]
    public async Task Made_link_launches_with_its_custom_parameters_and_coupled_line_item()
    {
        await using var ags = await AgsHost.StartAsync();
        var settings = await RequestAsync(ags);
        await ReturnAsync(ags, Claims(ags, settings, GradedModule()));
        var link = MadeLinks(await LinksAsync(ags)).Single();
        var linkId = link.GetProperty("id").GetString()!;

        var login = await new LaunchFlow(ags.Host).StartAsync("learner-ana", "med-501", linkId);
        var token = LaunchFlow.Payload(await new LaunchFlow(ags.Host).LaunchAsync("learner-ana", "med-501", linkId));
        var home = await ags.Host.Client.GetStringAsync(ags.Issuer + "?as=learner-ana", Cancel);

        var custom = token.GetProperty(Custom);
        Assert.Equal("co-case-for-change", custom.GetProperty("module").GetString());
        Assert.Equal("after_due", custom.GetProperty("feedback").GetString());
        Assert.Equal("2026-03-08T23:59:00Z", custom.GetProperty("due_at").GetString());
        Assert.Equal(link.GetProperty("lineItem").GetString(), token.GetProperty(AgsClaim).GetProperty("lineitem").GetString());
        var resourceLink = token.GetProperty("https://purl.imsglobal.org/spec/lti/claim/resource_link");
        Assert.Equal(linkId, resourceLink.GetProperty("id").GetString());
        Assert.Equal("Why curricula change (graded)", resourceLink.GetProperty("title").GetString());
        Assert.Equal("Pre-work before Tuesday's session", resourceLink.GetProperty("description").GetString());
        Assert.Equal("https://tool.example/lti/launch", token.GetProperty("https://purl.imsglobal.org/spec/lti/claim/target_link_uri").GetString());
        Assert.Contains($"name=\"link\" value=\"{linkId}\"", home);
        Assert.Equal("https://tool.example/lti/launch", login.Fields["target_link_uri"]);
    }

    [Theory]
    [InlineData("canvas")]
    [InlineData("moodle")]
    public async Task Canvas_and_Moodle_styles_couple_the_declared_line_item_not_a_new_one(string style)
    {
        await using var ags = await AgsHost.StartAsync(style);
        var settings = await RequestAsync(ags);
        await ReturnAsync(ags, Claims(ags, settings, GradedModule()));
        var link = MadeLinks(await LinksAsync(ags)).Single();

        var claim = await ags.LaunchAgsClaimAsync(link: link.GetProperty("id").GetString());

        Assert.Equal(link.GetProperty("lineItem").GetString(), claim.GetProperty("lineitem").GetString());
        Assert.Equal(1, (await ags.GradebookAsync()).GetProperty("lineItems").EnumerateArray().Count(item => item.GetProperty("coupledToLink").GetBoolean()));
    }

    [Fact]
    public async Task Cancel_shows_the_message_and_adds_nothing()
    {
        await using var ags = await AgsHost.StartAsync();
        var settings = await RequestAsync(ags);
        var claims = Claims(ags, settings);
        claims[Msg] = "Nothing was added <yet>";

        var html = await ReturnAsync(ags, claims);

        Assert.Contains("Nothing was added <yet>", html);
        Assert.Contains("The tool sent no content items", html);
        Assert.Empty(MadeLinks(await LinksAsync(ags)));
    }

    [Fact]
    public async Task Error_message_of_the_tool_is_shown_encoded()
    {
        await using var ags = await AgsHost.StartAsync();
        var settings = await RequestAsync(ags);
        var claims = Claims(ags, settings);
        claims[ErrorMsg] = "<script>alert(1)</script>";

        var response = await PostAsync(ags, Sign(ags.Jwks.Key.SigningCredentials, claims));
        var raw = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", raw);
        Assert.DoesNotContain("<script>alert", raw);
    }

    [Fact]
    public async Task Audience_may_be_an_array_holding_the_issuer()
    {
        await using var ags = await AgsHost.StartAsync();
        var settings = await RequestAsync(ags);
        var claims = Claims(ags, settings, UngradedModule());
        claims["aud"] = new[] { "https://other.example", ags.Issuer };

        await ReturnAsync(ags, claims);

        Assert.Single(MadeLinks(await LinksAsync(ags)));
    }

    [Theory]
    [InlineData("wrong iss", "iss", "must be the tool's client id")]
    [InlineData("wrong aud", "aud", "must be this platform's issuer")]
    [InlineData("aud with trailing slash", "aud", "must be this platform's issuer")]
    [InlineData("expired", "exp", "has expired")]
    [InlineData("no exp", "exp", "exp is required")]
    [InlineData("iat ahead", "iat", "in the future")]
    [InlineData("no nonce", "nonce", "nonce is required")]
    [InlineData("wrong message type", "message_type", "must be LtiDeepLinkingResponse")]
    [InlineData("wrong version", "version", "must be 1.3.0")]
    [InlineData("wrong deployment", "deployment_id", "the deployment the request was sent with")]
    [InlineData("data mismatch", "data", "matches no deep linking request")]
    [InlineData("no data", "data", "must echo it exactly")]
    [InlineData("content_items not an array", "content_items", "must be an array")]
    [InlineData("custom not a string", "content_items", "must be a string")]
    [InlineData("lineItem without scoreMaximum", "content_items", "scoreMaximum is required")]
    public async Task Bad_claim_is_refused_naming_the_check(string mistake, string check, string sentence)
    {
        await using var ags = await AgsHost.StartAsync();
        var settings = await RequestAsync(ags);
        var claims = Claims(ags, settings, GradedModule());
        Break(claims, mistake, ags);

        var html = await ReturnAsync(ags, claims, HttpStatusCode.BadRequest);

        Assert.Equal(check, FailedCheck(html));
        Assert.Contains(sentence, html);
        Assert.Empty(MadeLinks(await LinksAsync(ags)));
    }

    [Fact]
    public async Task Signature_by_another_key_with_a_known_kid_is_refused()
    {
        await using var ags = await AgsHost.StartAsync();
        var settings = await RequestAsync(ags);
        using var rsa = RSA.Create(2048);
        var forged = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = ags.Jwks.Key.KeyId }, SecurityAlgorithms.RsaSha256);

        var html = await Refused(ags, Sign(forged, Claims(ags, settings, GradedModule())));

        Assert.Equal("signature", FailedCheck(html));
        Assert.Contains("does not verify", html);
    }

    [Fact]
    public async Task Unknown_kid_is_refused()
    {
        await using var ags = await AgsHost.StartAsync();
        var settings = await RequestAsync(ags);
        using var other = new DevPlatformKey();

        var html = await Refused(ags, Sign(other.SigningCredentials, Claims(ags, settings, GradedModule())));

        Assert.Equal("kid", FailedCheck(html));
        Assert.Contains("unknown kid", html);
    }

    [Fact]
    public async Task Missing_kid_is_refused()
    {
        await using var ags = await AgsHost.StartAsync();
        var settings = await RequestAsync(ags);
        using var rsa = RSA.Create(2048);
        var noKid = new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256);

        var html = await Refused(ags, Sign(noKid, Claims(ags, settings, GradedModule())));

        Assert.Equal("kid", FailedCheck(html));
        Assert.Contains("has no kid", html);
    }

    [Fact]
    public async Task Replayed_response_is_refused()
    {
        await using var ags = await AgsHost.StartAsync();
        var settings = await RequestAsync(ags);
        var jwt = Sign(ags.Jwks.Key.SigningCredentials, Claims(ags, settings, GradedModule()));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ags, jwt)).StatusCode);

        var html = await Refused(ags, jwt);

        Assert.Equal("data", FailedCheck(html));
        Assert.Contains("already used", html);
        Assert.Single(MadeLinks(await LinksAsync(ags)));
    }

    [Fact]
    public async Task Response_to_a_request_older_than_an_hour_is_refused()
    {
        await using var ags = await AgsHost.StartAsync();
        var settings = await RequestAsync(ags);
        ags.Host.Clock.Advance(TimeSpan.FromMinutes(61));

        var html = await Refused(ags, Sign(ags.Jwks.Key.SigningCredentials, Claims(ags, settings, GradedModule())));

        Assert.Equal("data", FailedCheck(html));
        Assert.Contains("expired", html);
    }

    [Fact]
    public async Task Two_items_when_accept_multiple_was_false_are_refused_and_one_is_taken()
    {
        await using var ags = await AgsHost.StartAsync();
        var single = await RequestAsync(ags, acceptMultiple: false);
        var again = await RequestAsync(ags, acceptMultiple: false);

        var html = await Refused(ags, Sign(ags.Jwks.Key.SigningCredentials, Claims(ags, single, GradedModule(), UngradedModule())));
        await ReturnAsync(ags, Claims(ags, again, UngradedModule()));

        Assert.False(single.GetProperty("accept_multiple").GetBoolean());
        Assert.Equal("accept_multiple", FailedCheck(html));
        Assert.Single(MadeLinks(await LinksAsync(ags)));
    }

    [Fact]
    public async Task Data_is_remembered_per_request_and_is_single_use()
    {
        await using var ags = await AgsHost.StartAsync();
        var first = await RequestAsync(ags);
        var second = await RequestAsync(ags, "med-520");

        await ReturnAsync(ags, Claims(ags, second, UngradedModule()));
        await ReturnAsync(ags, Claims(ags, first, UngradedModule()));

        Assert.Single(MadeLinks(await LinksAsync(ags, "med-520")));
        Assert.Single(MadeLinks(await LinksAsync(ags, "med-501")));
    }

    [Fact]
    public async Task Deep_linking_settings_are_those_of_Canvas_and_Moodle()
    {
        await using var ags = await AgsHost.StartAsync();

        var settings = await RequestAsync(ags);

        Assert.Equal(["ltiResourceLink"], settings.GetProperty("accept_types").EnumerateArray().Select(value => value.GetString()));
        Assert.Equal(["iframe", "window"], settings.GetProperty("accept_presentation_document_targets").EnumerateArray().Select(value => value.GetString()));
        Assert.True(settings.GetProperty("accept_multiple").GetBoolean());
        Assert.True(settings.GetProperty("accept_lineitem").GetBoolean());
        Assert.True(settings.GetProperty("auto_create").GetBoolean());
        Assert.Equal(ags.Issuer + "/deep-link-return", settings.GetProperty("deep_link_return_url").GetString());
        Assert.StartsWith("med-501:", settings.GetProperty("data").GetString());
    }

    [Fact]
    public async Task Oversized_form_is_a_bad_request_not_a_server_error()
    {
        await using var ags = await AgsHost.StartAsync();

        var response = await PostAsync(ags, new string('a', 5 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("JWT", FailedCheck(await response.Content.ReadAsStringAsync(Cancel)));
    }

    [Fact]
    public async Task Links_json_of_an_unknown_course_is_404()
    {
        await using var ags = await AgsHost.StartAsync();

        var response = await ags.Host.Client.GetAsync(ags.Issuer + "/courses/nope/links.json", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Reset_forgets_made_links()
    {
        await using var ags = await AgsHost.StartAsync();
        var settings = await RequestAsync(ags);
        await ReturnAsync(ags, Claims(ags, settings, GradedModule()));

        await ags.ControlAsync(HttpMethod.Post, "reset");

        var links = await LinksAsync(ags);
        Assert.Empty(MadeLinks(links));
        Assert.Equal(5, links.GetProperty("links").GetArrayLength());
    }

    private static async Task<string> Refused(AgsHost ags, string jwt)
    {
        var response = await PostAsync(ags, jwt);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {response.StatusCode}: {html}");
        return html;
    }

    private static void Break(Dictionary<string, object> claims, string mistake, AgsHost ags)
    {
        switch (mistake)
        {
            case "wrong iss": claims["iss"] = "someone-else"; break;
            case "wrong aud": claims["aud"] = "https://canvas.instructure.com"; break;
            case "aud with trailing slash": claims["aud"] = ags.Issuer + "/"; break;
            case "expired":
                claims["iat"] = ags.Now.AddMinutes(-10).ToUnixTimeSeconds();
                claims["exp"] = ags.Now.AddMinutes(-2).ToUnixTimeSeconds();
                break;
            case "no exp": claims.Remove("exp"); break;
            case "iat ahead": claims["iat"] = ags.Now.AddMinutes(2).ToUnixTimeSeconds(); break;
            case "no nonce": claims.Remove("nonce"); break;
            case "wrong message type": claims[MessageType] = "LtiResourceLinkRequest"; break;
            case "wrong version": claims[DeepLinkingResponse.Version] = "1.1"; break;
            case "wrong deployment": claims[DeploymentId] = "dev-deployment-2"; break;
            case "data mismatch": claims[Data] = "med-501:made-up"; break;
            case "no data": claims.Remove(Data); break;
            case "content_items not an array": claims[DeepLinkingResponse.ContentItems] = new Dictionary<string, object> { ["type"] = "ltiResourceLink" }; break;
            case "custom not a string":
                claims[DeepLinkingResponse.ContentItems] = new object[] { new Dictionary<string, object> { ["type"] = "ltiResourceLink", ["custom"] = new Dictionary<string, object> { ["points"] = 10L } } };
                break;
            case "lineItem without scoreMaximum":
                claims[DeepLinkingResponse.ContentItems] = new object[] { new Dictionary<string, object> { ["type"] = "ltiResourceLink", ["lineItem"] = new Dictionary<string, object> { ["label"] = "x" } } };
                break;
            default: throw new ArgumentException(mistake, nameof(mistake));
        }
    }
}
