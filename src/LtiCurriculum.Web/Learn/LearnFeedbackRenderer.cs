using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Web.Learn.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace LtiCurriculum.Web.Learn;

/// <summary>Renders one question's feedback to an HTML string, for learn.js to put in place after an autosave.</summary>
public static class LearnFeedbackRenderer
{
    /// <summary>Renders with the request's services: the component renderer needs scoped ones.</summary>
    public static async Task<string> RenderAsync(HttpContext http, LearnText text, Question question, string answer)
    {
        await using var renderer = new HtmlRenderer(http.RequestServices, http.RequestServices.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(FeedbackView.Text)] = text,
                [nameof(FeedbackView.Question)] = question,
                [nameof(FeedbackView.Answer)] = answer,
            });
            var output = await renderer.RenderComponentAsync<FeedbackView>(parameters);
            return output.ToHtmlString();
        });
    }
}
