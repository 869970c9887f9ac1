using System.Text.Json.Nodes;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Isolation;

/// <summary>Scores of the same learner in the same link id go each to its own platform's gradebook.</summary>
[Collection(IsolationCollection.Name)]
public sealed class GradeIsolationTests(TwoPlatforms platforms)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task B_score_goes_only_to_B_gradebook_and_leaves_A_score_and_outbox_row_alone()
    {
        var (_, pointsOnA) = await SubmitOneRightAnswerAsync(platforms.Tool, link: "link-ho-1", course: "med-210", module: "cp-anemia-approach");
        var linkA = await platforms.LinkAsync(Platform.A, "link-ho-1");
        var sentA = Assert.Single(await WaitForDeliveredAsync(linkA.Id));

        // The same learner on B gets the question wrong: 0 points, so a score on the wrong side would show.
        var onB = await platforms.LaunchAsync(Platform.B, "med-210", "link-ho-1");
        var question = LearnerSession.FirstSingleChoice(platforms.Module("cp-anemia-approach"));
        await onB.AnswerAsync(question.Id, question.Options.First(o => !o.IsCorrect).Id);
        await onB.SubmitAsync();
        var linkB = await platforms.LinkAsync(Platform.B, "link-ho-1");
        var sentB = Assert.Single(await WaitForDeliveredAsync(linkB.Id));

        Assert.Equal((await platforms.PlatformIdAsync(Platform.B), 0m), (sentB.PlatformId, sentB.ScoreGiven));
        var againA = await platforms.Tool.QueryAsync(db => db.GradeDeliveries.AsNoTracking().Where(d => d.ResourceLinkDbId == linkA.Id).ToListAsync(Ct));
        var rowA = Assert.Single(againA);
        Assert.Equal((sentA.Id, await platforms.PlatformIdAsync(Platform.A), GradeDeliveryStatus.Delivered, pointsOnA, sentA.DeliveredAt, sentA.Timestamp),
            (rowA.Id, rowA.PlatformId, rowA.Status, rowA.ScoreGiven, rowA.DeliveredAt, rowA.Timestamp));

        // Each link's line item is in its own platform's gradebook.
        Assert.StartsWith(platforms.Issuer(Platform.A) + "/", (await platforms.LinkAsync(Platform.A, "link-ho-1")).ResolvedLineItemUrl);
        Assert.StartsWith(platforms.Issuer(Platform.B) + "/", (await platforms.LinkAsync(Platform.B, "link-ho-1")).ResolvedLineItemUrl);

        using var bookA = platforms.Gradebook(Platform.A);
        using var bookB = platforms.Gradebook(Platform.B);
        var (postsA, resultA) = Posts(await bookA.ReadAsync(), "link-ho-1");
        var (postsB, resultB) = Posts(await bookB.ReadAsync(), "link-ho-1");
        Assert.Equal(pointsOnA, (decimal)Assert.Single(postsA)["scoreGiven"]!);
        Assert.Equal(pointsOnA, (decimal)resultA!["scoreGiven"]!);
        // B's platform took the score: its score service accepts only tokens its own token endpoint issued.
        var postB = Assert.Single(postsB);
        Assert.Equal(0m, (decimal)postB["scoreGiven"]!);
        Assert.InRange((int)postB["status"]!, 200, 299);
        Assert.Equal(0m, (decimal)resultB!["scoreGiven"]!);
    }

    [Fact]
    public async Task Leasing_one_platforms_scores_never_takes_the_other_platforms_with_the_same_ids()
    {
        // A pair without a delivery worker, so both scores wait in the outbox side by side.
        await using var quiet = await TwoPlatforms.StartWithoutDeliveryAsync();
        await SubmitOneRightAnswerAsync(quiet.Tool, link: "link-cc-1");
        var onB = await quiet.LaunchAsync(Platform.B, "med-501", "link-cc-1");
        var question = LearnerSession.FirstSingleChoice(quiet.Module("co-case-for-change"));
        await onB.AnswerAsync(question.Id, question.Options.First(o => o.IsCorrect).Id);
        await onB.SubmitAsync();
        var (a, b) = (await quiet.PlatformIdAsync(Platform.A), await quiet.PlatformIdAsync(Platform.B));
        var (linkA, linkB) = (await quiet.LinkAsync(Platform.A, "link-cc-1"), await quiet.LinkAsync(Platform.B, "link-cc-1"));
        var waiting = await DeliveriesAsync(quiet.Tool);
        Assert.Equal(new[] { (a, linkA.Id), (b, linkB.Id) }.Order(), waiting.Select(d => (d.PlatformId, d.ResourceLinkDbId)).Order());

        var leases = quiet.Tool.Services.GetRequiredService<LtiCurriculum.Web.Grades.GradeLeases>();
        var forA = Assert.Single(await leases.LeaseAsync(a, 100, Ct));
        Assert.Equal((a, linkA.Id), (forA.PlatformId, forA.ResourceLinkDbId));
        Assert.StartsWith(quiet.Issuer(Platform.A) + "/", forA.LineItemsUrl);
        var forB = Assert.Single(await leases.LeaseAsync(b, 100, Ct));
        Assert.Equal((b, linkB.Id), (forB.PlatformId, forB.ResourceLinkDbId));
        Assert.StartsWith(quiet.Issuer(Platform.B) + "/", forB.LineItemsUrl);
    }

    /// <summary>Ana's score posts to the tool's line item of <paramref name="linkId"/> in one gradebook, and her result there.</summary>
    private static (IReadOnlyList<JsonNode> Posts, JsonNode? Result) Posts(JsonNode book, string linkId)
    {
        var item = (string)book["lineItems"]!.AsArray().Single(i => (string?)i!["resourceLinkId"] == linkId && (bool)i["createdByTool"]!)!["id"]!;
        var posts = ScoreLog(book, Ana).Where(p => (string?)p["lineItemId"] == item).ToList();
        var result = book["results"]!.AsArray().SingleOrDefault(r => (string?)r!["lineItemId"] == item && (string?)r["userId"] == Ana);
        return (posts, result);
    }

    private async Task<List<GradeDeliveryEntity>> WaitForDeliveredAsync(int linkId)
    {
        var rows = await WaitForOutboxAsync(platforms.Tool, rows => rows.Any(r => r.ResourceLinkDbId == linkId && r.Status == GradeDeliveryStatus.Delivered),
            $"the score of link {linkId} delivered");
        return rows.Where(r => r.ResourceLinkDbId == linkId).ToList();
    }
}
