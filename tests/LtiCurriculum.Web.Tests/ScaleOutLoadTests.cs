using System.Collections.Concurrent;
using System.Net;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests;

/// <summary>
/// The short version of the benchmarks' <c>instances</c> command: two instances on one database under concurrent
/// launches that each begin on one instance and end on the other, with replays. A fixed number of flows, not a time,
/// so the test does the same work on a fast or a busy machine.
/// </summary>
[Trait("Category", ServerDatabaseMatrix.Category)]
public sealed class ScaleOutLoadTests
{
    private const int Browsers = 16;
    private const int FlowsPerBrowser = 6;
    private const int ReplayEvery = 10;

    private static readonly string[] Users = [DevPlatformLaunch.Learner, DevPlatformLaunch.PrivateLearner, DevPlatformLaunch.Instructor, DevPlatformLaunch.TeachingAssistant];

    [Fact]
    public async Task Concurrent_launches_crossing_instances_all_land_and_every_replay_is_refused()
    {
        using var folder = new TempFolder();
        await using var a = await ToolInstance.StartAsync(new ToolSettings { DatabaseFile = folder.DatabaseFile });
        await using var b = await ToolInstance.StartAsync(new ToolSettings { DatabaseFile = folder.DatabaseFile });
        var problems = new ConcurrentQueue<string>();
        var replays = 0;

        await Task.WhenAll(Enumerable.Range(0, Browsers).Select(browser => Task.Run(async () =>
        {
            using var client = a.NewBrowser();
            for (var flow = 0; flow < FlowsPerBrowser; flow++)
            {
                var n = browser * FlowsPerBrowser + flow + 1;
                var (from, to) = n % 2 == 1 ? (a, b) : (b, a);
                var replayTo = n % ReplayEvery == 0 ? (n / ReplayEvery % 2 == 0 ? a : b) : null;
                client.ClearCookies();
                try
                {
                    if (await CrossingLaunchAsync(client, from, to, Users[n % Users.Length], replayTo) is { } problem)
                    {
                        problems.Enqueue($"flow {n} ({from.Origin} → {to.Origin}): {problem}");
                    }
                    else if (replayTo is not null)
                    {
                        Interlocked.Increment(ref replays);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    problems.Enqueue($"flow {n} ({from.Origin} → {to.Origin}): {ex.Message}");
                }
            }
        }, TestContext.Current.CancellationToken)));

        Assert.True(problems.IsEmpty, string.Join(Environment.NewLine, problems.Take(10)));
        Assert.Equal(Browsers * FlowsPerBrowser / ReplayEvery, replays);
    }

    /// <summary>Login and authorization on <paramref name="from"/>, the launch and its landing page on <paramref name="to"/>, then the replay if asked; null when all went as it must.</summary>
    private static async Task<string?> CrossingLaunchAsync(TestBrowser browser, ToolInstance from, ToolInstance to, string user, ToolInstance? replayTo)
    {
        var steps = await browser.AuthorizeAsync(from, user: user);
        var cookie = browser.StateCookie();
        var launch = await browser.PostFormAsync(to.Url("/lti/launch"), steps.AuthenticationResponse.Fields);
        if (launch.Status != HttpStatusCode.SeeOther)
        {
            return $"launch: {launch}";
        }
        var landing = await browser.FollowAsync(launch);
        if (landing.Status != HttpStatusCode.OK || landing.Url.Authority != to.BaseAddress.Authority)
        {
            return $"landing: {landing}";
        }
        if (replayTo is null)
        {
            return null;
        }
        browser.SetCookie(cookie.Name, cookie.Value, cookie.Path);
        var replay = await browser.PostFormAsync(replayTo.Url("/lti/launch"), steps.AuthenticationResponse.Fields);
        return replay.Status == HttpStatusCode.Unauthorized && replay.ReasonCode == "state_unknown" ? null : $"replay on {replayTo.Origin} was not refused as state_unknown: {replay}";
    }
}
