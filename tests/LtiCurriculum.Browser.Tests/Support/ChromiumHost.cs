using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(LtiCurriculum.Browser.Tests.Support.ChromiumHost))]

namespace LtiCurriculum.Browser.Tests.Support;

/// <summary>
/// The one headless Chromium of the test run (starting it is the slowest step, and the suite must stay fast on two
/// cores). Tests never share more than the browser process: each opens its own context (cookies, storage).
/// </summary>
public sealed class ChromiumHost : IAsyncLifetime
{
    /// <summary>Debian's chromium; Playwright's own browser download (<c>playwright install</c>) is not available here.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>Overrides <see cref="DefaultChromium"/> (e.g. on a developer machine with Chrome elsewhere).</summary>
    public const string ChromiumVariable = "BROWSER_TESTS_CHROMIUM";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : DefaultChromium;
        if (!File.Exists(chromium))
        {
            // Fail, never skip: a browser suite that silently does nothing looks green in CI.
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {chromium}, which does not exist. Install it with `apt-get install -y chromium` " +
                $"(or set {ChromiumVariable} to a Chromium/Chrome executable). `playwright install` cannot download browsers here.");
        }

        // Two busy cores (chromium, the tool and axe side by side): give assertions room before they call a page broken.
        Assertions.SetDefaultExpectTimeout(20_000);
        // The driver's start has no timeout of its own.
        _playwright = await Playwright.CreateAsync().WaitAsync(TimeSpan.FromMinutes(2));
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // A response a test rewrites (CookielessLaunchTests drops the tool's cookies) has no server address, so Chromium
            // would count it as public and block its page from navigating to 127.0.0.1 (Local Network Access).
            // Cross-site frames stay in their page's renderer process: on two busy cores a frame navigating into a new
            // process (localhost course page, 127.0.0.1 tool) now and then never committed the page it had received,
            // leaving the launch stuck in the frame. Cookies, storage partitioning and postMessage origins do not
            // depend on the process model.
            // Chromium keeps only the last --disable-features switch, and this one follows Playwright's own list (which
            // turns third-party storage partitioning off): storage stays partitioned as in Chrome (StoragePartitioningTests).
            Args = ["--no-sandbox", "--disable-site-isolation-trials", "--disable-features=LocalNetworkAccessChecks,IsolateOrigins,site-per-process"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await BrowserLimits.CloseAsync(() => _browser.CloseAsync(), "Chromium");
        }
        // Ends the Playwright driver, which ends a browser that did not close.
        _playwright?.Dispose();
    }
}
