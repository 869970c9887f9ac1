using System.IO.Compression;
using System.Text;
using LtiCurriculum.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LtiCurriculum.Browser.Tests;

/// <summary>The content packs page as an LMS administrator uses it: reached from the course staff pages, upload by file picker, axe-clean.</summary>
public sealed class PackAdminPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Manifest = "id: browser-pack\ntitle: Browser pack\naudience: students\nversion: 1.0.0\nlanguages: [en]\nlicence: CC BY 4.0\nauthors: [Teaching office]\n";

    private const string Module = """
        ---
        id: browser-handover
        title: Handover in one minute
        kind: prework
        minutes: 5
        objectives:
          - Say what comes first in a handover.
        ---

        ## Start with severity

        Say how sick the patient is before anything else.

        ```question
        id: browser-h-q1
        type: single
        points: 1
        prompt: What comes first?
        options:
          - id: a
            text: Illness severity
            correct: true
          - id: b
            text: The to-do list
        ```
        """;

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }

    [BrowserFact]
    public async Task An_administrator_finds_the_page_uploads_a_broken_then_a_good_pack_and_every_page_passes_axe()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LaunchAsync(fixture.Tool, "med-501", "link-cc-1", "admin");
        // The launch helper goes on to the student view; the administrator goes back to class readiness.
        var session = await page.Locator("input[name='lti_session']").First.GetAttributeAsync("value");
        await page.GotoAsync(fixture.Tool.Url("/teach/dashboard?lti_session=" + Uri.EscapeDataString(session!)));

        await page.GetByRole(AriaRole.Link, new() { Name = "Content packs" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Content packs");
        await Expect(page.Locator("#pack-clinical-prework")).ToContainTextAsync("Serves new attempts");
        await page.AssertAccessibleAsync("content packs page");

        var picker = page.GetByLabel("Pack zip");
        await picker.SetInputFilesAsync(new FilePayload
        {
            Name = "broken.zip", MimeType = "application/zip",
            Buffer = Zip(("pack.yaml", Manifest), ("01-handover.md", Module.Replace("    correct: true\n", "")), ("run.sh", "echo")),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and install" }).ClickAsync();
        var problems = page.GetByRole(AriaRole.Alert);
        await Expect(problems.Locator("h2")).ToHaveTextAsync("The pack was not installed");
        await Expect(problems).ToContainTextAsync("run.sh");
        await Expect(problems).ToContainTextAsync("browser-pack/01-handover.md:");
        await page.AssertAccessibleAsync("content packs page with upload problems");

        await page.GetByLabel("Pack zip").SetInputFilesAsync(new FilePayload { Name = "browser-pack.zip", MimeType = "application/zip", Buffer = Zip(("pack.yaml", Manifest), ("01-handover.md", Module)) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and install" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Pack browser-pack is installed and serves new attempts.");
        await Expect(page.Locator("#pack-browser-pack")).ToContainTextAsync("Uploaded");

        await page.GetByRole(AriaRole.Button, new() { Name = "Disable Browser pack" }).ClickAsync();
        await Expect(page.Locator("#pack-browser-pack")).ToContainTextAsync("Disabled");
        await page.AssertAccessibleAsync("content packs page after a change");
    }
}
