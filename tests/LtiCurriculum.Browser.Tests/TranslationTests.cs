using LtiCurriculum.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LtiCurriculum.Browser.Tests;

/// <summary>
/// One module of each built-in pack opened in Spanish and in Simplified Chinese (launch locale zh-CN): no serious or
/// critical axe violations, no sideways scrolling at 320 px (WCAG 1.4.10), and the language marked where it changes
/// (WCAG 3.1.1 and 3.1.2). One tool for the class and one 320 px context per module keep it to a launch each.
/// </summary>
public sealed class TranslationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string, string> TranslatedModules()
    {
        (string Course, string Link)[] onePerPack =
        [
            ("med-501", "link-cc-2"),   // curriculum-overhaul
            ("med-520", "link-fc-3"),   // flipped-classroom
            ("med-530", "link-cop-1"),  // communities-of-practice
            ("med-210", "link-ho-3"),   // clinical-prework
        ];
        var data = new TheoryData<string, string, string>();
        foreach (var (course, link) in onePerPack)
        {
            data.Add(course, link, "es");
            data.Add(course, link, "zh-CN");
        }
        return data;
    }

    [BrowserTheory]
    [MemberData(nameof(TranslatedModules))]
    public async Task Translated_module_passes_axe_reflows_at_320_px_and_marks_its_language(string course, string link, string locale)
    {
        var language = locale == "es" ? "es" : "zh-Hans";
        var name = $"{course}/{link} ({locale})";
        await using var context = await fixture.NewContextAsync(width: 320, height: 640);
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, course, link, Demo.PrivateLearner, locale);
        await Expect(page.Locator("form.question").First).ToBeVisibleAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(page.Locator(".module-body")).ToHaveAttributeAsync("lang", language);
        await Expect(page.Locator(".objectives ul")).ToHaveAttributeAsync("lang", language);
        // The other languages are offered in their own names, each button marked with its language.
        var choices = page.Locator("form.language-choice button[name='lang']");
        await Expect(choices).ToHaveCountAsync(2);
        foreach (var choice in await choices.AllAsync())
        {
            Assert.Equal(await choice.GetAttributeAsync("value"), await choice.GetAttributeAsync("lang"));
        }
        await Expect(page.Locator("form.language-choice button[lang='en']")).ToHaveTextAsync("English");

        var overflow = await page.HorizontalOverflowAsync();
        var problems = await page.AxeProblemsAsync(name);
        Assert.True(overflow is null, $"{name} scrolls sideways at 320 px: {overflow}");
        Assert.True(problems.Length == 0, problems);
    }

    [BrowserFact]
    public async Task English_reader_switches_to_spanish_from_the_note_and_back()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, "med-520", "link-fc-2", Demo.PrivateLearner, "en");
        var note = page.Locator("form.language-choice");
        await Expect(note).ToContainTextAsync("This module is also available in:");

        await note.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.Locator(".module-body")).ToHaveAttributeAsync("lang", "es");
        await Expect(page).ToHaveURLAsync(Launches.PathIs("/learn"));
        await page.Locator("form.language-choice").GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }
}
