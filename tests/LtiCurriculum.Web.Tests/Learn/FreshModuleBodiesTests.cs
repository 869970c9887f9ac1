using System.Text.Encodings.Web;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Web.Learn;
using LtiCurriculum.Web.Learn.Pages;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Learn;

/// <summary>
/// A first view's kept module body, filled with a learner's values, is exactly the body rendered for them: for every
/// module of the catalogue in every language and mode, and with values that need encoding.
/// </summary>
public sealed class FreshModuleBodiesTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private ToolInstance Tool => fixture.Tool;

    private static readonly (string Token, string FormToken, int AttemptId)[] Learners =
    [
        ("tok_A-1", "form_A", 7),
        ("a&b<c>\"d'e", "f&g\"h", 0),
        (new string('x', 600), "", int.MaxValue),
    ];

    [Fact]
    public async Task Every_modules_kept_body_filled_with_a_learners_values_is_the_body_rendered_for_them()
    {
        var bodies = Tool.Services.GetRequiredService<FreshModuleBodies>();
        var modules = LearnerSession.AllModules(Tool);
        Assert.NotEmpty(modules);
        var compared = 0;
        foreach (var module in modules)
        {
            foreach (var text in new[] { LearnText.English, LearnText.Spanish, LearnText.Chinese })
            {
                foreach (var (editable, showFeedback) in new[] { (true, true), (true, false), (false, false), (false, true) })
                {
                    var body = await bodies.BuildAsync(module, text, editable, showFeedback);
                    if (module.Questions.Count == 0)
                    {
                        Assert.Null(body);
                        continue;
                    }
                    Assert.NotNull(body);
                    foreach (var (token, formToken, attemptId) in Learners)
                    {
                        var live = ModuleBody.Render(new ModuleBodyForm(text, module, new Dictionary<string, string>(), attemptId, editable, showFeedback, token, formToken, null));
                        var kept = body.Fill(HtmlEncoder.Default.Encode(token), HtmlEncoder.Default.Encode(formToken), attemptId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        var expected = await RenderAsync(live);
                        Assert.Equal(expected, await RenderAsync(kept));
                        Assert.Contains($"value=\"{HtmlEncoder.Default.Encode(token)}\"", expected);
                        compared++;
                    }
                }
            }
        }
        Assert.True(compared >= 8 * 3 * 4 * Learners.Length, $"only {compared} bodies compared");
    }

    [Fact]
    public async Task The_first_view_renders_in_full_and_later_first_views_get_the_kept_body_with_their_own_values()
    {
        var bodies = Tool.Services.GetRequiredService<FreshModuleBodies>();
        var module = LearnerSession.Module(Tool, "co-case-for-change");
        var ct = TestContext.Current.CancellationToken;

        // Nothing kept yet: the first learner's page renders the body, and building the kept one starts.
        var first = await LearnerSession.LaunchAsync(Tool, link: "link-cc-1", user: DevPlatformLaunch.Learner);
        // Whichever feedback setting the link has: both kept before the second learner comes.
        bool Kept() =>
            bodies.Find(module, LearnText.English, editable: true, showFeedback: true, "t", "f", 1) is not null
            & bodies.Find(module, LearnText.English, editable: true, showFeedback: false, "t", "f", 1) is not null;
        for (var i = 0; i < 200 && !Kept(); i++)
        {
            await Task.Delay(50, ct);
        }
        Assert.True(Kept());
        var second = await LearnerSession.LaunchAsync(Tool, link: "link-cc-1", user: DevPlatformLaunch.PrivateLearner);

        Assert.NotEqual(first.Token, second.Token);
        Assert.NotEqual(first.FormToken, second.FormToken);
        Assert.NotEqual(first.AttemptId, second.AttemptId);
        foreach (var learner in new[] { first, second })
        {
            var html = learner.Page.Html[learner.Page.Html.IndexOf("<div class=\"module-body\"", StringComparison.Ordinal)..];
            var forms = Count(html, "<form class=\"question\"");
            Assert.Equal(module.Questions.Count, forms);
            // As the renderer writes attribute values (form tokens have '+', which it writes as &#x2B;).
            Assert.Equal(forms, Count(html, $"name=\"lti_session\" value=\"{HtmlEncoder.Default.Encode(learner.Token)}\""));
            Assert.Equal(forms, Count(html, $"name=\"form_token\" value=\"{HtmlEncoder.Default.Encode(learner.FormToken)}\""));
            Assert.Equal(forms, Count(html, $"name=\"attempt\" value=\"{learner.AttemptId}\""));
        }
        // Apart from each learner's own values, the rendered page and the one with the kept body are the same.
        Assert.Equal(Neutral(first), Neutral(second));
    }

    private static string Neutral(LearnerSession learner) => learner.Page.Html
        .Replace(HtmlEncoder.Default.Encode(learner.Token), "{token}", StringComparison.Ordinal)
        .Replace(HtmlEncoder.Default.Encode(Uri.EscapeDataString(learner.Token)), "{token}", StringComparison.Ordinal)
        .Replace(HtmlEncoder.Default.Encode(learner.FormToken), "{form}", StringComparison.Ordinal)
        .Replace($"name=\"attempt\" value=\"{learner.AttemptId}\"", "name=\"attempt\" value=\"{attempt}\"", StringComparison.Ordinal);

    private static int Count(string html, string part) => html.Split(part).Length - 1;

    private Task<string> RenderAsync(RenderFragment fragment) => FragmentRendering.RenderAsync(Tool, fragment);
}
