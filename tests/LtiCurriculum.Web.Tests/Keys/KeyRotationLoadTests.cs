using System.Diagnostics;
using System.Net;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Tests.Support;
using LtiCurriculum.Web.Tests.Teach;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Keys;

/// <summary>
/// Key rotation during a load of launches and grade deliveries: zero failures. The development platform verifies every
/// client assertion and deep-linking response against the tool's JWKS, fetched over HTTP and cached as a platform does.
/// </summary>
public sealed class KeyRotationLoadTests
{
    private const int Parallel = 4;
    private const int InFlightDuringRotation = 2;
    private static readonly int[] RotateAfter = [10, 20, 30];

    /// <summary>Twenty roster students (student-17's enrolment is inactive) on two graded links: forty launches and submissions.</summary>
    private static readonly (string User, string Subject, string Link, string Module)[] Flows =
        [.. from number in Enumerable.Range(1, 21).Where(n => n != 17)
            from link in new[] { ("link-cc-1", "co-case-for-change"), ("link-cc-2", "co-governance-stakeholders") }
            select ($"student-{number:00}", $"dev-student-{number:00}", link.Item1, link.Item2)];

    [Fact]
    public async Task Launches_grade_deliveries_and_deep_linking_responses_all_succeed_while_the_keys_rotate_three_times()
    {
        var ct = TestContext.Current.CancellationToken;
        // A platform request may take longer than Fast()'s 1 s on a busy machine; a timeout is not what this test is about.
        await using var tool = await ToolInstance.StartAsync(Fast(more: new() { ["Grades:RequestTimeout"] = "00:00:10", ["Grades:LeaseDuration"] = "00:01:00" }));
        using var gradebook = DevGradebook.Of(tool);
        var clock = Stopwatch.StartNew();
        var reached = RotateAfter.ToDictionary(n => n, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var rotated = RotateAfter.ToDictionary(n => n, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var done = 0;

        var load = System.Threading.Tasks.Parallel.ForEachAsync(Flows.Index(), new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct }, async (indexed, _) =>
        {
            // Flows well past a threshold start after its rotation (so their grades need the new key); those just past it
            // run while it happens. Without this, on a busy machine the load could finish before the rotations begin.
            foreach (var threshold in RotateAfter.Where(t => indexed.Index >= t + InFlightDuringRotation))
            {
                await rotated[threshold].Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
            }
            var flow = indexed.Item;
            await SubmitOneRightAnswerAsync(tool, flow.User, flow.Link, module: flow.Module);
            if (reached.TryGetValue(Interlocked.Increment(ref done), out var signal))
            {
                signal.SetResult();
            }
        });
        var rotations = RotateWhileLoadedAsync(tool, gradebook, reached, rotated, ct);
        await Task.WhenAll(load, rotations);
        var (signingKids, deepLinkPages) = await rotations;

        var book = await gradebook.WaitForAsync(b => b["results"]!.AsArray().Count == Flows.Length, $"{Flows.Length} scores");
        var elapsed = clock.Elapsed;
        Assert.All(Flows, f => Assert.True(HasResult(book, f.Subject), $"no score for {f.User} on {f.Link}"));
        var deliveries = await WaitForOutboxAsync(tool, rows => rows.All(r => r.Status == GradeDeliveryStatus.Delivered), "every delivery done");
        Assert.Equal(Flows.Length, deliveries.Count);
        Assert.All(deliveries, d => Assert.True(d.Failures == 0, $"delivery #{d.Id} failed {d.Failures} time(s): HTTP {d.LastStatusCode} {d.LastError}"));
        Assert.All(deepLinkPages, page => Assert.True(page.Status == HttpStatusCode.OK, page.ToString()));
        Assert.Equal(RotateAfter.Length + 1, signingKids.Distinct().Count());
        // Every client assertion the tool signed, with whichever key, was accepted.
        Assert.Equal(await gradebook.CounterAsync("tokenRequests"), await gradebook.CounterAsync("tokensIssued"));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Flows.Length} launches and grade deliveries, {deepLinkPages.Count} deep-linking responses, {RotateAfter.Length} rotations in {elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// At each threshold of finished flows: rotate, revoke the platform's access tokens (so the new key must sign the next
    /// client assertion, and the platform must accept it), answer a deep-linking request.
    /// </summary>
    private static async Task<(List<string> SigningKids, List<WebPage> DeepLinkPages)> RotateWhileLoadedAsync(
        ToolInstance tool, DevGradebook gradebook, Dictionary<int, TaskCompletionSource> reached, Dictionary<int, TaskCompletionSource> rotated, CancellationToken ct)
    {
        List<string> kids = [await tool.SigningKidAsync()];
        List<WebPage> pages = [];
        foreach (var (threshold, signal) in reached.OrderBy(r => r.Key))
        {
            await signal.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
            Assert.NotNull(await tool.KeyService().RotateAsync("load-test", ct));
            var issued = await gradebook.CounterAsync("tokensIssued");
            await gradebook.RevokeTokensAsync();
            rotated[threshold].SetResult();
            kids.Add(await tool.SigningKidAsync());
            var (page, _) = await TeachKit.DeepLinkAsync(tool, "med-520", new TeachKit.Item("fc-designing-prework", $"Placed after {threshold} submissions"));
            pages.Add(page);
            await gradebook.WaitForAsync(b => (long)b["counters"]!["tokensIssued"]! > issued, $"a token for an assertion signed after rotation {kids.Count - 1}", seconds: 60);
        }
        return (kids, pages);
    }
}
