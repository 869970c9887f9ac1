using System.Net;
using Microsoft.Playwright;

namespace LtiCurriculum.Browser.Tests.Support;

/// <summary>
/// One running tool (its own SQLite database, the development platform on) for the tests of a class, and fresh
/// browser contexts in the run's shared Chromium (<see cref="ChromiumHost"/>).
/// </summary>
public class BrowserFixture(ChromiumHost chromium) : IAsyncLifetime
{
    private ToolServer? _tool;

    /// <summary>Whether the development platform is opened on another site than the tool (<see cref="ToolServer.PlatformOrigin"/>).</summary>
    protected virtual bool CrossSite => false;

    internal ToolServer Tool => _tool ?? throw new InvalidOperationException("The tool has not started.");

    public async ValueTask InitializeAsync()
    {
        _tool = await ToolServer.StartAsync(TestContext.Current.CancellationToken, CrossSite);
        await CheckStaticAssetsAsync(_tool);
    }

    /// <summary>
    /// A fresh context (its own cookies) at a desktop size; JavaScript on unless asked otherwise. <paramref name="bypassCsp"/>
    /// lets a test add a frame of another origin to a page whose policy would refuse it.
    /// </summary>
    public async Task<OwnContext> NewContextAsync(bool javaScript = true, int width = 1280, int height = 800, bool bypassCsp = false)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            BypassCSP = bypassCsp,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return new OwnContext(context);
    }

    public async ValueTask DisposeAsync()
    {
        if (_tool is not null)
        {
            await _tool.DisposeAsync();
        }
    }

    /// <summary>The learner pages' script and style must be served, or the JavaScript tests would test plain HTML.</summary>
    private static async Task CheckStaticAssetsAsync(ToolServer tool)
    {
        using var http = new HttpClient();
        foreach (var path in new[] { "/js/learn.js", "/css/site.css" })
        {
            using var response = await http.GetAsync(tool.Url(path), TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException(
                    $"The tool did not serve {path} ({(int)response.StatusCode}). The test host finds wwwroot through " +
                    "LtiCurriculum.Web.staticwebassets.runtime.json in the test output folder; rebuild the solution.");
            }
        }
    }
}

/// <summary>A <see cref="BrowserFixture"/> whose development platform pages are on another site than the tool.</summary>
public sealed class CrossSiteBrowserFixture(ChromiumHost chromium) : BrowserFixture(chromium)
{
    protected override bool CrossSite => true;
}
