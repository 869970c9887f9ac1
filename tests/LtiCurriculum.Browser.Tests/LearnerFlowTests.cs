using System.Text.RegularExpressions;
using LtiCurriculum.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LtiCurriculum.Browser.Tests;

/// <summary>
/// A student's whole visit, as a browser does it: launch from the development platform into "Making the case for
/// curricular change" (med-501 link-cc-1: q1 single choice, q4 reflection, immediate feedback), answer, submit.
/// </summary>
public sealed class LearnerFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string ModuleTitle = "Making the case for curricular change";
    private const string Reflection =
        "External strand: accreditation now expects graduates who can work in teams. Local strand: residency directors " +
        "report weak handover skills. Aspirational strand: graduates who lead quality improvement on day one.";

    [BrowserFact]
    public async Task With_JavaScript_a_student_autosaves_resumes_sees_feedback_in_place_and_submits()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, "med-501", "link-cc-1", Demo.Learner);

        await Expect(page).ToHaveURLAsync(Launches.PathIs("/learn"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(ModuleTitle);
        await Expect(page.Locator("#progress-label")).ToHaveTextAsync("0 of 5 questions answered");

        // Clicking the label chooses the option; learn.js saves it at once and says so.
        var q1 = page.Locator("#q-co-cfc-q1");
        await q1.Locator("label[for='q-co-cfc-q1-a']").ClickAsync();
        await Expect(page.Locator("#q-co-cfc-q1-a")).ToBeCheckedAsync();
        await Expect(q1.Locator(".save-status")).ToHaveTextAsync("Saved");
        await Expect(page.Locator("#progress-label")).ToHaveTextAsync("1 of 5 questions answered");
        // Autosave is quiet: feedback waits for "Save and check".
        await Expect(q1.Locator(".feedback")).ToBeEmptyAsync();

        // Resume: the saved answer comes back from the server (and, with immediate feedback, its verdict).
        await page.ReloadAsync();
        await Expect(page.Locator("#q-co-cfc-q1-a")).ToBeCheckedAsync();
        await Expect(q1.Locator(".feedback .verdict")).ToContainTextAsync("Not quite");
        await Expect(page.Locator("#progress-label")).ToHaveTextAsync("1 of 5 questions answered");

        // "Save and check" saves and shows feedback in place: no navigation (the marker on window survives).
        await page.EvaluateAsync("() => { window.__samePage = true; }");
        var urlBefore = page.Url;
        await q1.Locator("label[for='q-co-cfc-q1-b']").ClickAsync();
        await q1.GetByRole(AriaRole.Button, new() { Name = "Save and check" }).ClickAsync();
        await Expect(q1.Locator(".feedback .verdict")).ToContainTextAsync("Correct");
        await Expect(q1.Locator(".feedback")).ToContainTextAsync("This is the heart of the Commission's argument");
        await Expect(q1.Locator(".save-status")).ToHaveTextAsync("Saved");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"), "Save and check must not reload or leave the page.");
        Assert.Equal(urlBefore, page.Url);

        // A reflection autosaves after a pause in typing.
        var q4 = page.Locator("#q-co-cfc-q4");
        await page.Locator("#q-co-cfc-q4-text").FillAsync(Reflection);
        await Expect(q4.Locator(".save-status")).ToHaveTextAsync("Saved");
        await Expect(page.Locator("#progress-label")).ToHaveTextAsync("2 of 5 questions answered");

        // Review lists what is still open, then submit.
        await page.GetByRole(AriaRole.Link, new() { Name = "Review and submit" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Launches.PathIs("/learn/review"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Review before you submit");
        await Expect(page.Locator(".notice")).ToHaveTextAsync("3 questions are not answered yet:");
        await Expect(page.Locator("ul.unanswered li")).ToHaveTextAsync(["Question 2", "Question 3", "Question 5"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit this attempt" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/learn/result\?attempt=\d+&"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Result of attempt 1");
        // q1 correct (1 of 1) and the reflection complete (2 of 2); the multiple-choice q2 and q3 unanswered (0 of 3).
        await Expect(page.Locator(".score")).ToHaveTextAsync("You scored 3 of 6 points.");
        await Expect(page.Locator(".reflection-answer")).ToHaveTextAsync(Reflection);
    }

    [BrowserFact]
    public async Task Without_JavaScript_every_answer_is_a_form_post_that_comes_back_to_the_module()
    {
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, "med-501", "link-cc-1", Demo.PrivateLearner, javaScript: false);

        await Expect(page.Locator("h1")).ToHaveTextAsync(ModuleTitle);
        await Expect(page.Locator("#progress-label")).ToHaveTextAsync("0 of 5 questions answered");

        // The question's own button posts the form; the 303 brings the learner back to that question.
        var q1 = page.Locator("#q-co-cfc-q1");
        await q1.Locator("label[for='q-co-cfc-q1-b']").ClickAsync();
        await q1.GetByRole(AriaRole.Button, new() { Name = "Save and check" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/learn\?lti_session=[^#]+#q-co-cfc-q1$"));
        await Expect(page.Locator("#q-co-cfc-q1-b")).ToBeCheckedAsync();
        await Expect(q1.Locator(".feedback .verdict")).ToContainTextAsync("Correct");
        await Expect(page.Locator("#progress-label")).ToHaveTextAsync("1 of 5 questions answered");

        var q4 = page.Locator("#q-co-cfc-q4");
        await page.Locator("#q-co-cfc-q4-text").FillAsync(Reflection);
        await q4.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"#q-co-cfc-q4$"));
        await Expect(page.Locator("#q-co-cfc-q4-text")).ToHaveValueAsync(Reflection);
        await Expect(page.Locator("#q-co-cfc-q1-b")).ToBeCheckedAsync();
        await Expect(page.Locator("#progress-label")).ToHaveTextAsync("2 of 5 questions answered");

        await page.GetByRole(AriaRole.Link, new() { Name = "Review and submit" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Review before you submit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit this attempt" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/learn/result\?attempt=\d+&"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Result of attempt 1");
        await Expect(page.Locator(".score")).ToHaveTextAsync("You scored 3 of 6 points.");

        // The module link now leads to the result: the attempt is closed.
        await page.GotoAsync(page.Url.Replace("/learn/result", "/learn", StringComparison.Ordinal));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Result of attempt 1");
    }

    [BrowserFact]
    public async Task Text_typed_just_before_leaving_the_page_is_still_saved()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, "med-501", "link-cc-2", Demo.Learner);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Governance, stakeholders and communication");

        // Leave at once, well inside the autosave pause: the page sends the pending text as it goes.
        await page.Locator("#q-co-gov-q4-text").FillAsync(Reflection);
        await page.GetByRole(AriaRole.Link, new() { Name = "Review and submit" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Review before you submit");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the module" }).ClickAsync();
        await Expect(page.Locator("#q-co-gov-q4-text")).ToHaveValueAsync(Reflection);
    }
}
