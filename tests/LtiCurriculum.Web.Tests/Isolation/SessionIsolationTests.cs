using System.Net;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests.Isolation;

/// <summary>A session (and form token) the tool issued for a launch from A reaches nothing of B, whatever ids it is sent with.</summary>
[Collection(IsolationCollection.Name)]
public sealed class SessionIsolationTests(TwoPlatforms platforms)
{
    [Fact]
    public async Task A_session_sent_with_B_attempt_ids_cannot_read_save_or_submit_them()
    {
        var choice = LearnerSession.FirstSingleChoice(platforms.Module("cop-establish-grow-sustain"));
        var onA = await platforms.LaunchAsync(Platform.A, "med-530", "link-cop-2");
        var onB = await platforms.LaunchAsync(Platform.B, "med-530", "link-cop-2");
        await onB.AnswerAsync(choice.Id, choice.Options.First(o => o.IsCorrect).Id);
        var before = Assert.Single(await platforms.AttemptsAsync(Platform.B, "link-cop-2"));

        var save = await onA.PostAsync("/learn/answer", [new("question", choice.Id), new("attempt", before.Id.ToString()), new("answer", choice.Options.First(o => !o.IsCorrect).Id)]);
        Assert.Equal((HttpStatusCode.Forbidden, "not_yours"), (save.Status, save.ReasonCode));
        var submit = await onA.PostAsync("/learn/submit", [new("attempt", before.Id.ToString())]);
        Assert.Equal((HttpStatusCode.Forbidden, "not_yours"), (submit.Status, submit.ReasonCode));
        var read = await onA.OpenAsync($"/learn/result?attempt={before.Id}");
        Assert.Equal((HttpStatusCode.Forbidden, "not_yours"), (read.Status, read.ReasonCode));

        var after = Assert.Single(await platforms.AttemptsAsync(Platform.B, "link-cop-2"));
        Assert.Equal((AttemptStatus.InProgress, before.UpdatedAt), (after.Status, after.UpdatedAt));
        Assert.Equal(before.Answers.Single().Value, Assert.Single(after.Answers).Value);
        Assert.Empty((await platforms.AttemptsAsync(Platform.A, "link-cop-2")).SelectMany(a => a.Answers));
    }

    [Fact]
    public async Task A_form_token_of_B_launch_is_refused_with_A_session()
    {
        var choice = LearnerSession.FirstSingleChoice(platforms.Module("cp-tls-hypercalcemia"));
        var onA = await platforms.LaunchAsync(Platform.A, "med-210", "link-ho-2");
        var onB = await platforms.LaunchAsync(Platform.B, "med-210", "link-ho-2");

        var save = await onA.PostAsync("/learn/answer", [new("question", choice.Id), new("attempt", onA.AttemptId.ToString()), new("answer", choice.Options.First().Id)],
            formToken: onB.FormToken);
        Assert.Equal((HttpStatusCode.Forbidden, "form_token_invalid"), (save.Status, save.ReasonCode));
        Assert.Empty((await platforms.AttemptsAsync(Platform.A, "link-ho-2")).SelectMany(a => a.Answers));
    }
}
