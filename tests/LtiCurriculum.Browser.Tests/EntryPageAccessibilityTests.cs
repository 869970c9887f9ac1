using LtiCurriculum.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace LtiCurriculum.Browser.Tests;

/// <summary>
/// axe-core on the other pages a launch can land on: not set up (learner), the activity settings (instructor), the module in
/// Spanish and Chinese, the read-only module of an anonymous launch. A class of its own so it runs beside
/// <see cref="AccessibilityTests"/> (each axe scan takes seconds).
/// </summary>
public sealed class EntryPageAccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Not_set_up_page_passes_axe()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, "med-501", "link-cc-setup", Demo.Learner);

        await Expect(page.Locator("h1")).ToHaveTextAsync("This activity is not set up yet");
        await page.AssertAccessibleAsync("not-set-up page");
    }

    [BrowserFact]
    public async Task Settings_page_passes_axe()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, "med-501", "link-cc-setup", Demo.Instructor);

        await Expect(page).ToHaveURLAsync(Launches.PathIs("/teach/settings"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Settings for this activity");
        await page.AssertAccessibleAsync("settings page");
    }

    [BrowserTheory]
    [InlineData("es", "es", "Ir al contenido")]
    [InlineData("zh-CN", "zh-Hans", "跳到正文")]
    public async Task Translated_module_page_passes_axe(string locale, string htmlLang, string skipText)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        // cp-anemia-approach has a Spanish translation; in Chinese the page's words are Chinese and the module English.
        await page.LaunchAsync(fixture.Tool, "med-210", "link-ho-1", Demo.PrivateLearner, locale);

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", htmlLang);
        await Expect(page.Locator("a.skip-link")).ToHaveTextAsync(skipText);
        await page.AssertAccessibleAsync($"module page ({locale})");
    }

    [BrowserFact]
    public async Task Read_only_module_page_of_an_anonymous_launch_passes_axe()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, "med-520", "link-fc-1", Demo.Anonymous);

        await Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("without signing in");
        await page.AssertAccessibleAsync("module page (anonymous, read-only)");
    }
}
