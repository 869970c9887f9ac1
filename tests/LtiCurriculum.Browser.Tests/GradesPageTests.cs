using LtiCurriculum.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LtiCurriculum.Browser.Tests;

/// <summary>The instructor's grades page: reachable from the module page, passes axe, reflows at 320 px, grading works by keyboard-usable forms.</summary>
public sealed class GradesPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Instructor_grades_a_reflection_on_an_accessible_page()
    {
        await using var learnerContext = await fixture.NewContextAsync();
        var learner = await learnerContext.NewPageAsync();
        await learner.LaunchAsync(fixture.Tool, "med-520", "link-fc-1", Demo.PrivateLearner);
        var reflection = learner.Locator("textarea").First;
        await reflection.FillAsync("I will open with two short questions and ask students to commit to an answer before we discuss it together.");
        await reflection.Locator("xpath=ancestor::form").GetByRole(AriaRole.Button).First.ClickAsync();
        await learner.GetByRole(AriaRole.Link, new() { Name = "Review and submit" }).ClickAsync();
        await learner.GetByRole(AriaRole.Button, new() { Name = "Submit this attempt" }).ClickAsync();
        await Expect(learner.Locator("h1")).ToHaveTextAsync("Result of attempt 1");

        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, "med-520", "link-fc-1", Demo.Instructor);
        await page.GetByRole(AriaRole.Link, new() { Name = "Grades and gradebook delivery for this activity" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Grades for this activity");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reflections to grade" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("grades page");

        await page.SetViewportSizeAsync(320, 800);
        Assert.Null(await page.HorizontalOverflowAsync());
        await page.SetViewportSizeAsync(375, 800);
        await page.SaveScreenshotAsync("grades-page-375px");

        var points = page.Locator(".grading input[type=number]").First;
        await points.FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save grade and send it" }).First.ClickAsync();
        await Expect(page.Locator("[role=status]").First).ToContainTextAsync("Grade saved");
        await page.AssertAccessibleAsync("grades page after grading");
    }
}
