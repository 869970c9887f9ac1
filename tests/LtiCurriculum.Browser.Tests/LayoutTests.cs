using System.Text.RegularExpressions;
using LtiCurriculum.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LtiCurriculum.Browser.Tests;

/// <summary>
/// Full-page screenshots of the attempt's pages at a desktop and a phone width (kept under
/// bin/…/artifacts/screenshots), and no horizontal scrolling at 320 px, the narrowest width WCAG 1.4.10 (reflow) asks for.
/// </summary>
public sealed class LayoutTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly (int Width, int Height)[] Sizes = [(1280, 800), (375, 812)];

    [BrowserFact]
    public async Task Module_review_and_result_pages_are_captured_at_1280_and_375_and_reflow_at_320()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, "med-520", "link-fc-1", Demo.Learner);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Designing pre-work that students actually do");
        var overflow = new List<string>();

        await CaptureAsync(page, "01-module");
        overflow.Add(await OverflowAt320Async(page, "module page"));

        // One answer with feedback, so the later pages have something in them.
        var q1 = page.Locator("form.question").First;
        await q1.Locator(".option label").First.ClickAsync();
        await q1.GetByRole(AriaRole.Button, new() { Name = "Save and check" }).ClickAsync();
        await Expect(q1.Locator(".feedback .verdict")).ToBeVisibleAsync();
        await CaptureAsync(page, "02-module-with-feedback");
        overflow.Add(await OverflowAt320Async(page, "module page with feedback"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Review and submit" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Review before you submit");
        await CaptureAsync(page, "03-review");
        overflow.Add(await OverflowAt320Async(page, "review page"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit this attempt" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/learn/result\?attempt=\d+&"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Result of attempt 1");
        await CaptureAsync(page, "04-result");
        overflow.Add(await OverflowAt320Async(page, "result page"));

        foreach (var (width, _) in Sizes)
        {
            foreach (var name in new[] { "01-module", "03-review", "04-result" })
            {
                var file = Path.Combine(PageChecks.ScreenshotFolder, $"{name}-fc-designing-prework-{width}px.png");
                Assert.True(new FileInfo(file).Length > 0, $"No screenshot at {file}");
            }
        }
        var failures = string.Join("\n", overflow.Where(o => o.Length > 0));
        Assert.True(failures.Length == 0, failures);
    }

    public static TheoryData<string, string, string> ModuleLinks() => new()
    {
        { "med-501", "link-cc-1", "en" },
        { "med-501", "link-cc-2", "en" },
        { "med-501", "link-cc-3", "en" },
        { "med-501", "link-cc-4", "en" },
        { "med-520", "link-fc-1", "en" },
        { "med-520", "link-fc-2", "en" },
        { "med-520", "link-fc-3", "en" },
        { "med-530", "link-cop-1", "en" },
        { "med-530", "link-cop-2", "en" },
        { "med-210", "link-ho-1", "en" },
        { "med-210", "link-ho-1", "es" },
        { "med-210", "link-ho-1", "zh-CN" },
        { "med-210", "link-ho-2", "en" },
        { "med-210", "link-ho-3", "en" },
    };

    [BrowserTheory]
    [MemberData(nameof(ModuleLinks))]
    public async Task Every_built_in_module_page_reflows_at_320_px(string course, string link, string locale)
    {
        await using var context = await fixture.NewContextAsync(width: 320, height: 640);
        var page = await context.NewPageAsync();
        // A learner who never answers here, so each module page is in its first (empty) state.
        await page.LaunchAsync(fixture.Tool, course, link, Demo.PrivateLearner, locale);
        await Expect(page.Locator("form.question").First).ToBeVisibleAsync();

        var overflow = await page.HorizontalOverflowAsync();
        Assert.True(overflow is null, $"{course}/{link} ({locale}) module page scrolls sideways at 320 px: {overflow}");
    }

    [BrowserTheory]
    [InlineData("med-501", "link-cc-setup", Demo.Learner, "This activity is not set up yet")]
    [InlineData("med-501", "link-cc-setup", Demo.Instructor, "Settings for this activity")]
    public async Task Not_set_up_and_settings_pages_reflow_at_320_px(string course, string link, string user, string heading)
    {
        await using var context = await fixture.NewContextAsync(width: 320, height: 640);
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, course, link, user);
        await Expect(page.Locator("h1")).ToHaveTextAsync(heading);

        var overflow = await page.HorizontalOverflowAsync();
        Assert.True(overflow is null, $"'{heading}' scrolls sideways at 320 px: {overflow}");
    }

    [BrowserFact]
    public async Task Error_page_reflows_at_320_px()
    {
        await using var context = await fixture.NewContextAsync(width: 320, height: 640);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Tool.Url("/learn?lti_session=not-a-session"));
        await Expect(page.Locator("[role=alert]")).ToBeVisibleAsync();

        var overflow = await page.HorizontalOverflowAsync();
        Assert.True(overflow is null, $"The error page scrolls sideways at 320 px: {overflow}");
    }

    private static async Task CaptureAsync(IPage page, string name)
    {
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.SaveScreenshotAsync($"{name}-fc-designing-prework-{width}px");
        }
    }

    private static async Task<string> OverflowAt320Async(IPage page, string pageName)
    {
        await page.SetViewportSizeAsync(320, 640);
        var overflow = await page.HorizontalOverflowAsync();
        await page.SetViewportSizeAsync(1280, 800);
        return overflow is null ? "" : $"{pageName} scrolls sideways at 320 px: {overflow}";
    }
}
