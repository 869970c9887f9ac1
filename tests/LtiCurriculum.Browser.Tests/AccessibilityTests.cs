using System.Text.RegularExpressions;
using LtiCurriculum.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LtiCurriculum.Browser.Tests;

/// <summary>axe-core on the pages of an attempt (module, feedback, review, result) and the error page: no serious or critical violations.</summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Module_feedback_review_and_result_pages_pass_axe()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, "med-501", "link-cc-1", Demo.Learner);
        var problems = new List<string>();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Making the case for curricular change");
        problems.Add(await page.AxeProblemsAsync("module page"));

        // Feedback in place (learn.js), for a wrong single choice and a partly right multiple choice (two of four right options).
        var q1 = page.Locator("#q-co-cfc-q1");
        await q1.Locator("label[for='q-co-cfc-q1-a']").ClickAsync();
        await q1.GetByRole(AriaRole.Button, new() { Name = "Save and check" }).ClickAsync();
        await Expect(q1.Locator(".feedback .verdict")).ToContainTextAsync("Not quite");
        var q2 = page.Locator("#q-co-cfc-q2");
        await q2.Locator("label[for='q-co-cfc-q2-a']").ClickAsync();
        await q2.Locator("label[for='q-co-cfc-q2-b']").ClickAsync();
        await q2.GetByRole(AriaRole.Button, new() { Name = "Save and check" }).ClickAsync();
        await Expect(q2.Locator(".feedback .verdict")).ToContainTextAsync("Partly correct");
        problems.Add(await page.AxeProblemsAsync("module page with feedback"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Review and submit" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Review before you submit");
        problems.Add(await page.AxeProblemsAsync("review page"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit this attempt" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Result of attempt 1");
        problems.Add(await page.AxeProblemsAsync("result page"));

        var failures = string.Join("\n", problems.Where(p => p.Length > 0));
        Assert.True(failures.Length == 0, failures);
    }

    [BrowserFact]
    public async Task Error_page_passes_axe()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(fixture.Tool.Url("/learn"));

        Assert.Equal(401, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Please open this activity from your course");
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("needs an active launch");
        await page.AssertAccessibleAsync("error page (no session)");
    }
}
