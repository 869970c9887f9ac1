using System.Net;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class ReturnPageTests(DevPlatformFixture fixture) : IClassFixture<DevPlatformFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Return_page_shows_the_tool_messages_encoded()
    {
        var query = "?lti_msg=" + Uri.EscapeDataString("Saved <b>3</b> answers") + "&lti_errormsg=" + Uri.EscapeDataString("<script>alert(1)</script>");

        var html = await fixture.Host.Client.GetStringAsync("/dev-platform/return" + query, Cancel);

        Assert.Contains("Saved &lt;b&gt;3&lt;/b&gt; answers", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<b>3</b>", html);
    }

    [Fact]
    public async Task Return_page_without_messages_says_so()
    {
        var html = await fixture.Host.Client.GetStringAsync("/dev-platform/return", Cancel);

        Assert.Contains("The tool sent no message.", html);
    }

    [Fact]
    public async Task Deep_link_return_lists_the_content_items_encoded()
    {
        var payload = """
            {"https://purl.imsglobal.org/spec/lti-dl/claim/message_type":"LtiDeepLinkingResponse",
             "https://purl.imsglobal.org/spec/lti-dl/claim/content_items":[
               {"type":"ltiResourceLink","title":"Module <1>","url":"https://tool.example/m/1"}],
             "https://purl.imsglobal.org/spec/lti-dl/claim/data":"med-501:abc"}
            """;
        var jwt = $"{Encode("{\"alg\":\"RS256\"}")}.{Encode(payload)}.c2ln";

        var response = await fixture.Host.Client.PostAsync(
            "/dev-platform/deep-link-return", new FormUrlEncodedContent(new Dictionary<string, string> { ["JWT"] = jwt }), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Module &lt;1&gt;", html);
        Assert.Contains("https://tool.example/m/1", html);
        Assert.Contains("med-501:abc", html);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("a.!!!.c")]
    public async Task Deep_link_return_without_a_readable_jwt_is_a_bad_request(string jwt)
    {
        var response = await fixture.Host.Client.PostAsync(
            "/dev-platform/deep-link-return", new FormUrlEncodedContent(new Dictionary<string, string> { ["JWT"] = jwt }), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The field \u201cJWT\u201d", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel)));
    }

    private static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}
