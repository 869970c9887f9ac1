using System.Text.RegularExpressions;
using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Curriculum.Loading;

/// <summary>Reads one fenced ```question block (YAML) into a question, reporting every problem with its line.</summary>
internal static partial class QuestionReader
{
    private static readonly string[] Types = ["single", "multiple", "reflection", "rating"];

    /// <param name="problems">Shifted so that YAML line 1 is the line after the opening fence.</param>
    /// <param name="idLine">The file line of the question's 'id:' (for problems found later, such as duplicates).</param>
    public static Question? Read(string yaml, ProblemSink problems, IReadOnlyDictionary<string, int> references, out int idLine)
    {
        var before = problems.Count;
        idLine = problems.LineOffset + 1;
        if (YamlMap.From(YamlText.Parse(yaml, problems, "the question block"), problems, "A question block") is not { } map)
        {
            return null;
        }
        idLine = problems.LineOffset + map.LineOf("id");
        var id = map.String("id", required: true, 64);
        if (id is not null && !IsId(id))
        {
            problems.Add(map.LineOf("id"), $"Question id '{id}' must be 1-64 lower-case letters, digits, '-', '_' or '.'.");
        }
        var what = $"question '{id ?? "?"}'";
        var type = map.String("type", required: true, 20);
        if (type is not null && !Types.Contains(type))
        {
            problems.Add(map.LineOf("type"), $"Unknown question type '{type}' in {what}; use one of: {string.Join(", ", Types)}.");
            return null;
        }

        var prompt = Markdown(map, "prompt", required: true, problems, references) ?? "";
        Question? question = type switch
        {
            "single" or "multiple" => ReadChoice(map, id!, prompt, type == "multiple", problems, references, what),
            "reflection" => ReadReflection(map, id!, prompt, problems, references, what),
            "rating" => ReadRating(map, id!, prompt, problems, what),
            _ => null,
        };
        map.ReportUnknownKeys();
        return problems.Count == before ? question : null;
    }

    private static ChoiceQuestion ReadChoice(YamlMap map, string id, string prompt, bool multiple, ProblemSink problems, IReadOnlyDictionary<string, int> references, string what)
    {
        var points = map.Decimal("points", 0.5m, 100m, null);
        var partial = multiple && map.Bool("partial_credit", false);
        if (!multiple && map.Has("partial_credit"))
        {
            map.Node("partial_credit");
            problems.Add(map.LineOf("partial_credit"), $"'partial_credit' applies to multiple-choice questions only ({what}).");
        }
        var rationale = Markdown(map, "rationale", required: false, problems, references);
        var options = new List<ChoiceOption>();
        var optionIds = new HashSet<string>(StringComparer.Ordinal);
        var beforeOptions = problems.Count;
        var optionMaps = map.MapList("options", required: true, 10, $"an option of {what}");
        var optionsReported = problems.Count > beforeOptions;
        foreach (var optionMap in optionMaps)
        {
            var optionId = optionMap.String("id", required: true, 32);
            if (optionId is not null && !IsId(optionId))
            {
                problems.Add(optionMap.LineOf("id"), $"Option id '{optionId}' in {what} must be lower-case letters, digits, '-', '_' or '.'.");
            }
            else if (optionId is not null && !optionIds.Add(optionId))
            {
                problems.Add(optionMap.LineOf("id"), $"Duplicate option id '{optionId}' in {what}.");
            }
            var text = Markdown(optionMap, "text", required: true, problems, references, inline: true) ?? "";
            var correct = optionMap.Bool("correct", false);
            var feedback = Markdown(optionMap, "feedback", required: false, problems, references);
            optionMap.ReportUnknownKeys();
            options.Add(new ChoiceOption(optionId ?? "", text, correct, feedback));
        }

        var correctCount = options.Count(o => o.IsCorrect);
        if (!optionsReported && optionMaps.Count < 2)
        {
            problems.Add(map.LineOf("options"), $"{Capital(what)} needs at least 2 options.");
        }
        if (optionMaps.Count > 0 && correctCount == 0)
        {
            problems.Add(map.LineOf("options"), $"{Capital(what)} has no correct option; mark at least one with 'correct: true'.");
        }
        if (!multiple && correctCount > 1)
        {
            problems.Add(map.LineOf("options"), $"Single-choice {what} has {correctCount} correct options; use type: multiple or mark exactly one.");
        }
        return new ChoiceQuestion(id, points, prompt, rationale, multiple, partial, options);
    }

    private static ReflectionQuestion ReadReflection(YamlMap map, string id, string prompt, ProblemSink problems, IReadOnlyDictionary<string, int> references, string what)
    {
        var points = map.Decimal("points", 0m, 100m, null);
        var grading = map.Choice("grading", ["completion", "instructor"], required: true) == "instructor" ? ReflectionGrading.Instructor : ReflectionGrading.Completion;
        var min = map.Int("min_length", 1, 20_000, 1);
        var max = map.Int("max_length", 1, 20_000, 4000);
        if (min > max)
        {
            problems.Add(map.LineOf("min_length"), $"'min_length' ({min}) is larger than 'max_length' ({max}) in {what}.");
        }
        var rationale = Markdown(map, "rationale", required: false, problems, references);
        return new ReflectionQuestion(id, points, prompt, rationale, grading, min, max);
    }

    private static RatingQuestion ReadRating(YamlMap map, string id, string prompt, ProblemSink problems, string what)
    {
        if (map.Has("points") && map.Decimal("points", 0m, 0m, 0m) != 0m)
        {
            problems.Add(map.LineOf("points"), $"Self-rating {what} is never scored; remove 'points' or set it to 0.");
        }
        var scale = map.StringList("scale", required: true, 7, 200);
        if (scale.Count is > 0 and (< 3 or > 7))
        {
            problems.Add(map.LineOf("scale"), $"The scale of {what} needs 3 to 7 labels, lowest first.");
        }
        return new RatingQuestion(id, prompt, scale);
    }

    /// <summary>The key's Markdown as sanitized HTML; null when the key is absent (an optional rationale or feedback is then null, not "").</summary>
    private static string? Markdown(YamlMap map, string key, bool required, ProblemSink problems, IReadOnlyDictionary<string, int> references, bool inline = false)
    {
        var text = map.String(key, required);
        return text is null ? null : MarkdownRendering.Render(text, problems, map.LineOf(key) + (IsBlockScalar(map.Node(key)) ? 1 : 0), references, inline);
    }

    // Block scalars (| and >) start on the line after the key; a good-enough line for messages either way.
    private static bool IsBlockScalar(YamlDotNet.RepresentationModel.YamlNode? node) =>
        node is YamlDotNet.RepresentationModel.YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded };

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    public static bool IsId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}
