using System.Text.Json;
using LtiCurriculum.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LtiCurriculum.Browser.Tests;

/// <summary>
/// The instructor's Teach pages in a real browser: deep linking (catalogue → setup → signed response → links on the
/// course) and settings with the keyboard alone; axe on the catalogue, setup, settings, dashboard and grades pages in
/// English, Spanish and Chinese launches; reflow at 320 px; screenshots at 1280 and 375 px.
/// Each test uses its own course or link, so none depends on another's changes to the shared database.
/// </summary>
public sealed class TeachTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly (int Width, int Height)[] Sizes = [(1280, 800), (375, 812)];

    /// <summary>learner-ana's submitted attempt on med-520/link-fc-1, made once per tool (the dashboard needs student data).</summary>
    private static readonly SemaphoreSlim SubmissionGate = new(1, 1);
    private static readonly HashSet<string> Submitted = [];

    [BrowserFact]
    public async Task Deep_linking_with_the_keyboard_alone_adds_two_configured_links_to_the_course()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.StartDeepLinkingAsync(fixture.Tool, "med-520");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Add content from LtiCurriculum");

        // The first two modules of the catalogue, picked with Tab and Space.
        var picks = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('ul.catalogue input[name=module]')].slice(0, 2).map(e => e.id)");
        Assert.Equal(2, picks.Length);
        Assert.All(picks, id => Assert.StartsWith("pick-", id));
        foreach (var id in picks)
        {
            await page.TabToAsync($"#{id}");
            await page.Keyboard.PressAsync("Space");
            await Expect(page.Locator($"#{id}")).ToBeCheckedAsync();
        }
        var modules = picks.Select(id => id["pick-".Length..]).ToArray();

        await page.TabToAsync("button.primary");
        await Expect(page.Locator("button.primary")).ToHaveTextAsync("Continue: set up the chosen modules");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(Launches.PathIs("/teach/deep-linking/setup"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Set up the new activities");
        await Expect(page.Locator("section.item-setup")).ToHaveCountAsync(2);
        var titles = new[]
        {
            await page.Locator("#item0_title").InputValueAsync(),
            await page.Locator("#item1_title").InputValueAsync(),
        };
        Assert.All(titles, title => Assert.False(string.IsNullOrWhiteSpace(title)));

        // Points and attempts of the first activity, typed.
        await page.TabToAsync("#item0_points");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("7");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#item0_attempts")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("3");
        await Expect(page.Locator("#item0_points")).ToHaveValueAsync("7");
        await Expect(page.Locator("#item0_attempts")).ToHaveValueAsync("3");

        await page.TabToAsync("form.settings-form button.primary", maxPresses: 200);
        await Expect(page.Locator("form.settings-form button.primary")).ToHaveTextAsync("Add to the course");
        await page.Keyboard.PressAsync("Enter");

        // The tool's page posts the signed response to the platform, which makes the links.
        await Expect(page).ToHaveURLAsync(Launches.PathIs("/dev-platform/deep-link-return"), new() { Timeout = 60_000 });
        await Expect(page.Locator("h1")).ToHaveTextAsync("Deep linking response received");
        var created = page.Locator("ul.created-links > li");
        await Expect(created).ToHaveCountAsync(2);
        await Expect(created.Nth(0)).ToContainTextAsync(titles[0]);
        await Expect(created.Nth(0)).ToContainTextAsync($"module={modules[0]}");
        await Expect(created.Nth(0)).ToContainTextAsync("points=7");
        await Expect(created.Nth(0)).ToContainTextAsync("attempts=3");
        await Expect(created.Nth(1)).ToContainTextAsync($"module={modules[1]}");

        // Back on the course (by keyboard too), each new link has its Launch button.
        var back = page.GetByRole(AriaRole.Link, new() { Name = "Back to MED-520 on the demo courses page" });
        await page.TabToAsync("a[href*='/dev-platform?']");
        await Expect(back).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        // Polled rather than awaited as a navigation event, which a busy machine can deliver before the wait begins.
        await Expect(page).ToHaveURLAsync(Launches.PathIs("/dev-platform"), new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
        var course = page.Locator("section#course-med-520-section");
        foreach (var title in titles)
        {
            await Expect(course.GetByRole(AriaRole.Button, new() { Name = $"Launch {title}", Exact = true })).ToHaveCountAsync(1);
        }

        using var http = new HttpClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync(
            fixture.Tool.Url("/dev-platform/courses/med-520/links.json"), TestContext.Current.CancellationToken));
        var made = json.RootElement.GetProperty("links").EnumerateArray()
            .Where(link => link.GetProperty("createdByDeepLinking").GetBoolean())
            .ToList();
        Assert.Equal(2, made.Count);
        var first = made.Single(link => link.GetProperty("custom").GetProperty("module").GetString() == modules[0]);
        Assert.Equal("7", first.GetProperty("custom").GetProperty("points").GetString());
        Assert.Equal("3", first.GetProperty("custom").GetProperty("attempts").GetString());
        Assert.Equal(titles[0], first.GetProperty("title").GetString());
        var second = made.Single(link => link.GetProperty("custom").GetProperty("module").GetString() == modules[1]);
        Assert.False(second.GetProperty("custom").TryGetProperty("points", out _), "Only the first activity's points were set.");
    }

    [BrowserFact]
    public async Task Settings_are_changed_from_the_dashboard_with_the_keyboard_alone()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LaunchAsStaffAsync(fixture.Tool, "med-501", "link-cc-2");
        await Expect(page).ToHaveURLAsync(Launches.PathIs("/teach/dashboard"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Class readiness");

        var settingsLink = page.Locator("nav.teach-nav a", new() { HasTextString = "Settings" });
        await page.TabToAsync("nav.teach-nav li:nth-child(2) a");
        await Expect(settingsLink).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(Launches.PathIs("/teach/settings"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Settings for this activity");
        await Expect(page.Locator("nav.teach-nav a[aria-current=page]")).ToHaveTextAsync("Settings");

        await page.TabToAsync("#attempts");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("4");
        await Expect(page.Locator("#attempts")).ToHaveValueAsync("4");
        await page.TabToAsync("form.settings-form button[type=submit]", maxPresses: 200);
        await Expect(page.Locator("form.settings-form button[type=submit]")).ToHaveTextAsync("Save settings");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("Settings saved.");
        await Expect(page.Locator("#attempts")).ToHaveValueAsync("4");
        await Expect(page.Locator("p.field-error")).ToHaveCountAsync(0);
    }

    [BrowserTheory]
    [InlineData("en", "en")]
    [InlineData("es", "es")]
    [InlineData("zh-CN", "zh-Hans")]
    public async Task Teach_pages_pass_axe(string locale, string htmlLang)
    {
        await EnsureLearnerSubmittedAsync();
        var problems = new List<string>();
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        // Catalogue and setup (a deep-linking request that is never answered: nothing is added to the course).
        await page.StartDeepLinkingAsync(fixture.Tool, "med-530", locale: locale);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", htmlLang);
        await Expect(page.Locator("ul.catalogue input[name=module]").First).ToBeVisibleAsync();
        problems.Add(await page.AxeProblemsAsync($"catalogue ({locale})"));
        await page.Locator("ul.catalogue input[name=module]").First.CheckAsync();
        await page.Locator("form[action='/teach/deep-linking/setup'] button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(Launches.PathIs("/teach/deep-linking/setup"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", htmlLang);
        problems.Add(await page.AxeProblemsAsync($"setup ({locale})"));

        // Dashboard with learner-ana's submission, then settings and grades through the activity's navigation.
        await page.LaunchAsStaffAsync(fixture.Tool, "med-520", "link-fc-1", locale: locale);
        await Expect(page).ToHaveURLAsync(Launches.PathIs("/teach/dashboard"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", htmlLang);
        await Expect(page.Locator("#students table tbody tr").First).ToBeVisibleAsync();
        problems.Add(await page.AxeProblemsAsync($"dashboard ({locale})"));

        await page.Locator("nav.teach-nav li:nth-child(2) a").ClickAsync();
        await Expect(page).ToHaveURLAsync(Launches.PathIs("/teach/settings"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", htmlLang);
        problems.Add(await page.AxeProblemsAsync($"settings ({locale})"));

        await page.Locator("nav.teach-nav li:nth-child(3) a").ClickAsync();
        await Expect(page).ToHaveURLAsync(Launches.PathIs("/teach/grades"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", htmlLang);
        problems.Add(await page.AxeProblemsAsync($"grades ({locale})"));

        var failures = string.Join("\n", problems.Where(p => p.Length > 0));
        Assert.True(failures.Length == 0, failures);
    }

    [BrowserFact]
    public async Task Teach_pages_are_captured_at_1280_and_375_and_reflow_at_320()
    {
        var overflow = new List<string>();
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.StartDeepLinkingAsync(fixture.Tool, "med-210");
        await Expect(page.Locator("ul.catalogue input[name=module]").First).ToBeVisibleAsync();
        await CaptureAsync(page, "teach-01-catalogue");
        overflow.Add(await OverflowAt320Async(page, "catalogue"));

        await page.Locator("ul.catalogue input[name=module]").First.CheckAsync();
        await page.Locator("form[action='/teach/deep-linking/setup'] button[type=submit]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Set up the new activities");
        await CaptureAsync(page, "teach-02-setup");

        await page.LaunchAsStaffAsync(fixture.Tool, "med-530", "link-cop-1");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Class readiness");
        await CaptureAsync(page, "teach-04-dashboard");
        overflow.Add(await OverflowAt320Async(page, "dashboard"));

        await page.Locator("nav.teach-nav li:nth-child(2) a").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Settings for this activity");
        await CaptureAsync(page, "teach-03-settings");
        overflow.Add(await OverflowAt320Async(page, "settings"));

        foreach (var (width, _) in Sizes)
        {
            foreach (var name in new[] { "teach-01-catalogue", "teach-02-setup", "teach-03-settings", "teach-04-dashboard" })
            {
                var file = Path.Combine(PageChecks.ScreenshotFolder, $"{name}-{width}px.png");
                Assert.True(new FileInfo(file).Length > 0, $"No screenshot at {file}");
            }
        }
        var failures = string.Join("\n", overflow.Where(o => o.Length > 0));
        Assert.True(failures.Length == 0, failures);
    }

    /// <summary>learner-ana answers a question of med-520/link-fc-1 and submits, once per tool.</summary>
    private async Task EnsureLearnerSubmittedAsync()
    {
        await SubmissionGate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (Submitted.Contains(fixture.Tool.Origin))
            {
                return;
            }
            await using var context = await fixture.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.LaunchAsync(fixture.Tool, "med-520", "link-fc-1", Demo.Learner);
            var q1 = page.Locator("form.question").First;
            await q1.Locator(".option label").First.ClickAsync();
            await q1.GetByRole(AriaRole.Button, new() { Name = "Save and check" }).ClickAsync();
            await Expect(q1.Locator(".feedback .verdict")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Review and submit" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit this attempt" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Result of attempt 1");
            Submitted.Add(fixture.Tool.Origin);
        }
        finally
        {
            SubmissionGate.Release();
        }
    }

    private static async Task CaptureAsync(IPage page, string name)
    {
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.SaveScreenshotAsync($"{name}-{width}px");
        }
        await page.SetViewportSizeAsync(1280, 800);
    }

    private static async Task<string> OverflowAt320Async(IPage page, string pageName)
    {
        await page.SetViewportSizeAsync(320, 640);
        var overflow = await page.HorizontalOverflowAsync();
        await page.SetViewportSizeAsync(1280, 800);
        return overflow is null ? "" : $"{pageName} scrolls sideways at 320 px: {overflow}";
    }
}
