using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using LtiCurriculum.Curriculum.Model;
using Microsoft.AspNetCore.Components;

namespace LtiCurriculum.Web.Learn.Pages;

/// <summary>
/// A module's objectives and its list of contents, the same for everyone who reads the module in one language: written
/// once per module and language as markup, encoded as the renderer encodes it, instead of being built as a few dozen
/// render-tree frames on every module page. Kept weakly per loaded module, like <see cref="FreshModuleBodies"/>.
/// </summary>
public sealed class ModuleOutlines(IServiceProvider services)
{
    private readonly HtmlEncoder _encoder = services.GetService<HtmlEncoder>() ?? HtmlEncoder.Default;
    private readonly ConditionalWeakTable<Module, Outline> _kept = [];

    /// <summary>The objectives section of <paramref name="module"/> in <paramref name="text"/>'s language.</summary>
    public MarkupString Objectives(Module module, LearnText text) => For(module, text).Objectives;

    /// <summary>The list of its sections' headings with links to them; empty unless there are two or more.</summary>
    public MarkupString Contents(Module module, LearnText text) => For(module, text).Contents;

    private Outline For(Module module, LearnText text)
    {
        if (_kept.TryGetValue(module, out var kept) && ReferenceEquals(kept.Text, text))
        {
            return kept;
        }
        var outline = new Outline(text, Build(ObjectivesOf(module, text)), Build(ContentsOf(module, text)));
        // A module read in two languages at once swaps its kept outline back and forth: each is still right.
        _kept.AddOrUpdate(module, outline);
        return outline;
    }

    private static MarkupString Build(StringBuilder html) => new(html.ToString());

    private StringBuilder ObjectivesOf(Module module, LearnText text)
    {
        var html = new StringBuilder(256)
            .Append("<section class=\"objectives\" aria-labelledby=\"objectives-heading\"><h2 id=\"objectives-heading\">")
            .Append(_encoder.Encode(text.Objectives))
            .Append("</h2><ul lang=\"").Append(_encoder.Encode(module.Language)).Append("\">");
        foreach (var objective in module.Objectives)
        {
            html.Append("<li>").Append(_encoder.Encode(objective)).Append("</li>");
        }
        return html.Append("</ul></section>");
    }

    private StringBuilder ContentsOf(Module module, LearnText text)
    {
        var html = new StringBuilder(256);
        var headed = module.Sections.Where(s => s.Heading is not null).ToList();
        if (headed.Count <= 1)
        {
            return html;
        }
        html.Append("<nav class=\"toc\" aria-label=\"").Append(_encoder.Encode(text.Contents)).Append("\"><ol>");
        foreach (var section in headed)
        {
            html.Append("<li><a href=\"").Append(_encoder.Encode("#" + section.Anchor)).Append("\">").Append(_encoder.Encode(section.Heading!)).Append("</a></li>");
        }
        return html.Append("</ol></nav>");
    }

    private sealed record Outline(LearnText Text, MarkupString Objectives, MarkupString Contents);
}
