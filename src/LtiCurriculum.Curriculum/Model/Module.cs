namespace LtiCurriculum.Curriculum.Model;

public enum ModuleKind { Module, Prework }

/// <summary>When a learner sees whether an answer is right: as soon as it is saved, or after submitting.</summary>
public enum FeedbackMode { Immediate, AfterSubmit }

/// <summary>One module in one language. Questions appear inside sections, in reading order.</summary>
public sealed record Module(
    string Id,
    string PackId,
    string Language,
    string Title,
    ModuleKind Kind,
    int Minutes,
    FeedbackMode Feedback,
    int DefaultAttempts,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<Reference> References,
    IReadOnlyList<Section> Sections)
{
    private IReadOnlyList<Question>? _questions;

    /// <summary>Every question in reading order.</summary>
    public IReadOnlyList<Question> Questions => _questions ??= Sections.SelectMany(s => s.Blocks.OfType<QuestionBlock>().Select(b => b.Question)).ToArray();

    public Question? FindQuestion(string id)
    {
        foreach (var question in Questions)
        {
            if (question.Id == id) return question;
        }
        return null;
    }

    /// <summary>Most points a learner can earn; self-ratings count for nothing.</summary>
    public decimal MaximumPoints => Questions.Sum(q => q.Points);

    public bool HasInstructorGradedQuestions => Questions.OfType<ReflectionQuestion>().Any(r => r.Grading == ReflectionGrading.Instructor);
}

/// <summary>A cited work; the text cites it as [@id], rendered as a numbered link to the list.</summary>
public sealed record Reference(string Id, int Number, string Citation, string? Url);

/// <summary>A part of a module under one "##" heading (or the untitled text before the first heading).</summary>
public sealed record Section(string Anchor, string? Heading, IReadOnlyList<SectionBlock> Blocks);

public abstract record SectionBlock;

/// <summary>Sanitized HTML rendered from the pack's Markdown.</summary>
public sealed record TextBlock(string Html) : SectionBlock;

public sealed record QuestionBlock(Question Question) : SectionBlock;
