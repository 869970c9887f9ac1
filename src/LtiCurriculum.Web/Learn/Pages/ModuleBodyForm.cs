namespace LtiCurriculum.Web.Learn.Pages;

/// <summary>What a module's body shows (<see cref="ModuleBody.Render"/>): the learner's answers by question id, and what every question form carries.</summary>
public sealed record ModuleBodyForm(
    LearnText Text, Curriculum.Model.Module Module, IReadOnlyDictionary<string, string> Answers, int AttemptId, bool Editable, bool ShowFeedback,
    string Token, string FormToken, QuestionError? Error);
