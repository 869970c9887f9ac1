using System.Text.Encodings.Web;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Web.Learn;
using LtiCurriculum.Web.Learn.Pages;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Learn;

/// <summary>
/// A module's kept objectives and contents are exactly what the renderer writes for the same elements, for every module
/// of the catalogue in every language, and a module read in another language gets that language's outline.
/// </summary>
public sealed class ModuleOutlinesTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private ToolInstance Tool => fixture.Tool;

    [Fact]
    public async Task Every_modules_outline_is_the_markup_the_renderer_writes_for_it()
    {
        var outlines = Tool.Services.GetRequiredService<ModuleOutlines>();
        var modules = LearnerSession.AllModules(Tool);
        Assert.NotEmpty(modules);
        var withContents = 0;
        foreach (var module in modules)
        {
            foreach (var text in new[] { LearnText.English, LearnText.Spanish, LearnText.Chinese, LearnText.English })
            {
                Assert.Equal(await RenderAsync(ObjectivesAsRendered(module, text)), await RenderAsync(b => b.AddContent(0, outlines.Objectives(module, text))));
                var contents = await RenderAsync(b => b.AddContent(0, outlines.Contents(module, text)));
                Assert.Equal(await RenderAsync(ContentsAsRendered(module, text)), contents);
                withContents += contents.Length > 0 ? 1 : 0;
            }
        }
        Assert.True(withContents > 0, "no module has a list of contents to compare");
    }

    [Fact]
    public void A_module_read_in_another_language_gets_that_languages_headings()
    {
        var outlines = Tool.Services.GetRequiredService<ModuleOutlines>();
        var module = LearnerSession.Module(Tool, "co-case-for-change");
        string Heading(LearnText text) => $">{HtmlEncoder.Default.Encode(text.Objectives)}</h2>";
        Assert.Contains(Heading(LearnText.English), outlines.Objectives(module, LearnText.English).Value, StringComparison.Ordinal);
        Assert.Contains(Heading(LearnText.Spanish), outlines.Objectives(module, LearnText.Spanish).Value, StringComparison.Ordinal);
        Assert.Contains(Heading(LearnText.English), outlines.Objectives(module, LearnText.English).Value, StringComparison.Ordinal);
        Assert.NotEqual(LearnText.English.Objectives, LearnText.Spanish.Objectives);
    }

    // The elements as the module page wrote them with Razor before they were kept.
    private static RenderFragment ObjectivesAsRendered(Module module, LearnText text) => b =>
    {
        b.OpenElement(0, "section");
        b.AddAttribute(1, "class", "objectives");
        b.AddAttribute(2, "aria-labelledby", "objectives-heading");
        b.OpenElement(3, "h2");
        b.AddAttribute(4, "id", "objectives-heading");
        b.AddContent(5, text.Objectives);
        b.CloseElement();
        b.OpenElement(6, "ul");
        b.AddAttribute(7, "lang", module.Language);
        foreach (var objective in module.Objectives)
        {
            b.OpenElement(8, "li");
            b.AddContent(9, objective);
            b.CloseElement();
        }
        b.CloseElement();
        b.CloseElement();
    };

    private static RenderFragment ContentsAsRendered(Module module, LearnText text) => b =>
    {
        if (module.Sections.Count(s => s.Heading is not null) <= 1)
        {
            return;
        }
        b.OpenElement(0, "nav");
        b.AddAttribute(1, "class", "toc");
        b.AddAttribute(2, "aria-label", text.Contents);
        b.OpenElement(3, "ol");
        foreach (var section in module.Sections.Where(s => s.Heading is not null))
        {
            b.OpenElement(4, "li");
            b.OpenElement(5, "a");
            b.AddAttribute(6, "href", "#" + section.Anchor);
            b.AddContent(7, section.Heading);
            b.CloseElement();
            b.CloseElement();
        }
        b.CloseElement();
        b.CloseElement();
    };

    private Task<string> RenderAsync(RenderFragment fragment) => FragmentRendering.RenderAsync(Tool, fragment);
}
