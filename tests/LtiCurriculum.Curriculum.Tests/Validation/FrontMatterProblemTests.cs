using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Validation;

public sealed class FrontMatterProblemTests
{
    private static Loading.PackLoadResult LoadModule(TempPacks packs, string module) =>
        packs.Pack("fm").Manifest("fm").File("01-a.md", module).Load();

    [Fact]
    public void An_unknown_kind_is_reported_at_its_line()
    {
        using var packs = new TempPacks();
        var result = LoadModule(packs, Samples.Module("fm-a").Replace("kind: module", "kind: lecture"));

        PackAssert.OnlyProblem(result, "fm", "01-a.md", 4, "Unknown kind 'lecture'", lineContains: "kind: lecture");
    }

    [Fact]
    public void A_misspelt_front_matter_key_is_reported_at_its_line()
    {
        using var packs = new TempPacks();
        var result = LoadModule(packs, Samples.Module("fm-a").Replace("minutes: 10", "minutes: 10\nattempt: 2"));

        PackAssert.OnlyProblem(result, "fm", "01-a.md", 6, "Unknown key 'attempt'", lineContains: "attempt: 2");
    }

    [Fact]
    public void Broken_YAML_in_front_matter_is_reported_at_its_line()
    {
        using var packs = new TempPacks();
        var result = LoadModule(packs, Samples.Module("fm-a").Replace("title: A module", "title: A module: broken"));

        PackAssert.OnlyProblem(result, "fm", "01-a.md", 3, "Broken YAML in the front matter", lineContains: "title:");
    }

    [Fact]
    public void A_duplicate_front_matter_key_is_reported_at_the_second_key()
    {
        using var packs = new TempPacks();
        var result = LoadModule(packs, Samples.Module("fm-a").Replace("minutes: 10", "minutes: 10\nminutes: 12"));

        PackAssert.OnlyProblem(result, "fm", "01-a.md", 6, "Duplicate key", lineContains: "minutes: 12");
    }

    [Fact]
    public void Front_matter_that_is_never_closed_is_reported_at_line_one()
    {
        using var packs = new TempPacks();
        var result = LoadModule(packs, "---\nid: fm-a\ntitle: A module\n\n## Section\n\nText.\n");

        PackAssert.OnlyProblem(result, "fm", "01-a.md", 1, "never closed", lineContains: "---");
    }

    [Fact]
    public void A_file_without_front_matter_is_reported_at_line_one()
    {
        using var packs = new TempPacks();
        var result = LoadModule(packs, "## Section\n\nText.\n");

        PackAssert.OnlyProblem(result, "fm", "01-a.md", 1, "must start with YAML front matter");
    }

    [Fact]
    public void A_missing_required_field_is_reported_at_the_start_of_the_front_matter()
    {
        using var packs = new TempPacks();
        var result = LoadModule(packs, Samples.Module("fm-a").Replace("minutes: 10\n", ""));

        PackAssert.OnlyProblem(result, "fm", "01-a.md", 2, "needs 'minutes'");
    }

    [Fact]
    public void A_blank_title_counts_as_missing()
    {
        using var packs = new TempPacks();
        var result = LoadModule(packs, Samples.Module("fm-a").Replace("title: A module", "title: \"   \""));

        PackAssert.OnlyProblem(result, "fm", "01-a.md", 2, "needs 'title'");
    }

    [Fact]
    public void Minutes_out_of_range_are_reported_at_their_line()
    {
        using var packs = new TempPacks();
        var result = LoadModule(packs, Samples.Module("fm-a").Replace("minutes: 10", "minutes: 500"));

        PackAssert.OnlyProblem(result, "fm", "01-a.md", 5, "'minutes'", lineContains: "minutes: 500");
    }

    [Fact]
    public void An_unsafe_reference_url_is_reported_at_its_line()
    {
        using var packs = new TempPacks();
        var result = LoadModule(packs, Samples.Module("fm-a").Replace("url: https://example.org/smith", "url: javascript:alert(1)"));

        PackAssert.OnlyProblem(result, "fm", "01-a.md", 11, "Unsafe reference url", lineContains: "url:");
    }

    [Fact]
    public void A_level_one_heading_in_the_body_is_reported_at_its_line()
    {
        using var packs = new TempPacks();
        var result = LoadModule(packs, Samples.Module("fm-a").Replace("## First section", "# First section"));

        PackAssert.OnlyProblem(result, "fm", "01-a.md", 14, "Use '##'", lineContains: "# First section");
    }

    [Fact]
    public void A_body_with_nothing_in_it_is_reported_after_the_front_matter()
    {
        using var packs = new TempPacks();
        var result = LoadModule(packs, Samples.ModuleWithBody("fm-a", "\n"));

        PackAssert.OnlyProblem(result, "fm", "01-a.md", 13, "no content");
    }
}
