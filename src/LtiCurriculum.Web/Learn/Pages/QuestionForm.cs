namespace LtiCurriculum.Web.Learn.Pages;

/// <summary>What one question's form shows (<see cref="QuestionView.Render"/>).</summary>
public sealed record QuestionForm(
    LearnText Text, Curriculum.Model.Question Question, int Number, int AttemptId, string? Answer, bool Editable, bool ShowFeedback,
    bool RevealCorrect, string Token, string FormToken, QuestionError? Error);
