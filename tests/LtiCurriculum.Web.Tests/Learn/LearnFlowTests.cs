using System.Net;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static LtiCurriculum.Web.Tests.Support.DevPlatformLaunch;

namespace LtiCurriculum.Web.Tests.Learn;

/// <summary>A student's way through a module without JavaScript: answer, resume, submit, result, attempts.</summary>
public sealed class LearnFlowTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private ToolInstance Tool => fixture.Tool;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Learner_launch_opens_the_module_the_link_names()
    {
        var learner = await LearnerSession.LaunchAsync(Tool, link: "link-cc-1");
        var module = LearnerSession.Module(Tool, "co-case-for-change");

        Assert.Equal(HttpStatusCode.OK, learner.Page.Status);
        Assert.Contains($"<h1>{module.Title}</h1>", learner.Page.Html);
        Assert.Contains(module.Objectives[0], learner.Page.Text);
        Assert.Contains($"About {module.Minutes} minutes", learner.Page.Text);
        Assert.Contains($"0 of {module.Questions.Count} questions answered", learner.Page.Text);
        Assert.Contains("<progress id=\"module-progress\"", learner.Page.Html);
        foreach (var question in module.Questions)
        {
            Assert.Contains($"id=\"q-{question.Id}\"", learner.Page.Html);
        }
        Assert.Equal("no-store", learner.Page.Header("Cache-Control"));
    }

    [Fact]
    public async Task Answer_is_saved_shows_feedback_and_is_there_on_the_next_launch_from_another_device()
    {
        var module = LearnerSession.Module(Tool, "co-governance-stakeholders");
        var question = LearnerSession.FirstSingleChoice(module);
        var correct = question.Options.Single(o => o.IsCorrect);
        var learner = await LearnerSession.LaunchAsync(Tool, link: "link-cc-2");

        var page = await learner.AnswerAsync(question.Id, correct.Id);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"id=\"q-{question.Id}-{correct.Id}\" name=\"answer\" value=\"{correct.Id}\" checked", page.Html);
        Assert.Contains("Correct", page.Text);
        Assert.Contains($"1 of {module.Questions.Count} questions answered", page.Text);

        // Another device: a new browser and a new launch resume the same attempt.
        var elsewhere = await LearnerSession.LaunchAsync(Tool, link: "link-cc-2");
        Assert.Equal(learner.AttemptId, elsewhere.AttemptId);
        Assert.Contains($"value=\"{correct.Id}\" checked", elsewhere.Page.Html);
    }

    [Fact]
    public async Task Wrong_answer_gets_teaching_feedback_and_changing_it_replaces_it()
    {
        var module = LearnerSession.Module(Tool, "co-faculty-development");
        var question = LearnerSession.FirstSingleChoice(module);
        var wrong = question.Options.First(o => !o.IsCorrect);
        var learner = await LearnerSession.LaunchAsync(Tool, link: "link-cc-3");

        var page = await learner.AnswerAsync(question.Id, wrong.Id);
        Assert.Contains("Not quite", page.Text);

        page = await learner.AnswerAsync(question.Id, question.Options.Single(o => o.IsCorrect).Id);
        Assert.Contains("Correct", page.Text);
        var stored = await Tool.QueryAsync(db => db.Answers.Where(a => a.AttemptId == learner.AttemptId && a.QuestionId == question.Id).ToListAsync(Ct));
        Assert.Single(stored);
    }

    [Fact]
    public async Task Bad_answers_get_a_specific_422_and_keep_the_learners_text()
    {
        var module = LearnerSession.Module(Tool, "cop-what-is");
        var choice = LearnerSession.FirstSingleChoice(module);
        var reflection = module.Questions.OfType<ReflectionQuestion>().First();
        var learner = await LearnerSession.LaunchAsync(Tool, course: "med-530", link: "link-cop-1");

        var unknownOption = await learner.AnswerAsync(choice.Id, "zz");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownOption.Status);
        Assert.Contains("'zz' is not one of this question's options", unknownOption.Text);

        var twoChoices = await learner.AnswerAsync(choice.Id, choice.Options[0].Id, choice.Options[1].Id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twoChoices.Status);
        Assert.Contains("Choose one option only", twoChoices.Text);

        var tooLong = "Long reflection " + new string('x', reflection.MaxLength);
        var rejected = await learner.AnswerAsync(reflection.Id, tooLong);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.Status);
        Assert.Contains($"at most {reflection.MaxLength} are allowed", rejected.Text);
        Assert.Contains(tooLong, rejected.Html);

        var unknownQuestion = await learner.PostAsync("/learn/answer", [new("question", "nope"), new("attempt", learner.AttemptId.ToString()), new("answer", "a")]);
        Assert.Equal(HttpStatusCode.BadRequest, unknownQuestion.Status);
        Assert.Equal("question_unknown", unknownQuestion.ReasonCode);
    }

    [Fact]
    public async Task Script_call_gets_json_with_feedback_progress_and_a_renewed_token()
    {
        var module = LearnerSession.Module(Tool, "fc-designing-prework");
        var question = LearnerSession.FirstSingleChoice(module);
        var learner = await LearnerSession.LaunchAsync(Tool, course: "med-520", link: "link-fc-1");

        var request = new HttpRequestMessage(HttpMethod.Post, Tool.Url("/learn/answer"))
        {
            Content = new FormUrlEncodedContent([new("lti_session", learner.Token), new("form_token", learner.FormToken), new("attempt", learner.AttemptId.ToString()),
                new("question", question.Id), new("answer", question.Options.Single(o => o.IsCorrect).Id)]),
        };
        var response = await learner.Browser.SendAsync(request, new Dictionary<string, string> { ["Accept"] = "application/json" });

        Assert.True(response.Status == HttpStatusCode.OK, response.Html);
        using var json = System.Text.Json.JsonDocument.Parse(response.Html);
        Assert.True(json.RootElement.GetProperty("saved").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("answered").GetInt32());
        Assert.Equal(module.Questions.Count, json.RootElement.GetProperty("total").GetInt32());
        Assert.Contains("Correct", json.RootElement.GetProperty("feedbackHtml").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("token").GetString()));
    }

    [Fact]
    public async Task Review_lists_unanswered_questions_and_submit_shows_the_result_with_the_score()
    {
        var module = LearnerSession.Module(Tool, "co-evaluation-improvement");
        var question = LearnerSession.FirstSingleChoice(module);
        var learner = await LearnerSession.LaunchAsync(Tool, link: "link-cc-4");
        var attemptId = learner.AttemptId;
        await learner.AnswerAsync(question.Id, question.Options.Single(o => o.IsCorrect).Id);

        var review = await learner.OpenAsync("/learn/review");
        Assert.Contains($"{module.Questions.Count - 1} questions are not answered yet", review.Text);

        var result = await learner.SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Result of attempt 1", result.Text);
        Assert.Contains($"You scored {question.Points:0.##} of {module.MaximumPoints:0.##} points", result.Text);

        var attempt = await Tool.QueryAsync(db => db.Attempts.SingleAsync(a => a.Id == attemptId, Ct));
        Assert.Equal(AttemptStatus.Submitted, attempt.Status);
        Assert.Equal(question.Points, attempt.ScoreGiven);

        // A relaunch shows the result, and the closed attempt refuses new answers.
        var again = await LearnerSession.LaunchAsync(Tool, link: "link-cc-4");
        Assert.Contains("Result of attempt 1", again.Page.Text);
        var late = await learner.PostAsync("/learn/answer", [new("question", question.Id), new("attempt", attempt.Id.ToString()), new("answer", question.Options[0].Id)], formToken: again.FormToken, token: again.Token);
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Equal("attempt_submitted", late.ReasonCode);
    }

    [Fact]
    public async Task Submitting_twice_at_once_creates_one_submission()
    {
        var learner = await LearnerSession.LaunchAsync(Tool, course: "med-520", link: "link-fc-2");
        var attemptId = learner.AttemptId;
        var review = await learner.OpenAsync("/learn/review");

        var submits = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var tab = Tool.NewBrowser();
            return await tab.PostFormAsync(Tool.Url("/learn/submit"), [new("lti_session", learner.Token), new("form_token", learner.FormToken), new("attempt", attemptId.ToString())]);
        }));

        Assert.All(submits, s => Assert.Equal(HttpStatusCode.SeeOther, s.Status));
        Assert.Single(submits.Select(s => s.Location!.AbsolutePath + Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(s.Location.Query)["attempt"]).Distinct());
        var attempts = await Tool.QueryAsync(db => db.Attempts.Where(a => a.ResourceLinkDbId == db.Attempts.Single(x => x.Id == attemptId).ResourceLinkDbId && a.UserDbId == db.Attempts.Single(x => x.Id == attemptId).UserDbId).ToListAsync(Ct));
        Assert.Single(attempts);
        Assert.Equal(AttemptStatus.Submitted, attempts[0].Status);
    }

    [Fact]
    public async Task Attempts_stop_at_the_modules_limit()
    {
        var module = LearnerSession.Module(Tool, "fc-closing-the-loop");
        var learner = await LearnerSession.LaunchAsync(Tool, course: "med-520", link: "link-fc-3", user: PrivateLearner);
        var formToken = learner.FormToken;

        for (var number = 1; number <= module.DefaultAttempts; number++)
        {
            var result = await learner.SubmitAsync();
            Assert.Contains($"Result of attempt {number}", result.Text);
            if (number < module.DefaultAttempts)
            {
                var next = await learner.PostAsync("/learn/attempts", []);
                Assert.Equal(HttpStatusCode.SeeOther, next.Status);
                await learner.OpenAsync("/learn");
                Assert.Contains($"Attempt {number + 1} of {module.DefaultAttempts}", learner.Page.Text);
            }
        }

        Assert.Contains("You have used every attempt for this module", learner.Page.Text);
        var refused = await learner.PostAsync("/learn/attempts", [], formToken);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("attempts_used", refused.ReasonCode);
    }
}
