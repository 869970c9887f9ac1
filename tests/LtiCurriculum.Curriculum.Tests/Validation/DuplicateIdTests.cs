using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Validation;

public sealed class DuplicateIdTests
{
    [Fact]
    public void A_question_id_used_in_two_files_of_a_pack_is_reported_at_the_second_id_line()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("dups").Manifest("dups")
            .File("01-a.md", Samples.Module("dups-a", questionId: "shared-q"))
            .File("02-b.md", Samples.Module("dups-b", questionId: "shared-q"))
            .Load();

        PackAssert.OnlyProblem(result, "dups", "02-b.md", 19, "Duplicate question id 'shared-q' (also in 01-a.md)", lineContains: "id: shared-q");
    }

    [Fact]
    public void A_question_id_used_twice_in_one_file_is_reported_at_the_second_id_line()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("dups").Manifest("dups")
            .File("01-a.md", Samples.ModuleWithBody("dups-a", """

                ## Section

                ```question
                id: twice
                type: rating
                prompt: How sure?
                scale: [low, mid, high]
                ```

                ```question
                id: twice
                type: rating
                prompt: How sure now?
                scale: [low, mid, high]
                ```
                """))
            .Load();

        PackAssert.OnlyProblem(result, "dups", "01-a.md", 24, "Duplicate question id 'twice'", lineContains: "id: twice");
    }

    [Fact]
    public void The_same_question_id_in_two_different_packs_is_allowed()
    {
        using var packs = new TempPacks();
        packs.Pack("one").Manifest("one").File("01-a.md", Samples.Module("one-a", questionId: "q1"));
        packs.Pack("two").Manifest("two").File("01-a.md", Samples.Module("two-a", questionId: "q1"));

        var catalogue = packs.LoadCatalogue();

        Assert.Empty(catalogue.Refused);
        Assert.Equal(["one", "two"], catalogue.Packs.Select(p => p.Id));
    }

    [Fact]
    public void A_module_id_used_twice_in_a_pack_is_reported_at_the_second_files_id_line()
    {
        using var packs = new TempPacks();
        // The second file puts title first, so its id is on line 3: the line must come from the file, not be assumed.
        var result = packs.Pack("dups").Manifest("dups")
            .File("01-a.md", Samples.Module("same-module", questionId: "q1"))
            .File("02-b.md", Samples.Module("same-module", questionId: "q2").Replace("id: same-module\ntitle: A module\n", "title: A module\nid: same-module\n"))
            .Load();

        PackAssert.OnlyProblem(result, "dups", "02-b.md", 3, "Duplicate module id 'same-module' (also in 01-a.md)", lineContains: "id: same-module");
    }
}
