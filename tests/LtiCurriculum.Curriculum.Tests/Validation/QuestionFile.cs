using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Validation;

internal static class QuestionFile
{
    /// <summary>Loads pack "qp" whose one module, 01-a.md, holds one ```question block; the block's YAML starts on line 17.</summary>
    public static PackLoadResult Load(TempPacks packs, string questionYaml) =>
        packs.Pack("qp").Manifest("qp")
            .File("01-a.md", Samples.ModuleWithBody("qp-a", "\n## Section\n\n```question\n" + questionYaml + "\n```\n"))
            .Load();
}
