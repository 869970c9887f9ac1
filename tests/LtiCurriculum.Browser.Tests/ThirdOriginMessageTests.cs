using LtiCurriculum.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LtiCurriculum.Browser.Tests;

/// <summary>
/// Platform storage messages from a third origin (neither the tool's nor the platform's) count for nothing: the tool's
/// storage pages ignore answers from it, and the development platform's storage frame does not answer it. The third
/// origin is a frame the test adds to the Canvas-like course page, beside the tool's frame and the storage frame.
/// </summary>
public sealed class ThirdOriginMessageTests(CrossSiteBrowserFixture fixture) : IClassFixture<CrossSiteBrowserFixture>
{
    private const string ThirdOrigin = "http://third-origin.test";
    private const float LaunchTimeoutMs = 90_000;

    [BrowserTheory]
    [InlineData("lti.put_data", "student-24")]
    [InlineData("lti.get_data", "student-25")]
    public async Task The_tool_ignores_a_storage_answer_from_a_third_origin(string subject, string student)
    {
        await using var context = await NewContextAsync(blockFrameCookies: true);
        // The platform's storage frame keeps silent on this subject and hands each request to the third origin, which
        // answers the tool with the request's own message_id: a forged put is "stored", a forged get returns a binding.
        await context.Context.AddInitScriptAsync(Script(subject) + """
            if (location.origin === PLATFORM && location.pathname.endsWith('/post_message_forwarding')) {
              window.addEventListener('message', function (e) {
                if (e.data && e.data.subject === SUBJECT) { e.stopImmediatePropagation(); parent.frames['third'].postMessage(e.data, '*'); }
              }, true);
            }
            if (location.origin === THIRD) {
              window.addEventListener('message', function (e) {
                var d = e.data;
                if (!d || d.subject !== SUBJECT) { return; }
                var forged = { subject: SUBJECT + '.response', message_id: d.message_id, key: d.key, value: SUBJECT === 'lti.get_data' ? 'forged-' + d.key : d.value };
                for (var i = 0; i < parent.frames.length; i++) { parent.frames[i].postMessage(forged, '*'); }
              });
            }
            if (location.origin === TOOL && window !== top) {
              window.addEventListener('message', function (e) {
                if (e.origin === THIRD && e.data && e.data.subject === SUBJECT + '.response') {
                  sessionStorage.setItem('foreign-answers', String(Number(sessionStorage.getItem('foreign-answers') || '0') + 1));
                }
              });
            }
            """);
        var page = await context.NewPageAsync();

        await page.GotoAsync(fixture.Tool.PlatformOrigin + "/dev-platform/framed-launch?course=med-501&link=link-cc-1&user=" + student);

        var tool = page.FrameLocator("#tool-frame");
        if (subject == "lti.put_data")
        {
            // Believed, the forged answers would have sent the login on to the platform; unanswered, the login page gives up.
            await Expect(tool.Locator("#lti-storage-fallback")).ToBeVisibleAsync(new() { Timeout = LaunchTimeoutMs });
        }
        else
        {
            // Believed, the forged binding would be re-posted and refused as state_browser_mismatch.
            await Expect(tool.Locator("dd code").First).ToHaveTextAsync("state_not_in_browser", new() { Timeout = LaunchTimeoutMs });
        }
        // Read in the document the frame element shows, not in a Frame picked by the URL Playwright last recorded for it.
        Assert.True(await tool.Locator("html").EvaluateAsync<int>("() => Number(sessionStorage.getItem('foreign-answers') || '0')") > 0,
            "no forged answer reached the tool's frame, so the test proved nothing");
    }

    [BrowserFact]
    public async Task The_development_platform_s_storage_frame_does_not_answer_a_third_origin()
    {
        await using var context = await NewContextAsync(blockFrameCookies: false);
        await context.Context.AddInitScriptAsync(Script("") + """
            if (location.origin === THIRD) {
              window.answers = [];
              window.fences = 0;
              window.addEventListener('message', function (e) { if (e.data && e.data.fence) { window.fences++; } else { window.answers.push(e.data); } });
            }
            """);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Tool.PlatformOrigin + "/dev-platform/framed-launch?course=med-501&link=link-cc-1&user=student-26");
        var storage = await LoadedFrameAsync(page, "post_message_forwarding");
        var third = await LoadedFrameAsync(page, "third");

        // Registered after the frame's own listener, so it runs after it for the same message: any answer the frame
        // sent is on its way before this fence, and messages from one window to another arrive in order.
        await storage.EvaluateAsync("third => window.addEventListener('message', function (e) { if (e.origin === third) { e.source.postMessage({ fence: true }, '*'); } })", ThirdOrigin);
        await third.EvaluateAsync("""
            () => {
              var frame = parent.frames['post_message_forwarding'];
              frame.postMessage({ subject: 'lti.put_data', message_id: 'third-1', key: 'lticurriculum_probe', value: 'from-a-third-origin' }, '*');
              frame.postMessage({ subject: 'lti.get_data', message_id: 'third-2', key: 'lticurriculum_probe' }, '*');
            }
            """);
        await third.WaitForFunctionAsync("() => window.fences === 2");

        Assert.Equal(0, await third.EvaluateAsync<int>("() => window.answers.length"));
        Assert.Equal(0, await storage.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.indexOf('lticurriculum_probe') >= 0).length"));
    }

    /// <summary>A context whose course pages get a frame of <see cref="ThirdOrigin"/> (served by the test) named "third".</summary>
    private async Task<OwnContext> NewContextAsync(bool blockFrameCookies)
    {
        var own = blockFrameCookies
            ? await CookielessLaunchTests.NewContextBlockingFrameCookiesAsync(fixture, bypassCsp: true)
            : await fixture.NewContextAsync(bypassCsp: true);
        var context = own.Context;
        await context.RouteAsync(ThirdOrigin + "/**", route => route.FulfillAsync(new() { ContentType = "text/html", Body = "<!DOCTYPE html><title>Third origin</title><p>Not the platform, not the tool.</p>" }));
        await context.AddInitScriptAsync(Script("") + """
            if (location.origin === PLATFORM && location.pathname.endsWith('/framed-launch')) {
              document.addEventListener('DOMContentLoaded', function () {
                var frame = document.createElement('iframe');
                frame.name = 'third';
                frame.title = 'Third origin';
                frame.src = THIRD + '/';
                document.body.appendChild(frame);
              });
            }
            """);
        return own;
    }

    private string Script(string subject) =>
        $"var PLATFORM = '{fixture.Tool.PlatformOrigin}', TOOL = '{fixture.Tool.Origin}', THIRD = '{ThirdOrigin}', SUBJECT = '{subject}';\n";

    private static async Task<IFrame> LoadedFrameAsync(IPage page, string name)
    {
        var element = await page.WaitForSelectorAsync($"iframe[name='{name}']", new() { State = WaitForSelectorState.Attached });
        var frame = await element!.ContentFrameAsync() ?? throw new InvalidOperationException($"No frame {name}.");
        await frame.WaitForLoadStateAsync(LoadState.Load);
        return frame;
    }
}
