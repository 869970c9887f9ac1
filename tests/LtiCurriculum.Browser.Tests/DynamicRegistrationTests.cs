using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LtiCurriculum.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LtiCurriculum.Browser.Tests;

/// <summary>
/// An LMS administrator installs the tool by LTI Dynamic Registration in a real browser: the development platform
/// frames the tool's review page, Register sends the registration, the tool's page posts
/// <c>org.imsglobal.lti.close</c> to the platform, which closes the frame and lists the new registration; a learner
/// then launches with it. The review page passes axe.
/// </summary>
public sealed class DynamicRegistrationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserTheory]
    [InlineData("canvas")]
    [InlineData("moodle")]
    public async Task Admin_registers_the_tool_in_the_platform_frame_and_a_learner_launches_with_the_new_registration(string flavour)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Tool.Url("/dev-platform"));
        await Expect(page.Locator("#tool-registration-url")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/lti/register\\?secret=[0-9a-f]+$"));
        var before = await RegistrationCountAsync();

        await page.Locator($"input[name=flavour][value={flavour}]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the tool" }).ClickAsync();

        var frame = page.FrameLocator("iframe");
        await Expect(frame.Locator("h1")).ToHaveTextAsync("Register LtiCurriculum with your LMS", new() { Timeout = 30_000 });
        await frame.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        // Only the tool's close message takes the platform from the framing page to its registrations page.
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tools registered by dynamic registration", new() { Timeout = 30_000 });
        Assert.Equal(before + 1, await RegistrationCountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Launch as learner" }).Last.ClickAsync();
        await Expect(page).ToHaveURLAsync(Launches.PathIs("/learn"), new() { Timeout = 30_000 });
    }

    [BrowserFact]
    public async Task Review_page_is_accessible_and_reflows_at_320()
    {
        using var http = new HttpClient();
        var start = await http.PostAsJsonAsync(fixture.Tool.Url("/dev-platform/control/registrations"), new
        {
            flavour = "moodle",
            toolRegistrationUrl = await ToolRegistrationUrlAsync(),
        }, TestContext.Current.CancellationToken);
        start.EnsureSuccessStatusCode();
        var initiation = (string)JsonNode.Parse(await start.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["initiationUrl"]!;
        await using var context = await fixture.NewContextAsync(width: 320, height: 800);
        var page = await context.NewPageAsync();

        await page.GotoAsync(initiation);

        await Expect(page.Locator("h1")).ToHaveTextAsync("Register LtiCurriculum with your LMS");
        await page.AssertAccessibleAsync("dynamic registration review");
        Assert.Null(await page.HorizontalOverflowAsync());
        await page.SaveScreenshotAsync("registration-review-320px");
    }

    private async Task<string> ToolRegistrationUrlAsync()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Tool.Url("/dev-platform"));
        return await page.Locator("#tool-registration-url").InputValueAsync();
    }

    private async Task<int> RegistrationCountAsync()
    {
        using var http = new HttpClient();
        var list = JsonNode.Parse(await http.GetStringAsync(fixture.Tool.Url("/dev-platform/control/registrations"), TestContext.Current.CancellationToken))!;
        return list.AsArray().Count;
    }
}
