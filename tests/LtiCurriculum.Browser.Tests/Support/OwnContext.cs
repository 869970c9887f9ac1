using Microsoft.Playwright;

namespace LtiCurriculum.Browser.Tests.Support;

/// <summary>
/// A test's own browser context (its cookies and storage). Disposing it closes the context within
/// <see cref="BrowserLimits.CloseTimeout"/> instead of waiting for Chromium's answer without a bound.
/// </summary>
public sealed class OwnContext(IBrowserContext context) : IAsyncDisposable
{
    public IBrowserContext Context => context;

    public Task<IPage> NewPageAsync() => context.NewPageAsync();

    public ValueTask DisposeAsync() => BrowserLimits.CloseAsync(CloseAsync, "A browser context");

    private async Task CloseAsync()
    {
        // A route handler still fetching when the test ends (CookielessLaunchTests rewrites the frame's responses) is
        // not waited for: its page is going away with the context.
        await context.UnrouteAllAsync(new BrowserContextUnrouteAllOptions { Behavior = UnrouteBehavior.IgnoreErrors });
        await context.CloseAsync();
    }
}
