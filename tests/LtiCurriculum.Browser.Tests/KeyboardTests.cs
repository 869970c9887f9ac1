using LtiCurriculum.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LtiCurriculum.Browser.Tests;

/// <summary>A keyboard-only learner: the skip link, every question control in the Tab order, answering without a mouse.</summary>
public sealed class KeyboardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>What has focus: question controls by role (a radio group counts once, as Tab enters it once), others by id or text.</summary>
    private const string DescribeFocus = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body || e === document.documentElement) return null;
          const form = e.closest('form.question');
          if (form && e.type === 'radio') return form.id + ':radio:' + e.name;
          if (form && e.tagName === 'BUTTON') return form.id + ':button';
          if (e.id) return '#' + e.id;
          return e.tagName.toLowerCase() + ':' + (e.textContent || '').trim().slice(0, 40);
        }
        """;

    private const string QuestionControls = """
        () => [...document.querySelectorAll('form.question')].flatMap(form => {
          const found = [];
          for (const e of form.querySelectorAll('input:not([type=hidden]), textarea, select, button')) {
            const key = e.type === 'radio' ? form.id + ':radio:' + e.name : e.tagName === 'BUTTON' ? form.id + ':button' : '#' + e.id;
            if (!found.includes(key)) found.push(key);
          }
          return found;
        })
        """;

    [BrowserFact]
    public async Task The_skip_link_is_the_first_stop_and_moves_focus_to_main()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, "med-501", "link-cc-1", Demo.Learner);

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip-link");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToHaveTextAsync("Skip to content");
        // Hidden off-screen until focused; then it must be on screen for sighted keyboard users.
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { X: >= 0, Y: >= 0 } && box.X + box.Width <= 1280, $"The focused skip link is off screen: {box?.X},{box?.Y}");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
        // The next Tab continues inside main, not back at the top of the page.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('main').contains(document.activeElement)"),
            "After the skip link, Tab should move to the first control inside main.");
    }

    [BrowserFact]
    public async Task Every_question_control_is_reachable_with_Tab()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, "med-501", "link-cc-1", Demo.PrivateLearner);
        var expected = await page.EvaluateAsync<string[]>(QuestionControls);
        Assert.NotEmpty(expected);

        var visited = new List<string>();
        for (var presses = 0; presses < 400; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string?>(DescribeFocus);
            if (focused is null || (visited.Count > 0 && focused == visited[0]))
            {
                break;   // past the last stop (or wrapped around)
            }
            visited.Add(focused);
        }

        var missing = expected.Except(visited).ToList();
        Assert.True(missing.Count == 0, $"Not reachable with Tab: {string.Join(", ", missing)}. Tab order: {string.Join(" → ", visited)}");
        // The questions come in the order they are on the page.
        var order = visited.Where(expected.Contains).Distinct().ToList();
        Assert.Equal(expected, order);
    }

    [BrowserFact]
    public async Task A_question_can_be_answered_and_checked_without_a_mouse()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, "med-501", "link-cc-1", Demo.TeachingAssistant);
        var q1 = page.Locator("#q-co-cfc-q1");

        // Tab into the first radio group; the arrow key moves to (and chooses) the next option, which autosaves.
        await page.Locator("#q-co-cfc-q1-a").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("#q-co-cfc-q1-b")).ToBeFocusedAsync();
        await Expect(page.Locator("#q-co-cfc-q1-b")).ToBeCheckedAsync();
        await Expect(q1.Locator(".save-status")).ToHaveTextAsync("Saved");

        await page.Keyboard.PressAsync("Tab");
        await Expect(q1.GetByRole(AriaRole.Button, new() { Name = "Save and check" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(q1.Locator(".feedback .verdict")).ToContainTextAsync("Correct");
        // Focus stays where the learner was, so they can read on from there.
        await Expect(q1.GetByRole(AriaRole.Button, new() { Name = "Save and check" })).ToBeFocusedAsync();
    }
}
