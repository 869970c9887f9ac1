using System.Net;
using LtiCurriculum.Web.Tests.Support;
using static LtiCurriculum.Web.Tests.Support.DevPlatformLaunch;

namespace LtiCurriculum.Web.Tests.Learn;

/// <summary>A learner reads and writes only their own attempts in the link they launched; forms need this launch's tokens.</summary>
public sealed class LearnSecurityTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private ToolInstance Tool => fixture.Tool;

    [Fact]
    public async Task Another_learner_cannot_answer_submit_or_read_someone_elses_attempt()
    {
        var module = LearnerSession.Module(Tool, "cp-anemia-approach");
        var question = LearnerSession.FirstSingleChoice(module);
        var ana = await LearnerSession.LaunchAsync(Tool, course: "med-210", link: "link-ho-1");
        var other = await LearnerSession.LaunchAsync(Tool, course: "med-210", link: "link-ho-1", user: PrivateLearner);
        Assert.NotEqual(ana.AttemptId, other.AttemptId);

        var answer = await other.PostAsync("/learn/answer", [new("question", question.Id), new("attempt", ana.AttemptId.ToString()), new("answer", question.Options[0].Id)]);
        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("not_yours", answer.ReasonCode);

        var submit = await other.PostAsync("/learn/submit", [new("attempt", ana.AttemptId.ToString())]);
        Assert.Equal(HttpStatusCode.Forbidden, submit.Status);

        var read = await other.OpenAsync($"/learn/result?attempt={ana.AttemptId}");
        Assert.Equal(HttpStatusCode.Forbidden, read.Status);

        var stillOpen = await ana.OpenAsync("/learn");
        Assert.Contains($"0 of {module.Questions.Count} questions answered", stillOpen.Text);
    }

    [Fact]
    public async Task A_learners_own_attempt_in_another_link_is_out_of_reach_of_this_links_session()
    {
        var question = LearnerSession.FirstSingleChoice(LearnerSession.Module(Tool, "cp-tls-hypercalcemia"));
        var inLinkTwo = await LearnerSession.LaunchAsync(Tool, course: "med-210", link: "link-ho-2");
        var inLinkThree = await LearnerSession.LaunchAsync(Tool, course: "med-210", link: "link-ho-3");

        var crossed = await inLinkThree.PostAsync("/learn/answer", [new("question", question.Id), new("attempt", inLinkTwo.AttemptId.ToString()), new("answer", question.Options[0].Id)]);

        Assert.True(crossed.Status is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, crossed.ToString());
    }

    [Fact]
    public async Task Forms_without_this_launchs_form_token_are_refused()
    {
        var question = LearnerSession.FirstSingleChoice(LearnerSession.Module(Tool, "cp-anemia-approach"));
        var ana = await LearnerSession.LaunchAsync(Tool, course: "med-210", link: "link-ho-1");
        var other = await LearnerSession.LaunchAsync(Tool, course: "med-210", link: "link-ho-1", user: PrivateLearner);
        KeyValuePair<string, string>[] fields = [new("question", question.Id), new("attempt", ana.AttemptId.ToString()), new("answer", question.Options[0].Id)];

        var missing = await ana.PostAsync("/learn/answer", fields, formToken: "");
        var forged = await ana.PostAsync("/learn/answer", fields, formToken: "bm90LWEtdG9rZW4=");
        var borrowed = await ana.PostAsync("/learn/answer", fields, formToken: other.FormToken);

        Assert.All([missing, forged, borrowed], page =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.Equal("form_token_invalid", page.ReasonCode);
        });
    }

    [Fact]
    public async Task A_post_cannot_ride_on_the_session_cookie()
    {
        var question = LearnerSession.FirstSingleChoice(LearnerSession.Module(Tool, "cp-anemia-approach"));
        var ana = await LearnerSession.LaunchAsync(Tool, course: "med-210", link: "link-ho-1");

        // A cross-site form knows neither token; the browser still sends the session cookie.
        var response = await ana.Browser.PostFormAsync(Tool.Url("/learn/answer"), [new("question", question.Id), new("attempt", ana.AttemptId.ToString()), new("answer", question.Options[0].Id)]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("session_missing", response.ReasonCode);
    }

    [Fact]
    public async Task Anonymous_launch_reads_the_module_but_cannot_save()
    {
        var question = LearnerSession.FirstSingleChoice(LearnerSession.Module(Tool, "cp-anemia-approach"));
        using var browser = Tool.NewBrowser();
        var steps = await browser.LaunchAsync(Tool, course: "med-210", link: "link-ho-1", user: Anonymous);
        var anonymous = new LearnerSession(browser, Tool, steps.Page!);

        Assert.Equal(HttpStatusCode.OK, anonymous.Page.Status);
        Assert.Contains("answers are not saved", anonymous.Page.Text);
        Assert.Contains("<fieldset", anonymous.Page.Html);
        Assert.DoesNotContain("<button type=\"submit\">Save", anonymous.Page.Html);

        var refused = await anonymous.PostAsync("/learn/answer", [new("question", question.Id), new("attempt", "0"), new("answer", question.Options[0].Id)]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("anonymous_read_only", refused.ReasonCode);
    }

    [Fact]
    public async Task Result_of_an_attempt_that_does_not_exist_is_403_not_a_crash()
    {
        var ana = await LearnerSession.LaunchAsync(Tool, course: "med-210", link: "link-ho-1");
        Assert.Equal(HttpStatusCode.Forbidden, (await ana.OpenAsync("/learn/result?attempt=999999")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ana.OpenAsync("/learn/result?attempt=abc")).Status);
    }
}
