using System.Globalization;
using LtiCurriculum.Curriculum.Loading;

namespace LtiCurriculum.Web.Teach.Settings;

/// <summary>
/// The settings fields as typed (kept when the page comes back with errors) and what they mean. One activity's
/// fields on the settings page; one set per chosen module, each with its own prefix, when deep linking.
/// </summary>
public sealed record SettingsForm(
    string Module = "", string Title = "", string Points = "", string Attempts = "", string Feedback = "",
    string AvailableFrom = "", string DueAt = "", string SessionAt = "")
{
    public const int MaxTitleLength = 200;
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>Errors by field name (without prefix).</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    public static SettingsForm From(AssignmentSettings settings, string? title = null) => new(
        settings.ModuleId ?? "", title ?? "",
        settings.Points?.ToString("0.##", CultureInfo.InvariantCulture) ?? "",
        settings.Attempts?.ToString(CultureInfo.InvariantCulture) ?? "",
        settings.Feedback is { } feedback ? AssignmentSettings.FeedbackName(feedback) : "",
        Local(settings.AvailableFrom), Local(settings.DueAt), Local(settings.SessionAt));

    public static SettingsForm Read(IFormCollection form, string prefix = "") => new(
        Field(form, prefix, "module"), Field(form, prefix, "title"), Field(form, prefix, "points"), Field(form, prefix, "attempts"),
        Field(form, prefix, "feedback"), Field(form, prefix, "available_from"), Field(form, prefix, "due_at"), Field(form, prefix, "session_at"));

    /// <summary>The settings, or this form again with an error per bad field.</summary>
    public (AssignmentSettings? Settings, SettingsForm Checked) Check(ContentCatalogue catalogue, TeachText text, bool titleRequired = false)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (catalogue.FindModule(Module) is null) errors["module"] = Module.Length == 0 ? text.ErrorModule : text.Format(text.ErrorModuleUnknown, Module.Length > 64 ? Module[..64] + "…" : Module);
        if (Title.Length > MaxTitleLength || (titleRequired && Title.Length == 0)) errors["title"] = text.ErrorTitle;
        decimal? points = null;
        if (Points.Length > 0 && (points = AssignmentSettings.ParsePoints(Points)) is null) errors["points"] = text.ErrorPoints;
        int? attempts = null;
        if (Attempts.Length > 0 && (attempts = AssignmentSettings.ParseAttempts(Attempts)) is null) errors["attempts"] = text.ErrorAttempts;
        FeedbackTiming? feedback = null;
        if (Feedback.Length > 0 && (feedback = AssignmentSettings.ParseFeedback(Feedback)) is null) errors["feedback"] = text.ErrorFeedback;
        var availableFrom = Instant("available_from", AvailableFrom);
        var dueAt = Instant("due_at", DueAt);
        var sessionAt = Instant("session_at", SessionAt);
        if (availableFrom is { } from && dueAt is { } due && due <= from) errors["due_at"] = text.ErrorDueBeforeOpen;
        if (errors.Count > 0)
        {
            return (null, this with { Errors = errors });
        }
        return (new AssignmentSettings(Module, points, attempts, feedback, availableFrom, dueAt, sessionAt), this);

        DateTimeOffset? Instant(string name, string value)
        {
            if (value.Length == 0) return null;
            // The form's datetime-local value is read as UTC, as the page says; a full ISO 8601 instant is accepted too.
            if (DateTime.TryParseExact(value, [LocalFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var local))
            {
                return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc));
            }
            if (AssignmentSettings.ParseInstant(value) is { } instant) return instant;
            errors[name] = text.ErrorInstant;
            return null;
        }
    }

    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var error) ? error : null;

    private static string Local(DateTimeOffset? instant) => instant?.UtcDateTime.ToString(LocalFormat, CultureInfo.InvariantCulture) ?? "";

    private static string Field(IFormCollection form, string prefix, string name)
    {
        var value = form[prefix + name].ToString().Trim();
        return value.Length > 300 ? value[..300] : value;
    }
}
