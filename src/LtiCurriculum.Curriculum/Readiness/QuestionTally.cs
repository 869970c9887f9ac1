using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Scoring;

namespace LtiCurriculum.Curriculum.Readiness;

/// <summary>Collects one question's answers, one non-empty answer per learner, without rescanning the class.</summary>
internal abstract class QuestionTally
{
    public abstract void Add(string answer, RosterLearner learner);

    public abstract QuestionStatistics Build();

    public static QuestionTally? For(Question question) => question switch
    {
        ChoiceQuestion choice => new ChoiceTally(choice),
        ReflectionQuestion reflection => new ReflectionTally(reflection),
        RatingQuestion rating => new RatingTally(rating),
        _ => null,
    };
}

/// <summary>
/// Counts per option and exact-correct answers, judged as <see cref="ModuleScorer"/> does: every correct option chosen and
/// no incorrect one (ids that are not options are ignored). Parses the stored ids in place, allocating nothing per answer.
/// </summary>
internal sealed class ChoiceTally : QuestionTally
{
    private readonly ChoiceQuestion _question;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _index;
    private readonly int[] _counts;
    private readonly int[] _seenIn;
    private readonly int _correctTotal;
    private int _answered;
    private int _correct;

    public ChoiceTally(ChoiceQuestion question)
    {
        _question = question;
        var index = new Dictionary<string, int>(question.Options.Count, StringComparer.Ordinal);
        for (var i = 0; i < question.Options.Count; i++)
        {
            index.TryAdd(question.Options[i].Id, i);
            if (question.Options[i].IsCorrect) _correctTotal++;
        }
        _index = index.GetAlternateLookup<ReadOnlySpan<char>>();
        _counts = new int[question.Options.Count];
        _seenIn = new int[question.Options.Count];
    }

    public override void Add(string answer, RosterLearner learner)
    {
        var stamp = ++_answered; // an option listed twice in one answer counts once
        int right = 0, wrong = 0;
        var text = answer.AsSpan();
        foreach (var range in text.Split(','))
        {
            if (!_index.TryGetValue(text[range], out var option) || _seenIn[option] == stamp) continue;
            _seenIn[option] = stamp;
            _counts[option]++;
            if (_question.Options[option].IsCorrect) right++; else wrong++;
        }
        if (right == _correctTotal && wrong == 0) _correct++;
    }

    public override QuestionStatistics Build()
    {
        var options = new OptionCount[_counts.Length];
        OptionCount? mostChosenWrong = null;
        for (var i = 0; i < options.Length; i++)
        {
            options[i] = new OptionCount(_question.Options[i], _counts[i]);
            if (!_question.Options[i].IsCorrect && _counts[i] > 0 && _counts[i] > (mostChosenWrong?.Count ?? 0))
            {
                mostChosenWrong = options[i];
            }
        }
        return new ChoiceStatistics(_question, _answered, _correct, options, mostChosenWrong);
    }
}

internal sealed class ReflectionTally(ReflectionQuestion question) : QuestionTally
{
    private readonly List<ReflectionEntry> _entries = [];

    public override void Add(string answer, RosterLearner learner)
    {
        if (!string.IsNullOrWhiteSpace(answer)) _entries.Add(new ReflectionEntry(learner.Key, learner.Name, answer));
    }

    public override QuestionStatistics Build() => new ReflectionStatistics(question, _entries);
}

/// <summary>Counts per scale position; a stored position outside the scale is not an answer.</summary>
internal sealed class RatingTally(RatingQuestion question) : QuestionTally
{
    private readonly int[] _counts = new int[question.Scale.Count];
    private long _sum;
    private int _answered;

    public override void Add(string answer, RosterLearner learner)
    {
        if (AnswerFormat.RatingPosition(answer) is not { } position || position < 1 || position > _counts.Length) return;
        _counts[position - 1]++;
        _sum += position;
        _answered++;
    }

    public override QuestionStatistics Build() =>
        new RatingStatistics(question, _answered, _counts, _answered == 0 ? null : (double)_sum / _answered);
}
