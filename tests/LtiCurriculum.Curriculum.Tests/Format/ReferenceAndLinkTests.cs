using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Format;

public sealed class ReferenceAndLinkTests
{
    [Fact]
    public void References_are_numbered_in_listed_order()
    {
        using var packs = new TempPacks();
        var intro = ExamplePack.Load(packs).Modules[0].English;

        Assert.Equal(
            [
                new Reference("hew2018", 1, "Hew KF, Lo CK. Flipped classroom improves student learning. BMC Med Educ. 2018;18:38.", "https://doi.org/10.1186/s12909-018-1144-z"),
                new Reference("chen.2017", 2, "Chen F, et al. Revisiting the effectiveness of flipped classrooms. 2017.", null),
            ],
            intro.References);
    }

    [Fact]
    public void Citations_render_as_numbered_links_to_the_reference_list()
    {
        using var packs = new TempPacks();
        var html = SectionText(ExamplePack.Load(packs).Modules[0].English, 1);

        Assert.Contains("<sup class=\"cite\"><a href=\"#ref-hew2018\" aria-label=\"Reference 1\">[1]</a></sup>", html);
        Assert.DoesNotContain("[@hew2018]", html);
    }

    [Fact]
    public void A_citation_of_a_reference_id_with_a_dot_is_rendered_too()
    {
        using var packs = new TempPacks();
        var html = SectionText(ExamplePack.Load(packs).Modules[0].English, 1);

        Assert.Contains("<a href=\"#ref-chen.2017\" aria-label=\"Reference 2\">[2]</a>", html);
        Assert.DoesNotContain("[@chen.2017]", html);
    }

    [Fact]
    public void Outside_links_open_in_a_new_tab_and_anchors_stay_in_the_page()
    {
        using var packs = new TempPacks();
        var body = Html.Fragment(SectionText(ExamplePack.Load(packs).Modules[0].English, 1));

        var outside = body.QuerySelector("a[href='https://example.org/guide']")!;
        Assert.Equal("_blank", outside.GetAttribute("target"));
        Assert.Equal("noopener noreferrer", outside.GetAttribute("rel"));
        var anchor = body.QuerySelector("a[href='#section-2']")!;
        Assert.Null(anchor.GetAttribute("target"));
    }

    [Fact]
    public void A_citation_inside_a_link_title_or_code_is_left_as_text()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("cites").Manifest("cites")
            .File("01-a.md", Samples.ModuleWithBody("cites-a", """

                ## Section

                See [the paper](https://example.org/p "as in [@smith2020]") and `[@smith2020]` in code.
                """))
            .Load();
        var html = SectionText(PackAssert.Loaded(result).Modules[0].English, 0);

        var link = Html.Fragment(html).QuerySelector("a[href='https://example.org/p']")!;
        Assert.Equal("as in [@smith2020]", link.GetAttribute("title"));
        Assert.Contains("<code>[@smith2020]</code>", html);
        Assert.DoesNotContain("cite", link.OuterHtml.Replace("[@smith2020]", ""));
    }

    private static string SectionText(Module module, int section) =>
        string.Concat(module.Sections[section].Blocks.OfType<TextBlock>().Select(b => b.Html));
}
