using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Validation;

public sealed class TranslationProblemTests
{
    [Fact]
    public void A_translation_whose_correct_answer_differs_is_reported_at_that_questions_id_line()
    {
        using var packs = new TempPacks();
        var spanish = Samples.Module("tr-a", title: "Un módulo")
            .Replace("    correct: true\n", "")
            .Replace("text: Option B", "text: Option B\n    correct: true");
        var result = packs.Pack("tr").Manifest("tr", "[en, es]")
            .File("01-a.md", Samples.Module("tr-a"))
            .File("01-a.es.md", spanish)
            .Load();

        PackAssert.OnlyProblem(result, "tr", "01-a.es.md", 19, "Question 1 ('q1') does not match", lineContains: "id: q1");
    }

    [Fact]
    public void A_translation_whose_question_id_differs_is_reported()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("tr").Manifest("tr", "[en, es]")
            .File("01-a.md", Samples.Module("tr-a", questionId: "q1"))
            .File("01-a.es.md", Samples.Module("tr-a", questionId: "q-other"))
            .Load();

        PackAssert.OnlyProblem(result, "tr", "01-a.es.md", 19, "('q-other') does not match the English question 'q1'", lineContains: "id: q-other");
    }

    [Fact]
    public void A_translation_whose_points_differ_is_reported()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("tr").Manifest("tr", "[en, es]")
            .File("01-a.md", Samples.Module("tr-a"))
            .File("01-a.es.md", Samples.Module("tr-a").Replace("points: 1", "points: 2"))
            .Load();

        PackAssert.OnlyProblem(result, "tr", "01-a.es.md", 19, "does not match", lineContains: "id: q1");
    }

    [Fact]
    public void A_translation_with_another_module_id_is_reported_at_its_id_line()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("tr").Manifest("tr", "[en, es]")
            .File("01-a.md", Samples.Module("tr-a"))
            .File("01-a.es.md", Samples.Module("tr-b"))
            .Load();

        PackAssert.OnlyProblem(result, "tr", "01-a.es.md", 2, "differs from the English module's 'tr-a'", lineContains: "id: tr-b");
    }

    [Fact]
    public void A_translation_with_other_minutes_is_reported_at_its_minutes_line()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("tr").Manifest("tr", "[en, es]")
            .File("01-a.md", Samples.Module("tr-a"))
            .File("01-a.es.md", Samples.Module("tr-a").Replace("minutes: 10", "minutes: 15"))
            .Load();

        PackAssert.OnlyProblem(result, "tr", "01-a.es.md", 5, "kind, minutes, attempts and feedback", lineContains: "minutes: 15");
    }

    [Fact]
    public void A_translation_into_a_language_not_in_pack_yaml_is_reported()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("tr").Manifest("tr", "[en]")
            .File("01-a.md", Samples.Module("tr-a"))
            .File("01-a.fr.md", Samples.Module("tr-a"))
            .Load();

        PackAssert.OnlyProblem(result, "tr", "01-a.fr.md", 0, "Translation into 'fr' is not listed in pack.yaml languages");
    }

    [Fact]
    public void A_language_in_pack_yaml_without_any_translation_is_reported()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("tr").Manifest("tr", "[en, es]")
            .File("01-a.md", Samples.Module("tr-a"))
            .Load();

        PackAssert.OnlyProblem(result, "tr", "pack.yaml", 0, "lists language 'es' but no module is translated into it");
    }

    [Fact]
    public void A_translation_of_a_missing_file_is_reported()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("tr").Manifest("tr", "[en, es]")
            .File("01-a.md", Samples.Module("tr-a"))
            .File("01-a.es.md", Samples.Module("tr-a"))
            .File("02-b.es.md", Samples.Module("tr-b"))
            .Load();

        PackAssert.OnlyProblem(result, "tr", "02-b.es.md", 0, "Translation of '02-b.md', which does not exist");
    }

    [Fact]
    public void An_English_file_with_an_error_is_not_also_reported_as_missing_for_its_translation()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("tr").Manifest("tr", "[en, es]")
            .File("01-a.md", Samples.Module("tr-a").Replace("kind: module", "kind: lecture"))
            .File("01-a.es.md", Samples.Module("tr-a"))
            .Load();

        PackAssert.OnlyProblem(result, "tr", "01-a.md", 4, "Unknown kind 'lecture'");
    }

    [Fact]
    public void A_translation_with_an_error_is_not_also_reported_as_a_language_without_translations()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("tr").Manifest("tr", "[en, es]")
            .File("01-a.md", Samples.Module("tr-a"))
            .File("01-a.es.md", Samples.Module("tr-a").Replace("kind: module", "kind: lecture"))
            .Load();

        PackAssert.OnlyProblem(result, "tr", "01-a.es.md", 4, "Unknown kind 'lecture'");
    }

    [Fact]
    public void Pack_yaml_without_English_is_reported_at_its_languages_line()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("tr").Manifest("tr", "[es]")
            .File("01-a.md", Samples.Module("tr-a"))
            .Load();

        PackAssert.OnlyProblem(result, "tr", "pack.yaml", 5, "must include 'en'", lineContains: "languages:");
    }
}
