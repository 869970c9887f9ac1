using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LtiCurriculum.Browser.Tests.Support;

/// <summary>Course staff's ways into the Teach pages from the development platform's home page.</summary>
internal static class TeachLaunches
{
    /// <summary>
    /// Opens /dev-platform?as=<paramref name="user"/>&amp;locale=…, presses the course's "Add activity (Deep Linking)"
    /// button (focus + Enter, as a keyboard user would) and waits for the tool's catalogue (/teach/deep-linking).
    /// </summary>
    public static async Task StartDeepLinkingAsync(
        this IPage page, ToolServer tool, string course, string user = Demo.Instructor, string locale = "en")
    {
        await page.GotoAsync(tool.Url($"/dev-platform?as={Uri.EscapeDataString(user)}&locale={Uri.EscapeDataString(locale)}"));
        var form = page.Locator(
            $"form:has(input[name='course'][value='{course}']):has(input[name='message_type'][value='LtiDeepLinkingRequest'])");
        await Assertions.Expect(form).ToHaveCountAsync(1);
        await Assertions.Expect(form.Locator("input[name='locale']")).ToHaveValueAsync(locale);
        var button = form.Locator($"button[name='user'][value='{user}']");
        await Assertions.Expect(button).ToContainTextAsync("Add activity (Deep Linking)");
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // Polled (login initiation, authorization and launch happen on the way), not awaited as one navigation event.
        await Assertions.Expect(page).ToHaveURLAsync(Launches.PathIs("/teach/deep-linking"), new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>
    /// Launches a link as course staff (home page, the link's Launch button) and waits for a /teach page (a bound link
    /// lands on /teach/dashboard, an unbound one on /teach/settings).
    /// </summary>
    public static async Task LaunchAsStaffAsync(
        this IPage page, ToolServer tool, string course, string link, string user = Demo.Instructor, string locale = "en")
    {
        await page.GotoAsync(tool.Url($"/dev-platform?as={Uri.EscapeDataString(user)}&locale={Uri.EscapeDataString(locale)}"));
        var form = page.Locator($"form:has(input[name='course'][value='{course}']):has(input[name='link'][value='{link}'])");
        await Assertions.Expect(form).ToHaveCountAsync(1);
        await Assertions.Expect(form.Locator("input[name='locale']")).ToHaveValueAsync(locale);
        await form.Locator($"button[name='user'][value='{user}']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^https?://[^/]+/teach/"), new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>
    /// Presses Tab (at most <paramref name="maxPresses"/> times) until the element matching <paramref name="selector"/>
    /// has focus; fails naming the stops visited otherwise. Only the keyboard moves focus.
    /// </summary>
    public static async Task TabToAsync(this IPage page, string selector, int maxPresses = 150, bool backwards = false)
    {
        var visited = new List<string>();
        for (var press = 0; press < maxPresses; press++)
        {
            if (await page.EvaluateAsync<bool>("s => { const e = document.querySelector(s); return !!e && e === document.activeElement; }", selector))
            {
                return;
            }
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            visited.Add(await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return !e ? '-' : e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ':' + (e.textContent || '').trim().slice(0, 30); }"));
        }
        Assert.Fail($"Tab never reached {selector} on {page.Url} after {maxPresses} presses: {string.Join(" → ", visited.TakeLast(40))}");
    }
}
