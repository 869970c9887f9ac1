using System.Runtime.CompilerServices;

namespace LtiCurriculum.Browser.Tests.Support;

/// <summary>
/// Bounds on what the browser tests wait for. Playwright gives page actions and navigations their own timeouts, but
/// not script evaluation (axe, <c>EvaluateAsync</c>) or closing a context or the browser: Chromium can leave a close
/// unanswered when it races a navigation. A wait without a bound can hold a CI run until its own time limit, with no
/// word of which test was waiting.
/// </summary>
internal static class BrowserLimits
{
    /// <summary>A browser test that runs longer fails as timed out (the slowest take about a minute on two busy cores).</summary>
    public const int TestTimeoutMs = 5 * 60_000;

    /// <summary>How long a context, the browser or the tool is given to close before the run goes on without it.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Waits for <paramref name="close"/> at most <see cref="CloseTimeout"/>. One that does not finish is left behind
    /// (the browser's exit at the end of the run ends it) and named on standard error; its failures still surface.
    /// </summary>
    public static async ValueTask CloseAsync(Func<Task> close, string what)
    {
        var closing = close();
        try
        {
            await closing.WaitAsync(CloseTimeout);
        }
        catch (TimeoutException) when (!closing.IsCompleted)
        {
            await Console.Error.WriteLineAsync($"{what} did not close within {CloseTimeout.TotalSeconds:0} s; the run goes on without waiting for it.");
        }
    }
}

/// <summary>A browser test: a <see cref="FactAttribute"/> with <see cref="BrowserLimits.TestTimeoutMs"/>.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => Timeout = BrowserLimits.TestTimeoutMs;
}

/// <summary>A browser theory: a <see cref="TheoryAttribute"/> with <see cref="BrowserLimits.TestTimeoutMs"/> per row.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => Timeout = BrowserLimits.TestTimeoutMs;
}
