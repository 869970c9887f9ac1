using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Format;

public sealed class PackModelTests
{
    [Fact]
    public void Manifest_fields_are_read_into_the_pack()
    {
        using var packs = new TempPacks();
        var pack = ExamplePack.Load(packs);

        Assert.Equal("example", pack.Id);
        Assert.Equal("Test pack example", pack.Title);
        Assert.Equal("faculty", pack.Audience);
        Assert.Equal("1.0.0", pack.Version);
        Assert.Equal(["en", "es"], pack.Languages);
        Assert.Equal("CC-BY-4.0", pack.Licence);
        Assert.Equal(["Test Author, MD"], pack.Authors);
        Assert.False(pack.IsBuiltIn);
    }

    [Fact]
    public void Modules_are_ordered_by_file_name_not_by_writing_order()
    {
        using var packs = new TempPacks();
        var pack = ExamplePack.Load(packs);

        Assert.Equal(["ex-intro", "ex-prework"], pack.Modules.Select(m => m.Id));
        Assert.All(pack.Modules, m => Assert.Equal("example", m.English.PackId));
    }

    [Fact]
    public void Front_matter_fields_and_defaults_are_read()
    {
        using var packs = new TempPacks();
        var pack = ExamplePack.Load(packs);
        var intro = pack.Modules[0].English;
        var prework = pack.Modules[1].English;

        Assert.Equal("Introducing the flipped classroom", intro.Title);
        Assert.Equal("en", intro.Language);
        Assert.Equal(ModuleKind.Module, intro.Kind);
        Assert.Equal(20, intro.Minutes);
        Assert.Equal(FeedbackMode.AfterSubmit, intro.Feedback);
        Assert.Equal(3, intro.DefaultAttempts);
        Assert.Equal(["Explain why pre-work matters", "Plan a session"], intro.Objectives);

        Assert.Equal(ModuleKind.Prework, prework.Kind);
        Assert.Equal(FeedbackMode.Immediate, prework.Feedback);
        Assert.Equal(1, prework.DefaultAttempts);
        Assert.Empty(prework.References);
    }

    [Fact]
    public void Sections_are_split_at_level_two_headings()
    {
        using var packs = new TempPacks();
        var intro = ExamplePack.Load(packs).Modules[0].English;

        Assert.Equal([null, "Why pre-work fails", "Checking understanding"], intro.Sections.Select(s => s.Heading));
        Assert.Equal(["section-1", "section-2", "section-3"], intro.Sections.Select(s => s.Anchor));

        Assert.Equal("<p>Text before any heading.</p>", Assert.IsType<TextBlock>(Assert.Single(intro.Sections[0].Blocks)).Html);
        Assert.Collection(intro.Sections[1].Blocks,
            b => Assert.IsType<TextBlock>(b),
            b => Assert.Equal("ex-q-single", Assert.IsType<QuestionBlock>(b).Question.Id));
        Assert.Collection(intro.Sections[2].Blocks,
            b => Assert.Equal("ex-q-multiple", Assert.IsType<QuestionBlock>(b).Question.Id),
            b => Assert.Equal("ex-q-reflect", Assert.IsType<QuestionBlock>(b).Question.Id),
            b => Assert.Equal("<p>Some closing text.</p>", Assert.IsType<TextBlock>(b).Html),
            b => Assert.Equal("ex-q-rating", Assert.IsType<QuestionBlock>(b).Question.Id));
    }

    [Fact]
    public void Questions_are_listed_in_reading_order_and_found_by_id()
    {
        using var packs = new TempPacks();
        var intro = ExamplePack.Load(packs).Modules[0].English;

        Assert.Equal(["ex-q-single", "ex-q-multiple", "ex-q-reflect", "ex-q-rating"], intro.Questions.Select(q => q.Id));
        Assert.Same(intro.Questions[2], intro.FindQuestion("ex-q-reflect"));
        Assert.Null(intro.FindQuestion("nope"));
        Assert.Equal(10m, intro.MaximumPoints);
        Assert.True(intro.HasInstructorGradedQuestions);
    }
}
