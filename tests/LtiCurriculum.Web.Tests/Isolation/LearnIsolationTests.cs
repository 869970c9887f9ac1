using System.Net;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Tests.Isolation;

/// <summary>The same learner (sub) in the same link id on two platforms: each sees and changes only the work done on her own platform.</summary>
[Collection(IsolationCollection.Name)]
public sealed class LearnIsolationTests(TwoPlatforms platforms)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_learner_on_B_starts_her_own_attempt_and_sees_none_of_her_namesakes_answers_on_A()
    {
        var module = platforms.Module("cop-what-is");
        var reflection = module.Questions.OfType<ReflectionQuestion>().First();
        var choice = LearnerSession.FirstSingleChoice(module);
        var onA = await platforms.LaunchAsync(Platform.A, "med-530", "link-cop-1");
        var written = TwoPlatforms.Reflection(reflection, Platform.A, "communities");
        await onA.AnswerAsync(reflection.Id, written);
        await onA.AnswerAsync(choice.Id, choice.Options.First(o => o.IsCorrect).Id);

        var onB = await platforms.LaunchAsync(Platform.B, "med-530", "link-cop-1");

        Assert.Equal(HttpStatusCode.OK, onB.Page.Status);
        Assert.Contains("Attempt 1 of", onB.Page.Text);
        Assert.DoesNotContain(written, onB.Page.Html);
        Assert.NotEqual(onA.AttemptId, onB.AttemptId);
        var attemptsB = await platforms.AttemptsAsync(Platform.B, "link-cop-1");
        var userB = await UserIdAsync(Platform.B);
        var started = Assert.Single(attemptsB);
        Assert.Equal((onB.AttemptId, userB, 0), (started.Id, started.UserDbId, started.Answers.Count));
        // A's attempt is where it was: open, both answers kept.
        var attemptA = Assert.Single(await platforms.AttemptsAsync(Platform.A, "link-cop-1"));
        Assert.Equal(AttemptStatus.InProgress, attemptA.Status);
        Assert.Equal(written, attemptA.Answers.Single(a => a.QuestionId == reflection.Id).Value);
    }

    [Fact]
    public async Task Autosave_and_submit_on_B_write_only_B_rows()
    {
        var reflection = platforms.Module("fc-leading-the-session").Questions.OfType<ReflectionQuestion>().First();
        var onA = await platforms.LaunchAsync(Platform.A, "med-520", "link-fc-2");
        var writtenOnA = TwoPlatforms.Reflection(reflection, Platform.A, "the session");
        await onA.AnswerAsync(reflection.Id, writtenOnA);
        var before = Assert.Single(await platforms.AttemptsAsync(Platform.A, "link-fc-2"));

        var onB = await platforms.LaunchAsync(Platform.B, "med-520", "link-fc-2");
        var writtenOnB = TwoPlatforms.Reflection(reflection, Platform.B, "the session");
        var saved = await AutosaveAsync(onB, reflection.Id, writtenOnB);
        Assert.True(saved.Status == HttpStatusCode.OK, saved.ToString());
        var result = await onB.SubmitAsync();
        Assert.Contains("You scored", result.Text);

        var after = Assert.Single(await platforms.AttemptsAsync(Platform.A, "link-fc-2"));
        Assert.Equal((AttemptStatus.InProgress, (decimal?)null, before.UpdatedAt), (after.Status, after.ScoreGiven, after.UpdatedAt));
        Assert.Equal(writtenOnA, Assert.Single(after.Answers).Value);
        var submitted = Assert.Single(await platforms.AttemptsAsync(Platform.B, "link-fc-2"));
        Assert.Equal((AttemptStatus.Submitted, await UserIdAsync(Platform.B)), (submitted.Status, submitted.UserDbId));
        Assert.Equal(writtenOnB, Assert.Single(submitted.Answers).Value);
        // The score waits for B's platform only.
        var (linkA, linkB) = (await platforms.LinkAsync(Platform.A, "link-fc-2"), await platforms.LinkAsync(Platform.B, "link-fc-2"));
        var scores = await platforms.Tool.QueryAsync(db => db.GradeDeliveries.AsNoTracking()
            .Where(d => d.ResourceLinkDbId == linkA.Id || d.ResourceLinkDbId == linkB.Id).ToListAsync(Ct));
        var score = Assert.Single(scores);
        Assert.Equal((await platforms.PlatformIdAsync(Platform.B), linkB.Id, submitted.Id), (score.PlatformId, score.ResourceLinkDbId, score.AttemptId));

        // Back on A, her attempt is still open with her own words, not B's result.
        var again = await platforms.LaunchAsync(Platform.A, "med-520", "link-fc-2");
        Assert.Equal("/learn", again.Page.Url.AbsolutePath);
        Assert.Contains(writtenOnA, again.Page.Html);
        Assert.DoesNotContain(writtenOnB, again.Page.Html);
        Assert.DoesNotContain("You scored", again.Page.Text);
    }

    [Fact]
    public async Task A_score_earned_on_A_is_not_shown_on_B()
    {
        var (onA, _) = await Grades.GradeTestKit.SubmitOneRightAnswerAsync(platforms.Tool, link: "link-cc-2", module: "co-governance-stakeholders");
        Assert.Contains("You scored", onA.Page.Text);

        var onB = await platforms.LaunchAsync(Platform.B, "med-501", "link-cc-2");
        Assert.Equal("/learn", onB.Page.Url.AbsolutePath);
        Assert.DoesNotContain("You scored", onB.Page.Text);
        Assert.Contains("Attempt 1 of", onB.Page.Text);
        var attemptB = Assert.Single(await platforms.AttemptsAsync(Platform.B, "link-cc-2"));
        Assert.Equal((AttemptStatus.InProgress, (decimal?)null), (attemptB.Status, attemptB.ScoreGiven));

        // Naming A's attempt on B's result page shows nothing of it.
        var attemptA = Assert.Single(await platforms.AttemptsAsync(Platform.A, "link-cc-2"));
        var peek = await onB.OpenAsync($"/learn/result?attempt={attemptA.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, peek.Status);
        Assert.Equal("not_yours", peek.ReasonCode);
        Assert.DoesNotContain("You scored", peek.Text);
    }

    private async Task<int> UserIdAsync(Platform platform)
    {
        var platformId = await platforms.PlatformIdAsync(platform);
        return await platforms.Tool.QueryAsync(db => db.Users.Where(u => u.PlatformId == platformId && u.Subject == "dev-user-1001").Select(u => u.Id).SingleAsync(Ct));
    }

    /// <summary>What learn.js sends as the learner types: the same form, asking for JSON.</summary>
    private async Task<WebPage> AutosaveAsync(LearnerSession learner, string questionId, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, platforms.Tool.Url("/learn/answer"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["lti_session"] = learner.Token, ["form_token"] = learner.FormToken, ["question"] = questionId,
                ["attempt"] = learner.AttemptId.ToString(), ["answer"] = value, ["feedback"] = "0",
            }),
        };
        return await learner.Browser.SendAsync(request, new Dictionary<string, string> { ["Accept"] = "application/json" });
    }
}
