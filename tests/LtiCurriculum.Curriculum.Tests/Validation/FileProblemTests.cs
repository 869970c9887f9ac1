using System.Text;
using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Validation;

public sealed class FileProblemTests
{
    [Fact]
    public void A_folder_without_pack_yaml_is_reported_under_the_folder_name()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("no-manifest").File("01-a.md", Samples.Module("nm-a")).Load();

        PackAssert.OnlyProblem(result, "no-manifest", "pack.yaml", 0, "no pack.yaml");
    }

    [Fact]
    public void A_pack_without_module_files_is_reported()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("empty").Manifest("empty").Load();

        PackAssert.OnlyProblem(result, "empty", "", 0, "no module files");
    }

    [Fact]
    public void A_module_file_over_one_megabyte_is_reported_and_not_read()
    {
        using var packs = new TempPacks();
        var huge = Samples.Module("big-a") + "\n\n" + string.Concat(Enumerable.Repeat("Filler text that goes on and on.\n", 32_000));
        Assert.True(Encoding.UTF8.GetByteCount(huge) > PackLoader.MaxFileBytes);
        var result = packs.Pack("big").Manifest("big").File("01-a.md", huge).Load();

        PackAssert.OnlyProblem(result, "big", "01-a.md", 0, "at most 1,000,000 are allowed");
    }

    [Fact]
    public void A_pack_yaml_over_one_megabyte_is_reported()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("big")
            .File("pack.yaml", Samples.Manifest("big") + "\n#" + new string('x', PackLoader.MaxFileBytes))
            .File("01-a.md", Samples.Module("big-a"))
            .Load();

        PackAssert.OnlyProblem(result, "big", "pack.yaml", 0, "at most 1,000,000 are allowed");
    }

    [Fact]
    public void A_module_file_that_is_not_UTF8_is_reported()
    {
        using var packs = new TempPacks();
        var latin1 = Encoding.Latin1.GetBytes(Samples.Module("enc-a", title: "Módulo de prueba"));
        var result = packs.Pack("enc").Manifest("enc").Bytes("01-a.md", latin1).Load();

        PackAssert.OnlyProblem(result, "enc", "01-a.md", 0, "not valid UTF-8");
    }

    [Fact]
    public void A_UTF8_byte_order_mark_is_accepted()
    {
        using var packs = new TempPacks();
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Samples.Module("bom-a"))).ToArray();
        var result = packs.Pack("bom").Manifest("bom").Bytes("01-a.md", withBom).Load();

        Assert.Equal("bom-a", PackAssert.Loaded(result).Modules[0].Id);
    }

    [Fact]
    public void Windows_line_endings_give_the_same_lines()
    {
        using var packs = new TempPacks();
        var crlf = Samples.Module("crlf-a").Replace("kind: module", "kind: lecture").Replace("\n", "\r\n");
        var result = packs.Pack("crlf").Manifest("crlf").File("01-a.md", crlf).Load();

        PackAssert.OnlyProblem(result, "crlf", "01-a.md", 4, "Unknown kind 'lecture'");
    }

    [Fact]
    public void Broken_YAML_in_pack_yaml_is_reported_at_its_line_under_the_folder_name()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("broken-folder")
            .File("pack.yaml", Samples.Manifest("broken").Replace("title: Test pack broken", "title: Test pack: broken"))
            .File("01-a.md", Samples.Module("broken-a"))
            .Load();

        PackAssert.OnlyProblem(result, "broken-folder", "pack.yaml", 2, "Broken YAML in pack.yaml", lineContains: "title:");
    }

    [Fact]
    public void An_unclosed_bracket_in_pack_yaml_is_a_problem_at_its_line_not_an_exception()
    {
        // YamlDotNet throws InvalidOperationException (not YamlException) for this one.
        using var packs = new TempPacks();
        var result = packs.Pack("broken")
            .File("pack.yaml", Samples.Manifest("broken").Replace("audience: faculty", "audience: [faculty"))
            .File("01-a.md", Samples.Module("broken-a"))
            .Load();

        PackAssert.OnlyProblem(result, "broken", "pack.yaml", 3, "Broken YAML in pack.yaml", lineContains: "audience: [faculty");
    }

    [Fact]
    public void An_unknown_audience_in_pack_yaml_is_reported_at_its_line()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("aud")
            .File("pack.yaml", Samples.Manifest("aud").Replace("audience: faculty", "audience: everyone"))
            .File("01-a.md", Samples.Module("aud-a"))
            .Load();

        PackAssert.OnlyProblem(result, "aud", "pack.yaml", 3, "Unknown audience 'everyone'", lineContains: "audience:");
    }
}
