using LtiCurriculum.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LtiCurriculum.Browser.Tests;

/// <summary>
/// The development platform's home page: no serious axe violation, no horizontal scrolling at 320 px, and the user
/// picked once with the keyboard, after which each link has one Launch button and staff get "Add activity".
/// </summary>
public sealed class DevPlatformHomeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Home_page_is_accessible_and_reflows_at_320()
    {
        await using var context = await fixture.NewContextAsync(width: 320, height: 800);
        var page = await context.NewPageAsync();

        await page.GotoAsync(fixture.Tool.Url("/dev-platform?as=instructor-lee"));

        await page.AssertAccessibleAsync("development platform home");
        Assert.Null(await page.HorizontalOverflowAsync());
        await page.SaveScreenshotAsync("dev-platform-home-320px");
    }

    [BrowserFact]
    public async Task User_is_picked_once_with_the_keyboard_then_each_link_has_one_launch_button()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Tool.Url("/dev-platform"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add activity (Deep Linking) to MED-501" })).ToHaveCountAsync(0);

        var picker = page.GetByLabel("Launch as");
        await picker.FocusAsync();
        await picker.SelectOptionAsync("instructor-lee");
        // Focus and Enter in one step: another page of the shared browser may take the keyboard focus between two.
        await page.GetByRole(AriaRole.Button, new() { Name = "Use these settings" }).PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains("as=instructor-lee", StringComparison.Ordinal));
        await Expect(page.Locator("#current-user")).ToContainTextAsync("Dr. Jordan Lee (instructor)");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Launch Why curricula change: the case for overhaul" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add activity (Deep Linking) to MED-501" })).ToHaveCountAsync(1);
        await Expect(page.Locator("form:has(input[name='link'][value='link-cc-1']) button")).ToHaveCountAsync(1);
    }
}
