using System.Globalization;

namespace LtiCurriculum.Web.Learn.Pages;

/// <summary>Small formatting rules the learner pages share.</summary>
public static class Show
{
    public static string Points(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string QuestionAnchor(string questionId) => $"q-{questionId}";
}
