using LtiCurriculum.Browser.Tests.Support;
using Microsoft.Playwright;

namespace LtiCurriculum.Browser.Tests;

/// <summary>
/// The browser the tests run in partitions third-party storage the way Chrome does, so the cookieless-launch tests see
/// what a learner's Chrome does to a tool in an LMS frame. Playwright's default launch switches turn partitioning off;
/// they do not apply here because Chromium honours only the last <c>--disable-features</c> switch and
/// <see cref="ChromiumHost"/>'s comes after Playwright's. Should that ever change, this test says so.
/// </summary>
public sealed class StoragePartitioningTests(ChromiumHost chromium)
{
    private const string Tool = "http://tool-site.test";
    private const string Course = "http://course-site.test";

    [BrowserFact]
    public async Task A_frame_on_another_site_gets_its_own_storage_not_the_one_its_origin_has_at_the_top()
    {
        var context = new OwnContext(await chromium.Browser.NewContextAsync());
        await using (context)
        {
            // Both sites answered here, with no server: a page on each, and the course page framing the tool's.
            await context.Context.RouteAsync("http://*.test/**", route => route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "text/html",
                Body = route.Request.Url.StartsWith(Course, StringComparison.Ordinal)
                    ? $"<!doctype html><title>course</title><iframe id=\"tool\" src=\"{Tool}/framed\"></iframe>"
                    : "<!doctype html><title>tool</title>",
            }));
            var page = await context.NewPageAsync();

            await page.GotoAsync(Tool + "/top");
            await page.EvaluateAsync("() => localStorage.setItem('probe', 'set at the top')");
            await page.GotoAsync(Course + "/course");
            var frame = page.FrameLocator("#tool").Locator("html");

            Assert.Null(await frame.EvaluateAsync<string?>("() => localStorage.getItem('probe')"));
        }
    }
}
