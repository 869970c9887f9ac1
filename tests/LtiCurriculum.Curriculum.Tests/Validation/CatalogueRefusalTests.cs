using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Validation;

public sealed class CatalogueRefusalTests
{
    [Fact]
    public void A_pack_with_one_bad_file_is_refused_whole_while_other_packs_load()
    {
        using var packs = new TempPacks();
        packs.Pack("good").Manifest("good").File("01-a.md", Samples.Module("good-a"));
        packs.Pack("bad").Manifest("bad")
            .File("01-fine.md", Samples.Module("bad-fine", questionId: "q1"))
            .File("02-broken.md", Samples.Module("bad-broken", questionId: "q2").Replace("kind: module", "kind: lecture"));

        var catalogue = packs.LoadCatalogue();

        Assert.Equal(["good"], catalogue.Packs.Select(p => p.Id));
        var refused = Assert.Single(catalogue.Refused);
        Assert.Null(refused.Pack);
        Assert.Equal(Path.Combine(packs.Root, "bad"), refused.Folder);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal(new PackProblem("bad", "02-broken.md", 4, problem.Message), problem);

        Assert.NotNull(catalogue.FindModule("good-a"));
        Assert.Null(catalogue.FindModule("bad-fine"));
        Assert.Null(catalogue.FindModule("bad-broken"));
        Assert.Null(catalogue.FindPackOf("bad-fine"));
        Assert.Equal("good", catalogue.FindPackOf("good-a")!.Id);
    }

    [Fact]
    public void A_module_id_already_used_by_another_pack_refuses_the_second_pack()
    {
        using var packs = new TempPacks();
        packs.Pack("a-first").Manifest("a-first").File("01-x.md", Samples.Module("clash", title: "First"));
        packs.Pack("b-second").Manifest("b-second")
            .File("01-x.md", Samples.Module("clash", title: "Second", questionId: "q1"))
            .File("02-y.md", Samples.Module("b-only", questionId: "q2"));

        var catalogue = packs.LoadCatalogue();

        Assert.Equal(["a-first"], catalogue.Packs.Select(p => p.Id));
        var refused = Assert.Single(catalogue.Refused);
        Assert.False(refused.Loaded);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal("b-second", problem.Pack);
        Assert.Contains("Module id 'clash' is already used by pack 'a-first'", problem.Message);
        Assert.Equal("First", catalogue.FindModule("clash")!.English.Title);
        Assert.Null(catalogue.FindModule("b-only"));
    }

    [Fact]
    public void A_pack_id_already_used_refuses_the_second_pack()
    {
        using var packs = new TempPacks();
        packs.Pack("one").Manifest("same-pack").File("01-a.md", Samples.Module("one-a"));
        packs.Pack("two").Manifest("same-pack").File("01-a.md", Samples.Module("two-a"));

        var catalogue = packs.LoadCatalogue();

        Assert.Single(catalogue.Packs);
        var problem = Assert.Single(Assert.Single(catalogue.Refused).Problems);
        Assert.Contains("Another pack already has the id 'same-pack'", problem.Message);
        Assert.Null(catalogue.FindModule("two-a"));
    }

    [Fact]
    public void A_source_folder_that_does_not_exist_is_listed_as_refused()
    {
        var missing = Path.Combine(Path.GetTempPath(), "lti-packs-missing-" + Guid.NewGuid().ToString("N"));

        var catalogue = ContentCatalogue.Load([new PackSource(missing, IsBuiltIn: false)]);

        Assert.Empty(catalogue.Packs);
        Assert.Contains("does not exist", Assert.Single(Assert.Single(catalogue.Refused).Problems).Message);
    }

    [Fact]
    public void A_source_folder_that_is_itself_a_pack_is_loaded_as_one_pack()
    {
        using var packs = new TempPacks();
        var folder = packs.Pack("solo").Manifest("solo").File("01-a.md", Samples.Module("solo-a"));

        var catalogue = ContentCatalogue.Load([new PackSource(folder.Folder, IsBuiltIn: true)]);

        Assert.Empty(catalogue.Refused);
        Assert.True(Assert.Single(catalogue.Packs).IsBuiltIn);
    }
}
