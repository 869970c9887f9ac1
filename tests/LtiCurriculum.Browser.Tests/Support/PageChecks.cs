using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LtiCurriculum.Browser.Tests.Support;

/// <summary>Accessibility scans, layout measurements and screenshots of the page a test is on.</summary>
internal static class PageChecks
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>Folder of the screenshots the suite keeps (under the test output folder).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    /// <summary>
    /// Runs axe on the page as it is now. Every violation goes to the test output; serious and critical ones are
    /// returned as a description (empty when there are none) so a test can scan several pages before it fails.
    /// </summary>
    public static async Task<string> AxeProblemsAsync(this IPage page, string pageName)
    {
        var result = await page.RunAxe();
        var all = result.Violations ?? [];
        foreach (var violation in all)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"axe [{pageName}] {violation.Impact} {violation.Id}: {violation.Help} ({Targets(violation)})");
        }
        var blocking = all.Where(v => Blocking.Contains(v.Impact, StringComparer.OrdinalIgnoreCase)).ToList();
        if (blocking.Count == 0)
        {
            return "";
        }
        var text = new StringBuilder().Append($"{pageName} ({page.Url}): {blocking.Count} serious/critical axe violation(s)\n");
        foreach (var violation in blocking)
        {
            text.Append($"  - {violation.Id} [{violation.Impact}] {violation.Help} {violation.HelpUrl}\n");
            foreach (var node in violation.Nodes.Take(10))
            {
                text.Append($"      at {node.Target}: {Shorten(node.Html)}\n");
                foreach (var message in Messages(node))
                {
                    text.Append($"         {message}\n");
                }
            }
        }
        return text.ToString();
    }

    /// <summary>Fails the test when axe finds serious or critical violations on the page.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string pageName)
    {
        var problems = await page.AxeProblemsAsync(pageName);
        Assert.True(problems.Length == 0, problems);
    }

    /// <summary>
    /// Null when the document is no wider than the viewport; otherwise the widths and the elements that stick out
    /// past the right edge (so the failure names the culprit).
    /// </summary>
    public static async Task<string?> HorizontalOverflowAsync(this IPage page)
    {
        const string Script = """
            () => {
              const width = window.innerWidth;
              const scrollWidth = document.documentElement.scrollWidth;
              if (scrollWidth <= width) return null;
              const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                (e.classList.length ? '.' + [...e.classList].join('.') : '');
              const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 0.5)
                .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > width + 0.5))
                .slice(0, 10)
                .map(e => describe(e) + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + 'px): ' +
                          (e.textContent || '').trim().slice(0, 60));
              return 'scrollWidth ' + scrollWidth + 'px > innerWidth ' + width + 'px; widest: ' + wide.join(' | ');
            }
            """;
        return await page.EvaluateAsync<string?>(Script);
    }

    /// <summary>A full-page PNG under <see cref="ScreenshotFolder"/>; returns its path. A tall page on a busy 2-core machine can take over 15 s.</summary>
    public static async Task<string> SaveScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 60_000 });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
        return path;
    }

    private static IEnumerable<string> Messages(AxeResultNode node) =>
        (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? [])
            .Select(check => check.Message)
            .Where(message => !string.IsNullOrWhiteSpace(message))
            .Distinct();

    private static string Targets(AxeResultItem violation) =>
        string.Join(", ", violation.Nodes.Take(5).Select(n => n.Target?.ToString()));

    private static string Shorten(string? html) =>
        html is null ? "" : html.Length > 200 ? html[..200] + "…" : html;
}
