using System.Globalization;

namespace LtiCurriculum.Web.Learn.Pages;

/// <summary>Small formatting rules the learner pages share.</summary>
public static class Show
{
    public static string Points(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>An instant as the tool shows it: UTC, unambiguous whatever the reader's time zone.</summary>
    public static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string IsoInstant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string QuestionAnchor(string questionId) => $"q-{questionId}";
}
