using System.Net;

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

    [Theory]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("a.!!!.c")]
    public async Task Deep_link_return_without_a_readable_jwt_is_a_bad_request(string jwt)
    {
        var response = await fixture.Host.Client.PostAsync(
            "/dev-platform/deep-link-return", new FormUrlEncodedContent(new Dictionary<string, string> { ["JWT"] = jwt }), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("The field \u201cJWT\u201d", html);
        Assert.Contains("data-check=\"JWT\"", html);
    }

}
