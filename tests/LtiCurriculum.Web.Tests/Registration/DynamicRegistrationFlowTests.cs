using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Install.Registration;
using LtiCurriculum.Web.Tests.Support;
using LtiCurriculum.Web.Tests.Teach;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Registration;

/// <summary>
/// The whole of LTI Dynamic Registration against the development platform playing Moodle and Canvas: the LMS opens the
/// tool's registration URL, the administrator confirms, and the new client then launches, deep links and gets scores back.
/// </summary>
[Trait("Category", ServerDatabaseMatrix.Category)]
public sealed class DynamicRegistrationFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("moodle")]
    [InlineData("canvas")]
    public async Task Registered_client_launches_deep_links_and_sends_scores(string flavour)
    {
        await using var tool = await ToolInstance.StartAsync(Fast(more: new() { ["Registration:AllowInsecureLoopback"] = "true" }));
        using var gradebook = DevGradebook.Of(tool);
        using var browser = tool.NewBrowser();

        // The LMS administrator pastes the tool's URL; the LMS opens it with openid_configuration and registration_token.
        var initiation = await StartAsync(tool, flavour);
        var review = await browser.GetAsync(initiation);
        Assert.True(review.Status == HttpStatusCode.OK, review.ToString());
        Assert.Equal(tool.DevPlatformIssuer, review.Fact("Issuer"));
        Assert.Equal(flavour, review.Fact("Product"));
        // Canvas is sent its placement names (and shown them here); Moodle advertises none of them, so none go.
        Assert.Equal(flavour == "canvas", review.Text.Contains("shown in: course_navigation", StringComparison.Ordinal));
        var done = await browser.SubmitAsync(review.Form().With("action", "confirm"));
        Assert.True(done.Status == HttpStatusCode.OK, done.ToString());
        var clientId = done.Fact("Client id")!;
        var deploymentId = done.Fact("Deployment id")!;

        // Both sides agree on what was registered.
        var registered = Assert.Single(await RegistrationsAsync(tool), r => (string?)r!["clientId"] == clientId)!;
        Assert.Equal(flavour, (string?)registered["flavour"]);
        Assert.Equal(deploymentId, (string?)registered["deploymentId"]);
        Assert.Equal(tool.Origin + "/lti/login", (string?)registered["initiateLoginUri"]);
        var platform = await tool.QueryAsync(db => db.Platforms.AsNoTracking().Include(p => p.Deployments).SingleAsync(p => p.ClientId == clientId, Ct));
        Assert.Equal(RegistrationCompletion.PlatformSource, platform.Source);
        Assert.Equal(flavour, platform.ProductFamily);
        Assert.Equal(tool.DevPlatformIssuer, platform.Issuer);
        Assert.Equal([deploymentId], platform.Deployments.Select(d => d.DeploymentId));

        // An instructor places a graded module by deep linking, through the new registration.
        var (platformPage, links) = await TeachKit.DeepLinkAsync(tool, "med-520", clientId,
            new TeachKit.Item("fc-designing-prework", "Registered pre-work", new Dictionary<string, string> { ["points"] = "20" }));
        Assert.True(platformPage.Status == HttpStatusCode.OK, platformPage.ToString());
        Assert.Equal("fc-designing-prework", (string?)TeachKit.CreatedLink(links, "Registered pre-work")["custom"]!["module"]);

        // A learner launches through it and submits; the score reaches the gradebook with a token the new client got.
        var (learner, points) = await SubmitOneRightAnswerAsync(tool, clientId: clientId);
        Assert.StartsWith("/learn", learner.Page.Url.AbsolutePath, StringComparison.Ordinal);
        var book = await gradebook.WaitForAsync(b => HasResult(b, Ana), "Ana's score");
        Assert.Equal(points, (decimal)Result(book, Ana)["scoreGiven"]!);
        await WaitForOutboxAsync(tool, rows => rows.Count > 0 && rows.All(r => r.Status == GradeDeliveryStatus.Delivered), "delivered");
        var launchedLinks = await tool.QueryAsync(db => db.ResourceLinks.AsNoTracking().Where(l => l.PlatformId == platform.Id).Select(l => l.ResourceLinkId).ToListAsync(Ct));
        Assert.Contains("link-cc-1", launchedLinks);
    }

    [Fact]
    public async Task Moodle_registration_token_cannot_register_twice()
    {
        await using var tool = await ToolInstance.StartAsync(new ToolSettings
        {
            Configuration = new Dictionary<string, string?> { ["Registration:AllowInsecureLoopback"] = "true" },
        });
        var initiation = await StartAsync(tool, "moodle");
        using var first = tool.NewBrowser();
        using var second = tool.NewBrowser();
        var firstReview = await first.GetAsync(initiation);
        var secondReview = await second.GetAsync(initiation);

        var done = await first.SubmitAsync(firstReview.Form().With("action", "confirm"));
        var refused = await second.SubmitAsync(secondReview.Form().With("action", "confirm"));

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal("registration_token_used", refused.ReasonCode);
        Assert.Contains("Start again from the LMS", refused.Text, StringComparison.Ordinal);
        Assert.Single(await tool.QueryAsync(db => db.Platforms.AsNoTracking().Where(p => p.Source == RegistrationCompletion.PlatformSource).ToListAsync(Ct)));
    }

    /// <summary>POST /dev-platform/control/registrations: the URL the LMS would open in its frame.</summary>
    private static async Task<Uri> StartAsync(ToolInstance tool, string flavour)
    {
        var secret = await tool.Services.GetRequiredService<RegistrationSecret>().GetOrCreateAsync("test", Ct);
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync($"{tool.DevPlatformIssuer}/control/registrations",
            new { flavour, toolRegistrationUrl = RegistrationSecret.RegistrationUrl(tool.Origin, secret) }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Contains("/dev-platform/registration/" + flavour + "/openid-configuration", (string?)answer!["openidConfiguration"], StringComparison.Ordinal);
        return new Uri((string)answer["initiationUrl"]!);
    }

    private static async Task<JsonArray> RegistrationsAsync(ToolInstance tool)
    {
        using var http = new HttpClient();
        return (await http.GetFromJsonAsync<JsonArray>($"{tool.DevPlatformIssuer}/control/registrations", Ct))!;
    }
}
