using System.Net;
using LtiCurriculum.Web.Sessions;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Sessions;

/// <summary>A page a learner opened before the tool was upgraded to form secrets still saves, and goes on with a secret.</summary>
public sealed class SessionUpgradeTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private ToolInstance Tool => fixture.Tool;

    [Fact]
    public async Task An_answer_from_a_page_rendered_before_form_secrets_is_saved_and_the_next_page_carries_a_secret()
    {
        var question = LearnerSession.FirstSingleChoice(LearnerSession.Module(Tool, "cp-anemia-approach"));
        var ana = await LearnerSession.LaunchAsync(Tool, course: "med-210", link: "link-ho-1");
        var tokens = Tool.Services.GetRequiredService<LaunchSessionTokens>();
        var keys = Tool.Services.GetRequiredService<IDataProtectionProvider>();
        var session = tokens.Read(ana.Token)!;
        var oldToken = SessionTokensBeforeFormSecrets.Write(keys, session with { FormSecret = null });
        var oldFormToken = SessionTokensBeforeFormSecrets.FormToken(keys, session);

        var saved = await ana.PostAsync("/learn/answer", [new("question", question.Id), new("attempt", ana.AttemptId.ToString()), new("answer", question.Options[0].Id)],
            formToken: oldFormToken, token: oldToken);
        Assert.True(saved.Status == HttpStatusCode.SeeOther, saved.ToString());
        var next = await ana.Browser.FollowAsync(saved);
        var renewed = tokens.Read(saved.Header(SessionCarrier.HeaderName));

        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.NotNull(renewed?.FormSecret);
        Assert.Contains($"name=\"form_token\" value=\"{renewed.FormSecret}\"", next.Html);
        Assert.Contains("1 of ", next.Text);
    }

    [Fact]
    public async Task A_form_token_from_before_form_secrets_is_refused_for_another_learner()
    {
        var question = LearnerSession.FirstSingleChoice(LearnerSession.Module(Tool, "cp-anemia-approach"));
        var ana = await LearnerSession.LaunchAsync(Tool, course: "med-210", link: "link-ho-1");
        var other = await LearnerSession.LaunchAsync(Tool, course: "med-210", link: "link-ho-1", user: DevPlatformLaunch.PrivateLearner);
        var keys = Tool.Services.GetRequiredService<IDataProtectionProvider>();
        var anasFormToken = SessionTokensBeforeFormSecrets.FormToken(keys, Tool.Services.GetRequiredService<LaunchSessionTokens>().Read(ana.Token)!);

        var forged = await other.PostAsync("/learn/answer", [new("question", question.Id), new("attempt", other.AttemptId.ToString()), new("answer", question.Options[0].Id)],
            formToken: anasFormToken);

        Assert.Equal((HttpStatusCode.Forbidden, "form_token_invalid"), (forged.Status, forged.ReasonCode));
    }
}
