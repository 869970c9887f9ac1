using LtiCurriculum.Curriculum.Authoring;
using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Authoring;

/// <summary>A new pack (packs new NAME) loads as generated, shows every question type, and is refused for a bad name or an existing folder.</summary>
public sealed class PackScaffoldTests
{
    [Fact]
    public void New_pack_loads_with_no_problems()
    {
        using var packs = new TempPacks();

        var folder = PackScaffold.Write(packs.Root, "cardiology-prework");

        var pack = PackAssert.Loaded(PackLoader.Load(folder, isBuiltIn: false));
        Assert.Equal("cardiology-prework", pack.Id);
        Assert.Equal("Cardiology prework", pack.Title);
        Assert.Equal(["en"], pack.Languages);
        var module = Assert.Single(pack.Modules).English;
        Assert.Equal(PackScaffold.ModuleId("cardiology-prework"), module.Id);
        Assert.Equal(["01-first-module.md", "pack.yaml"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Example_module_has_one_question_of_each_type()
    {
        using var packs = new TempPacks();
        var module = PackAssert.Loaded(PackLoader.Load(PackScaffold.Write(packs.Root, "p1"), isBuiltIn: false)).Modules[0].English;

        var single = Assert.Single(module.Questions.OfType<ChoiceQuestion>(), q => !q.AllowsMultiple);
        var multiple = Assert.Single(module.Questions.OfType<ChoiceQuestion>(), q => q.AllowsMultiple);
        var reflection = Assert.Single(module.Questions.OfType<ReflectionQuestion>());
        var rating = Assert.Single(module.Questions.OfType<RatingQuestion>());
        Assert.Equal(4, module.Questions.Count);
        Assert.True(single.IsScored && multiple.IsScored && reflection.IsScored);
        Assert.False(rating.IsScored);
        Assert.NotEmpty(module.References);
    }

    [Fact]
    public void New_pack_sits_beside_the_built_in_packs_without_a_clash()
    {
        using var packs = new TempPacks();
        PackScaffold.Write(packs.Root, "institution-starter");

        var catalogue = ContentCatalogue.Load([new PackSource(ContentCatalogue.BuiltInFolder, IsBuiltIn: true), new PackSource(packs.Root, IsBuiltIn: false)]);

        Assert.Empty(catalogue.Refused);
        Assert.NotNull(catalogue.FindModule(PackScaffold.ModuleId("institution-starter")));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("2026")]
    [InlineData("yes")]
    public void Names_yaml_would_read_as_other_values_still_load(string name)
    {
        using var packs = new TempPacks();

        Assert.Equal(name, PackAssert.Loaded(PackLoader.Load(PackScaffold.Write(packs.Root, name), isBuiltIn: false)).Id);
    }

    [Theory]
    [InlineData("", "Give the new pack a name")]
    [InlineData("My-Pack", "not a pack name")]
    [InlineData("my pack", "not a pack name")]
    [InlineData("..", "not a pack name")]
    [InlineData("../escape", "not a pack name")]
    [InlineData("double--hyphen", "not a pack name")]
    [InlineData("-leading", "not a pack name")]
    [InlineData("a-name-that-is-far-too-long-to-leave-room-for-module-ids", "at most 48")]
    public void Bad_names_are_refused_with_the_reason(string name, string reason)
    {
        using var packs = new TempPacks();

        Assert.Contains(reason, PackScaffold.ProblemWithName(name));
        Assert.Throws<ArgumentException>(() => PackScaffold.Write(packs.Root, name));
        Assert.Empty(Directory.GetFileSystemEntries(packs.Root));
    }

    [Fact]
    public void Existing_folder_is_left_alone()
    {
        using var packs = new TempPacks();
        packs.Pack("taken").File("notes.md", "mine");

        Assert.Throws<IOException>(() => PackScaffold.Write(packs.Root, "taken"));

        Assert.Equal(["notes.md"], Directory.GetFiles(Path.Combine(packs.Root, "taken")).Select(Path.GetFileName));
        Assert.Equal(["taken"], Directory.GetFileSystemEntries(packs.Root).Select(Path.GetFileName));
    }
}
