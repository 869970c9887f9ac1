using System.Net;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests.Learn;

/// <summary>The pages follow the launch locale: English, Spanish or Simplified Chinese UI; translated content when the pack has it.</summary>
public sealed class LearnLocaleTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private ToolInstance Tool => fixture.Tool;

    [Fact]
    public async Task Spanish_launch_gets_spanish_words_and_the_spanish_translation()
    {
        var learner = await LearnerSession.LaunchAsync(Tool, course: "med-210", link: "link-ho-1", locale: "es");

        Assert.Equal(HttpStatusCode.OK, learner.Page.Status);
        Assert.Contains("<html lang=\"es\">", learner.Page.Html);
        Assert.Contains("Revisar y enviar", learner.Page.Text);
        Assert.Contains("preguntas respondidas", learner.Page.Text);
        Assert.Contains("<div class=\"module-body\" lang=\"es\">", learner.Page.Html);
        Assert.DoesNotContain("no está traducido", learner.Page.Text);
    }

    [Fact]
    public async Task Chinese_launch_gets_chinese_words_and_the_simplified_chinese_module()
    {
        var learner = await LearnerSession.LaunchAsync(Tool, course: "med-210", link: "link-ho-2", locale: "zh-CN");

        Assert.Contains("<html lang=\"zh-Hans\">", learner.Page.Html);
        Assert.Contains("检查并提交", learner.Page.Text);
        Assert.DoesNotContain("以英文显示", learner.Page.Text);
        Assert.Contains("<div class=\"module-body\" lang=\"zh-Hans\">", learner.Page.Html);
    }

    [Fact]
    public async Task Unknown_locale_falls_back_to_english()
    {
        using var browser = Tool.NewBrowser();
        var steps = await browser.LaunchAsync(Tool, course: "med-210", link: "link-ho-3", locale: "en");
        Assert.Contains("<html lang=\"en\">", steps.Page!.Html);
        Assert.Contains("Review and submit", steps.Page.Text);
    }
}
