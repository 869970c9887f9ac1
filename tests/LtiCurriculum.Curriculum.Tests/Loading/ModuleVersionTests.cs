using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.PackFiles;

public sealed class ModuleVersionTests
{
    private const string Spanish = "Un módulo";

    [Fact]
    public void A_module_version_is_twelve_lower_case_hex_digits_and_stable_across_loads()
    {
        using var packs = new TempPacks();
        var folder = TwoModulePack(packs, "v");

        var first = Versions(PackAssert.Loaded(folder.Load()));
        var second = Versions(PackAssert.Loaded(folder.Load()));

        Assert.All(first.Values, v => Assert.Matches("^[0-9a-f]{12}$", v));
        Assert.Equal(first, second);
        Assert.NotEqual(first["v-a"], first["v-b"]);
    }

    [Fact]
    public void A_checkout_with_CRLF_line_endings_and_a_byte_order_mark_gives_the_same_versions()
    {
        using var packs = new TempPacks();
        var lf = TwoModulePack(packs, "lf");
        var crlf = packs.Pack("crlf").Manifest("lf", "[en, es]");
        foreach (var file in Directory.GetFiles(lf.Folder, "*.md"))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("\r", text);
            crlf.File(Path.GetFileName(file), "\uFEFF" + text.Replace("\n", "\r\n"));
        }

        Assert.Equal(Versions(PackAssert.Loaded(lf.Load())), Versions(PackAssert.Loaded(crlf.Load())));
    }

    [Fact]
    public void Editing_a_translation_changes_only_that_modules_version()
    {
        using var packs = new TempPacks();
        var folder = TwoModulePack(packs, "v");
        var before = Versions(PackAssert.Loaded(folder.Load()));

        folder.File("01-a.es.md", Samples.Module("v-a", title: Spanish).Replace("Pick a.", "Elija a."));
        var after = Versions(PackAssert.Loaded(folder.Load()));

        Assert.NotEqual(before["v-a"], after["v-a"]);
        Assert.Equal(before["v-b"], after["v-b"]);
    }

    [Fact]
    public void Editing_an_English_module_does_not_change_another_modules_version()
    {
        using var packs = new TempPacks();
        var folder = TwoModulePack(packs, "v");
        var before = Versions(PackAssert.Loaded(folder.Load()));

        folder.File("02-b.md", Samples.Module("v-b", questionId: "q2", title: "A renamed module"));
        var after = Versions(PackAssert.Loaded(folder.Load()));

        Assert.Equal(before["v-a"], after["v-a"]);
        Assert.NotEqual(before["v-b"], after["v-b"]);
    }

    [Fact]
    public void Editing_pack_yaml_changes_no_module_version()
    {
        using var packs = new TempPacks();
        var folder = TwoModulePack(packs, "v");
        var before = Versions(PackAssert.Loaded(folder.Load()));

        folder.File("pack.yaml", Samples.Manifest("v", "[en, es]").Replace("title: Test pack v", "title: A better title"));
        var after = PackAssert.Loaded(folder.Load());

        Assert.Equal("A better title", after.Title);
        Assert.Equal(before, Versions(after));
    }

    [Fact]
    public void The_same_translation_under_another_language_code_is_another_version()
    {
        using var packs = new TempPacks();
        var spanish = packs.Pack("es").Manifest("v", "[en, es]")
            .File("01-a.md", Samples.Module("v-a"))
            .File("01-a.es.md", Samples.Module("v-a", title: Spanish));
        var french = packs.Pack("fr").Manifest("v", "[en, fr]")
            .File("01-a.md", Samples.Module("v-a"))
            .File("01-a.fr.md", Samples.Module("v-a", title: Spanish));

        Assert.NotEqual(Versions(PackAssert.Loaded(spanish.Load()))["v-a"], Versions(PackAssert.Loaded(french.Load()))["v-a"]);
    }

    private static TempPacks.PackFolder TwoModulePack(TempPacks packs, string id) => packs.Pack(id).Manifest(id, "[en, es]")
        .File("01-a.md", Samples.Module($"{id}-a"))
        .File("01-a.es.md", Samples.Module($"{id}-a", title: Spanish))
        .File("02-b.md", Samples.Module($"{id}-b", questionId: "q2"))
        .File("02-b.es.md", Samples.Module($"{id}-b", questionId: "q2", title: Spanish));

    private static Dictionary<string, string> Versions(ContentPack pack) => pack.Modules.ToDictionary(m => m.Id, m => m.Version);
}
