using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Curriculum.Tests.Support;

internal static class Html
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Every HTML string a module puts in front of a learner.</summary>
    public static IEnumerable<string> AllOf(Module module)
    {
        foreach (var section in module.Sections)
        {
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case TextBlock text:
                        yield return text.Html;
                        break;
                    case QuestionBlock { Question: var question }:
                        yield return question.PromptHtml;
                        if (question.RationaleHtml is { } rationale) yield return rationale;
                        if (question is ChoiceQuestion choice)
                        {
                            foreach (var option in choice.Options)
                            {
                                yield return option.TextHtml;
                                if (option.FeedbackHtml is { } feedback) yield return feedback;
                            }
                        }
                        break;
                }
            }
        }
    }

    /// <summary>Fails when the HTML could run script: a script element, an on* attribute or a javascript:/data:/vbscript: URL.</summary>
    public static void AssertSafe(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        foreach (var element in document.Body!.Descendants<IElement>())
        {
            Assert.False(element.LocalName is "script" or "iframe" or "object" or "embed" or "style" or "img" or "svg" or "form", $"<{element.LocalName}> in: {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"Event handler attribute '{attribute.Name}' in: {html}");
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                foreach (var scheme in new[] { "javascript:", "vbscript:", "data:" })
                {
                    Assert.False(value.Contains(scheme, StringComparison.OrdinalIgnoreCase), $"'{scheme}' in attribute {attribute.Name}=\"{attribute.Value}\" in: {html}");
                }
            }
        }
    }

    public static IElement Fragment(string html) =>
        Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;
}
