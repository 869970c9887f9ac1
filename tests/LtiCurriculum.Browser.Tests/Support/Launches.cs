using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LtiCurriculum.Browser.Tests.Support;

/// <summary>Demo users and links of the development platform (src/LtiCurriculum.DevPlatform/Demo/DemoDirectory.cs).</summary>
internal static class Demo
{
    public const string Learner = "learner-ana";
    public const string PrivateLearner = "learner-private";
    public const string Instructor = "instructor-lee";
    public const string TeachingAssistant = "ta-kim";
    public const string Anonymous = "anonymous";
}

/// <summary>Launches the way a person does: the development platform's home page with the user chosen, then the link's "Launch" button.</summary>
internal static class Launches
{
    /// <summary>
    /// Opens /dev-platform?as=…&amp;locale=… (the user picker's choice), presses the link's Launch button (which carries
    /// user=<paramref name="user"/>), and follows
    /// the platform's auto-posted forms (pressing "Continue" when JavaScript is off) until a /learn page has loaded.
    /// </summary>
    public static async Task LaunchAsync(
        this IPage page, ToolServer tool, string course, string link, string user, string locale = "en", bool javaScript = true)
    {
        await page.GotoAsync(tool.Url($"/dev-platform?as={Uri.EscapeDataString(user)}&locale={Uri.EscapeDataString(locale)}"));
        var form = page.Locator($"form:has(input[name='course'][value='{course}']):has(input[name='link'][value='{link}'])");
        await Assertions.Expect(form).ToHaveCountAsync(1);
        await Assertions.Expect(form.Locator("input[name='locale']")).ToHaveValueAsync(locale);
        var home = page.Url;
        await form.Locator($"button[name='user'][value='{user}']").ClickAsync();

        if (javaScript)
        {
            try
            {
                await page.WaitForURLAsync(IsLearnerPage, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
            }
            catch (TimeoutException ex)
            {
                // Say where the launch stopped (an error page, a platform step, a page still loading).
                var title = await page.TitleAsync().WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(no title)");
                throw new TimeoutException($"No learner page after pressing Launch; the browser is at {page.Url} (\"{title}\").", ex);
            }
            await FromClassReadinessToStudentViewAsync(page);
            return;
        }
        await page.WaitForURLAsync(url => url != home, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });

        // Without script the platform's pages (login initiation, authorization response) wait for a button press.
        for (var step = 0; step < 4 && !IsLearnerPage(page.Url); step++)
        {
            await page.WaitForLoadStateAsync(LoadState.Load);
            var next = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Continue", Exact = true });
            await Assertions.Expect(next).ToBeVisibleAsync();
            var before = page.Url;
            await next.ClickAsync();
            // Each step posts to another address; wait for it, so a button is never pressed twice.
            await page.WaitForURLAsync(url => url != before, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
        }
        Assert.True(IsLearnerPage(page.Url), $"The launch did not reach a /learn page; it stopped at {page.Url}.");
        await FromClassReadinessToStudentViewAsync(page);
    }

    /// <summary>Course staff land on class readiness; these tests go on from the student view, as staff would by its link.</summary>
    private static async Task FromClassReadinessToStudentViewAsync(IPage page)
    {
        if (new Uri(page.Url).AbsolutePath != "/teach/dashboard")
        {
            return;
        }
        await page.Locator("nav.teach-nav a[href^='/learn']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/learn", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
    }

    /// <summary>A page of the tool a launch lands on: /learn for students, /teach for course staff.</summary>
    public static bool IsLearnerPage(string url) =>
        new Uri(url).AbsolutePath is var path && (path.StartsWith("/learn", StringComparison.Ordinal) || path.StartsWith("/teach/", StringComparison.Ordinal));

    public static Regex PathIs(string path) => new("^https?://[^/]+" + Regex.Escape(path) + @"(\?|#|$)");
}
