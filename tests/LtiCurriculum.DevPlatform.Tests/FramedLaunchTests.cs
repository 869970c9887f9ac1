using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace LtiCurriculum.DevPlatform.Tests;

/// <summary>The Canvas-like course page that frames the tool, and its platform storage frame (LTI Platform Storage 0.1).</summary>
public sealed partial class FramedLaunchTests(DevPlatformFixture fixture) : IClassFixture<DevPlatformFixture>
{
    private DevPlatformHost Host => fixture.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_course_page_frames_the_tools_login_with_the_forwarding_frame_as_storage_target()
    {
        using var response = await Host.Client.GetAsync("/dev-platform/framed-launch?course=med-501&link=link-cc-1&user=learner-ana", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var src = new Uri(WebUtility.HtmlDecode(ToolFrame().Match(html).Groups["src"].Value));
        var query = QueryHelpers.ParseQuery(src.Query);
        Assert.Equal(Host.Origin + "/lti/login", src.GetLeftPart(UriPartial.Path));
        Assert.Equal("post_message_forwarding", query["lti_storage_target"]);
        Assert.Equal(Host.Issuer, query["iss"]);
        Assert.Contains("<iframe name=\"post_message_forwarding\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-tool-origin=\"{Host.Origin}\"", html, StringComparison.Ordinal);
        // Only the tool may be framed, and the page's script answers only the tool's origin.
        Assert.Contains($"frame-src 'self' {Host.Origin}", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("event.origin===toolOrigin", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_storage_off_the_page_names_the_parent_and_nobody_answers()
    {
        using var response = await Host.Client.GetAsync("/dev-platform/framed-launch?storage=off&course=med-501&link=link-cc-1&user=learner-ana", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("post_message_forwarding", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("lti_storage_target=_parent", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("course=nope&link=link-cc-1&user=learner-ana", "course")]
    [InlineData("course=med-501&link=nope&user=learner-ana", "link")]
    [InlineData("course=med-501&link=link-cc-1", "user")]
    public async Task A_bad_choice_is_a_bad_request_naming_the_field(string query, string field)
    {
        using var response = await Host.Client.GetAsync("/dev-platform/framed-launch?" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_forwarding_frame_serves_put_and_get_for_the_tool_origin_only()
    {
        using var response = await Host.Client.GetAsync("/dev-platform/post_message_forwarding", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-tool-origin=\"{Host.Origin}\"", html, StringComparison.Ordinal);
        Assert.Contains("lti.put_data", html, StringComparison.Ordinal);
        Assert.Contains("lti.get_data", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<iframe id=\"tool-frame\"[^>]*src=\"(?<src>[^\"]*)\"")]
    private static partial Regex ToolFrame();
}
