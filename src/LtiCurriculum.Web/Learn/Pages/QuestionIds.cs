using System.Runtime.CompilerServices;
using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Web.Learn.Pages;

/// <summary>
/// The element ids and form action of one question's markup. They depend on the question alone, so they are made once
/// per question (a pack reload makes new questions, and these go with the old ones) instead of on every page render.
/// </summary>
public sealed class QuestionIds
{
    private static readonly ConditionalWeakTable<Question, QuestionIds> Made = new();

    private QuestionIds(Question question)
    {
        Anchor = Show.QuestionAnchor(question.Id);
        Action = $"{LearnRoutes.AnswerPath}#{Anchor}";
        Label = Anchor + "-label";
        Prompt = Anchor + "-prompt";
        PromptAndError = $"{Prompt} {Anchor}-error";
        Error = Anchor + "-error";
        Text = Anchor + "-text";
        Limits = Anchor + "-limits";
        Feedback = Anchor + "-feedback";
        Inputs = question switch
        {
            ChoiceQuestion choice => [.. choice.Options.Select(o => $"{Anchor}-{o.Id}")],
            RatingQuestion rating => [.. Enumerable.Range(1, rating.Scale.Count).Select(v => $"{Anchor}-{v}")],
            _ => [],
        };
    }

    public static QuestionIds Of(Question question) => Made.GetValue(question, static q => new QuestionIds(q));

    public string Anchor { get; }
    public string Action { get; }
    public string Label { get; }
    public string Prompt { get; }
    public string PromptAndError { get; }
    public string Error { get; }
    public string Text { get; }
    public string Limits { get; }
    public string Feedback { get; }

    /// <summary>The id of each option's input (choice) or each scale point's (rating), in order.</summary>
    public IReadOnlyList<string> Inputs { get; }
}
