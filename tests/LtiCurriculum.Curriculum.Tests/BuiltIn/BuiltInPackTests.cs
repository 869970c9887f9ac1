using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.BuiltIn;

/// <summary>The packs shipped in src/LtiCurriculum.Curriculum/Packs (copied to the test output) load cleanly.</summary>
public sealed class BuiltInPackTests
{
    private static readonly Lazy<ContentCatalogue> Catalogue = new(() => ContentCatalogue.Load([new PackSource(ContentCatalogue.BuiltInFolder, IsBuiltIn: true)]));

    [Fact]
    public void No_built_in_pack_is_refused()
    {
        var refused = Catalogue.Value.Refused;

        Assert.True(refused.Count == 0,
            $"{refused.Count} built-in pack(s) refused:\n" + string.Join('\n', refused.Select(r => $"{r.Folder}:\n{PackAssert.Describe(r.Problems)}")));
    }

    [Theory]
    [InlineData("curriculum-overhaul", 4)]
    [InlineData("flipped-classroom", 3)]
    [InlineData("communities-of-practice", 2)]
    [InlineData("clinical-prework", 2)]
    public void A_built_in_pack_has_enough_modules_each_with_references_and_questions(string packId, int minimumModules)
    {
        var pack = Catalogue.Value.Packs.FirstOrDefault(p => p.Id == packId);

        Assert.True(pack is not null,
            $"Built-in pack '{packId}' is missing. Loaded: [{string.Join(", ", Catalogue.Value.Packs.Select(p => p.Id))}]. Refused:\n"
            + string.Join('\n', Catalogue.Value.Refused.Select(r => $"{r.Folder}:\n{PackAssert.Describe(r.Problems)}")));
        Assert.True(pack!.IsBuiltIn);
        Assert.True(pack.Modules.Count >= minimumModules, $"'{packId}' has {pack.Modules.Count} modules; at least {minimumModules} expected.");
        Assert.All(pack.Modules, module =>
        {
            Assert.True(module.English.References.Count > 0, $"Module '{module.Id}' has no references.");
            Assert.True(module.English.Questions.Count > 0, $"Module '{module.Id}' has no questions.");
            Assert.Equal(packId, module.English.PackId);
            Assert.Same(module, Catalogue.Value.FindModule(module.Id));
        });
    }

    [Fact]
    public void Clinical_prework_modules_are_prework()
    {
        var pack = Catalogue.Value.Packs.FirstOrDefault(p => p.Id == "clinical-prework");

        Assert.True(pack is not null, "Built-in pack 'clinical-prework' is missing.");
        Assert.All(pack!.Modules, m => Assert.Equal(ModuleKind.Prework, m.English.Kind));
    }

    [Fact]
    public void Every_HTML_string_in_the_built_in_packs_is_safe()
    {
        var modules = Catalogue.Value.Packs.SelectMany(p => p.Modules).SelectMany(m => m.Translations.Values.Prepend(m.English));

        Assert.All(modules.SelectMany(Html.AllOf), Html.AssertSafe);
    }
}
