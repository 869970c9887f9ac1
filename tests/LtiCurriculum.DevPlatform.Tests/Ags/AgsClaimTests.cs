using System.Text.Json;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class AgsClaimTests
{
    private static readonly string[] AnnouncedScopes =
        [AgsHost.LineItemScope, AgsHost.ResultScope, AgsHost.ScoreScope];

    [Fact]
    public async Task Standard_launch_names_only_the_container()
    {
        await using var ags = await AgsHost.StartAsync();

        var claim = await ags.LaunchAgsClaimAsync();

        Assert.Equal(AnnouncedScopes, claim.GetProperty("scope").EnumerateArray().Select(scope => scope.GetString()));
        Assert.Equal(ags.Issuer + "/ags/med-501/lineitems", claim.GetProperty("lineitems").GetString());
        Assert.False(claim.TryGetProperty("lineitem", out _));
    }

    [Fact]
    public async Task Canvas_launch_couples_one_line_item_to_the_link()
    {
        await using var ags = await AgsHost.StartAsync("canvas");

        var first = await ags.LaunchAgsClaimAsync(link: "link-cc-2");
        var again = await ags.LaunchAgsClaimAsync(user: "learner-private", link: "link-cc-2");

        var lineItem = first.GetProperty("lineitem").GetString()!;
        Assert.Matches($"^{ags.Issuer}/ags/med-501/lineitems/\\d+$", lineItem);
        Assert.Equal(lineItem, again.GetProperty("lineitem").GetString());
        Assert.Equal(ags.Issuer + "/ags/med-501/lineitems", first.GetProperty("lineitems").GetString());
        var item = (await ags.GradebookAsync($"?lineItemId={Uri.EscapeDataString(lineItem)}")).GetProperty("lineItems").EnumerateArray().Single();
        Assert.Equal("Governance, stakeholders and communication", item.GetProperty("label").GetString());
        Assert.Equal(100, item.GetProperty("scoreMaximum").GetDecimal());
        Assert.Equal("link-cc-2", item.GetProperty("resourceLinkId").GetString());
        Assert.False(item.GetProperty("createdByTool").GetBoolean());
    }

    [Fact]
    public async Task Moodle_launch_puts_type_id_on_every_service_url()
    {
        await using var ags = await AgsHost.StartAsync("moodle");

        var claim = await ags.LaunchAgsClaimAsync(course: "med-210", link: "link-ho-1");

        Assert.Equal(ags.Issuer + "/ags/med-210/lineitems?type_id=1", claim.GetProperty("lineitems").GetString());
        Assert.Matches($"^{ags.Issuer}/ags/med-210/lineitems/\\d+/lineitem\\?type_id=1$", claim.GetProperty("lineitem").GetString()!);
    }

    [Theory]
    [InlineData("standard", "lticurriculum-dev")]
    [InlineData("canvas", "canvas")]
    [InlineData("moodle", "moodle")]
    public async Task Platform_names_its_product_family_by_style(string style, string productFamily)
    {
        await using var ags = await AgsHost.StartAsync(style);

        var token = LaunchFlow.Payload(await new LaunchFlow(ags.Host).LaunchAsync());

        Assert.Equal(productFamily, token.GetProperty("https://purl.imsglobal.org/spec/lti/claim/tool_platform").GetProperty("product_family_code").GetString());
    }

    [Theory]
    [InlineData("standard")]
    [InlineData("canvas")]
    public async Task Deep_linking_launch_names_only_the_container(string style)
    {
        await using var ags = await AgsHost.StartAsync(style);

        var claim = await ags.LaunchAgsClaimAsync(user: "instructor-lee", link: null, messageType: LtiMessageTypes.DeepLinkingRequest);

        Assert.Equal(ags.Issuer + "/ags/med-501/lineitems", claim.GetProperty("lineitems").GetString());
        Assert.False(claim.TryGetProperty("lineitem", out _));
    }

    [Fact]
    public async Task Style_switched_at_run_time_changes_the_next_launch()
    {
        await using var ags = await AgsHost.StartAsync();

        var switched = await ags.ControlAsync(HttpMethod.Post, "style", new { style = "Moodle" });
        var claim = await ags.LaunchAgsClaimAsync();

        Assert.Equal("moodle", (await AgsHost.JsonAsync(switched)).GetProperty("style").GetString());
        Assert.EndsWith("?type_id=1", claim.GetProperty("lineitem").GetString());
        Assert.Equal("moodle", (await ags.GradebookAsync()).GetProperty("style").GetString());
    }

    [Fact]
    public async Task Unknown_style_is_refused()
    {
        await using var ags = await AgsHost.StartAsync();

        var response = await ags.ControlAsync(HttpMethod.Post, "style", new { style = "blackboard" });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("style", (await AgsHost.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Test_student_launches_as_a_learner()
    {
        await using var ags = await AgsHost.StartAsync();

        var token = LaunchFlow.Payload(await new LaunchFlow(ags.Host).LaunchAsync(user: "test-student"));

        Assert.Equal("dev-user-test-student", token.GetProperty("sub").GetString());
        Assert.Equal(
            ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
            token.GetProperty("https://purl.imsglobal.org/spec/lti/claim/roles").EnumerateArray().Select(role => role.GetString()));
        Assert.Equal(JsonValueKind.Object, token.GetProperty("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint").ValueKind);
    }
}
