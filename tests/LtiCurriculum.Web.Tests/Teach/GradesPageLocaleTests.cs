using System.Net;
using LtiCurriculum.Web.Teach;
using LtiCurriculum.Web.Tests.Support;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Teach;

/// <summary>The grades page speaks the instructor's launch language, with the activity's navigation on top.</summary>
public sealed class GradesPageLocaleTests
{
    [Theory]
    [InlineData("es", "es")]
    [InlineData("zh-CN", "zh-Hans")]
    public async Task Grades_page_follows_the_launch_locale(string locale, string lang)
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        await SubmitOneRightAnswerAsync(tool);
        var text = TeachText.For(locale);

        var instructor = await LearnerSession.LaunchAsync(tool, "link-cc-1", DevPlatformLaunch.Instructor, locale: locale);
        var page = await instructor.OpenAsync("/teach/grades");

        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        Assert.Contains($"<html lang=\"{lang}\"", page.Html);
        var html = WebUtility.HtmlDecode(page.Html);
        Assert.Contains($"<h1>{text.GradesHeading}</h1>", html);
        Assert.Contains($"aria-label=\"{text.NavLabel}\"", html);
        Assert.Contains($"aria-current=\"page\">{text.NavGrades}</a>", html);
        Assert.Contains(text.GradesCaption, page.Text);
        Assert.Contains(text.LearnersSubmittedOne, page.Text);
        Assert.DoesNotContain("Latest submitted attempt per learner", page.Text);
        Assert.DoesNotContain("Compare with the LMS gradebook", page.Text);
    }
}
