using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Reload;

/// <summary>Watch mode: the catalogue the app holds is replaced whole, and a broken edit never replaces a working pack.</summary>
public sealed class CatalogueReloadTests
{
    private static string NoCorrectOption(string module) => module.Replace("correct: true", "correct: false");

    [Fact]
    public void Replacing_serves_the_new_snapshot_through_the_same_catalogue()
    {
        using var packs = new TempPacks();
        var pack = packs.Pack("p").Manifest("p").File("01-a.md", Samples.Module("p-a", title: "Old title"));
        var catalogue = packs.LoadCatalogue();

        pack.File("01-a.md", Samples.Module("p-a", title: "New title")).File("02-b.md", Samples.Module("p-b", questionId: "q2"));
        catalogue.ReplaceWith(packs.LoadCatalogue());

        Assert.Equal("New title", catalogue.FindModule("p-a")!.English.Title);
        Assert.NotNull(catalogue.FindModule("p-b"));
        Assert.Equal(["p-a", "p-b"], catalogue.Packs.Single().Modules.Select(m => m.Id));
        Assert.Empty(catalogue.HeldBack);
        Assert.Empty(catalogue.Refused);
    }

    [Fact]
    public void A_broken_reload_keeps_the_working_pack_and_reports_its_problems()
    {
        using var packs = new TempPacks();
        var pack = packs.Pack("p").Manifest("p").File("01-a.md", Samples.Module("p-a", title: "Working title"));
        packs.Pack("q").Manifest("q").File("01-a.md", Samples.Module("q-a"));
        var catalogue = packs.LoadCatalogue();
        var working = catalogue.Packs.Single(p => p.Id == "p");

        pack.File("01-a.md", NoCorrectOption(Samples.Module("p-a", title: "Broken title")));
        catalogue.ReplaceWith(packs.LoadCatalogue());

        Assert.Equal("Working title", catalogue.FindModule("p-a")!.English.Title);
        Assert.Same(working, catalogue.FindPackOf("p-a"));
        Assert.Equal(["p", "q"], catalogue.Packs.Select(p => p.Id).Order());
        var held = Assert.Single(catalogue.HeldBack);
        Assert.Same(working, held.Pack);
        Assert.Equal(pack.Folder, held.Folder);
        var problem = Assert.Single(held.Problems);
        Assert.Equal("01-a.md", problem.File);
        Assert.True(problem.Line > 0, problem.ToString());
        Assert.StartsWith($"p/01-a.md:{problem.Line}: ", problem.ToString());
        Assert.Empty(catalogue.Refused);
        Assert.Equal(pack.Folder, catalogue.FolderOf(working));
    }

    [Fact]
    public void A_fixed_reload_replaces_the_held_pack_and_clears_the_problems()
    {
        using var packs = new TempPacks();
        var pack = packs.Pack("p").Manifest("p").File("01-a.md", Samples.Module("p-a", title: "First"));
        var catalogue = packs.LoadCatalogue();
        pack.File("01-a.md", NoCorrectOption(Samples.Module("p-a", title: "Broken")));
        catalogue.ReplaceWith(packs.LoadCatalogue());

        pack.File("01-a.md", Samples.Module("p-a", title: "Fixed"));
        catalogue.ReplaceWith(packs.LoadCatalogue());

        Assert.Equal("Fixed", catalogue.FindModule("p-a")!.English.Title);
        Assert.Empty(catalogue.HeldBack);
        Assert.Empty(catalogue.Refused);
    }

    [Fact]
    public void A_pack_that_never_loaded_stays_refused_and_serves_nothing()
    {
        using var packs = new TempPacks();
        var catalogue = packs.LoadCatalogue();

        packs.Pack("p").Manifest("p").File("01-a.md", NoCorrectOption(Samples.Module("p-a")));
        catalogue.ReplaceWith(packs.LoadCatalogue());

        Assert.Null(catalogue.FindModule("p-a"));
        Assert.Empty(catalogue.HeldBack);
        Assert.Equal(Path.Combine(packs.Root, "p"), Assert.Single(catalogue.Refused).Folder);
    }

    [Fact]
    public void A_held_pack_that_would_clash_with_a_newly_loaded_one_is_refused_instead()
    {
        using var packs = new TempPacks();
        var pack = packs.Pack("p").Manifest("p").File("01-a.md", Samples.Module("shared"));
        var catalogue = packs.LoadCatalogue();

        pack.File("01-a.md", NoCorrectOption(Samples.Module("shared")));
        packs.Pack("o").Manifest("o").File("01-a.md", Samples.Module("shared", title: "Other"));
        catalogue.ReplaceWith(packs.LoadCatalogue());

        Assert.Equal("Other", catalogue.FindModule("shared")!.English.Title);
        Assert.Empty(catalogue.HeldBack);
        Assert.Equal(pack.Folder, Assert.Single(catalogue.Refused).Folder);
    }
}
