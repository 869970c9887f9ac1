using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Web.Teach.Settings;

/// <summary>When a learner sees whether an answer was right.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackTiming>))]
public enum FeedbackTiming { Immediate, AfterSubmission, AfterDue }

/// <summary>
/// How one placed activity is set up. Every value is optional: what is not set comes from the module
/// (<see cref="EffectiveSettings"/>). Deep linking writes these as the link's custom parameters; an instructor's
/// change in the tool is stored per resource link and wins over them.
/// </summary>
public sealed partial record AssignmentSettings(
    string? ModuleId = null,
    decimal? Points = null,
    int? Attempts = null,
    FeedbackTiming? Feedback = null,
    DateTimeOffset? AvailableFrom = null,
    DateTimeOffset? DueAt = null,
    DateTimeOffset? SessionAt = null)
{
    public static readonly AssignmentSettings None = new();

    /// <summary>Custom parameter names (LTI Core 1.3 §5.4.1 custom claim); the platform copies them with the course.</summary>
    public static class Parameters
    {
        public const string Module = "module";
        public const string Points = "points";
        public const string Attempts = "attempts";
        public const string Feedback = "feedback";
        public const string AvailableFrom = "available_from";
        public const string DueAt = "due_at";
        public const string SessionAt = "session_at";

        public static readonly string[] All = [Module, Points, Attempts, Feedback, AvailableFrom, DueAt, SessionAt];
    }

    public const decimal MaxPoints = 10_000m;
    public const int MaxAttempts = 100;

    /// <summary>The custom parameters deep linking writes for these settings (only what is set).</summary>
    public Dictionary<string, string> ToCustomParameters()
    {
        var custom = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ModuleId is not null) custom[Parameters.Module] = ModuleId;
        if (Points is { } points) custom[Parameters.Points] = points.ToString("0.##", CultureInfo.InvariantCulture);
        if (Attempts is { } attempts) custom[Parameters.Attempts] = attempts.ToString(CultureInfo.InvariantCulture);
        if (Feedback is { } feedback) custom[Parameters.Feedback] = FeedbackName(feedback);
        if (AvailableFrom is { } from) custom[Parameters.AvailableFrom] = Instant(from);
        if (DueAt is { } due) custom[Parameters.DueAt] = Instant(due);
        if (SessionAt is { } session) custom[Parameters.SessionAt] = Instant(session);
        return custom;
    }

    /// <summary>
    /// Reads the link's custom parameters. A value that does not parse is left unset and reported, so a typo in
    /// the LMS falls back to the module's default rather than breaking the activity.
    /// </summary>
    public static (AssignmentSettings Settings, IReadOnlyList<string> Problems) FromCustomParameters(IReadOnlyDictionary<string, string> custom)
    {
        var problems = new List<string>();
        string? Text(string name) => custom.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        T? Read<T>(string name, Func<string, T?> parse, string rule) where T : struct
        {
            if (Text(name) is not { } text) return null;
            var value = parse(text);
            if (value is null) problems.Add($"The link's custom parameter {name}={Shorten(text)} is not {rule}; the module's default is used.");
            return value;
        }
        var settings = new AssignmentSettings(
            ModuleId: Text(Parameters.Module),
            Points: Read(Parameters.Points, ParsePoints, $"a number of points from 0 to {MaxPoints}"),
            Attempts: Read(Parameters.Attempts, ParseAttempts, $"a whole number of attempts from 1 to {MaxAttempts}"),
            Feedback: Read(Parameters.Feedback, ParseFeedback, "immediate, after_submission or after_due"),
            AvailableFrom: Read(Parameters.AvailableFrom, ParseInstant, "a date and time with its offset (ISO 8601)"),
            DueAt: Read(Parameters.DueAt, ParseInstant, "a date and time with its offset (ISO 8601)"),
            SessionAt: Read(Parameters.SessionAt, ParseInstant, "a date and time with its offset (ISO 8601)"));
        return (settings, problems);
    }

    public static decimal? ParsePoints(string text) =>
        decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var points) && points >= 0 && points <= MaxPoints
            ? decimal.Round(points, 2) : null;

    public static int? ParseAttempts(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var attempts) && attempts is >= 1 and <= MaxAttempts ? attempts : null;

    public static FeedbackTiming? ParseFeedback(string text) => text.ToLowerInvariant() switch
    {
        "immediate" => FeedbackTiming.Immediate,
        "after_submission" => FeedbackTiming.AfterSubmission,
        "after_due" => FeedbackTiming.AfterDue,
        _ => null,
    };

    public static string FeedbackName(FeedbackTiming timing) => timing switch
    {
        FeedbackTiming.Immediate => "immediate",
        FeedbackTiming.AfterSubmission => "after_submission",
        _ => "after_due",
    };

    /// <summary>An instant with an explicit offset; a bare local time would mean different moments on different servers.</summary>
    public static DateTimeOffset? ParseInstant(string text) =>
        InstantPattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant.ToUniversalTime() : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial System.Text.RegularExpressions.Regex InstantPattern();

    public static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public string ToJson() => JsonSerializer.Serialize(this, SettingsJson.Default.AssignmentSettings);

    public static AssignmentSettings? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize(json, SettingsJson.Default.AssignmentSettings);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Each value set here wins; the rest come from <paramref name="fallback"/>.</summary>
    public AssignmentSettings Over(AssignmentSettings fallback) => new(
        ModuleId ?? fallback.ModuleId, Points ?? fallback.Points, Attempts ?? fallback.Attempts, Feedback ?? fallback.Feedback,
        AvailableFrom ?? fallback.AvailableFrom, DueAt ?? fallback.DueAt, SessionAt ?? fallback.SessionAt);

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}

/// <summary>The settings a learner page works with: every value decided, from the link or the module.</summary>
public sealed record EffectiveSettings(decimal Points, int Attempts, FeedbackTiming Feedback, DateTimeOffset? AvailableFrom, DateTimeOffset? DueAt, DateTimeOffset? SessionAt)
{
    public static EffectiveSettings For(Module module, AssignmentSettings settings) => new(
        settings.Points ?? module.MaximumPoints,
        settings.Attempts ?? module.DefaultAttempts,
        settings.Feedback ?? (module.Feedback == FeedbackMode.Immediate ? FeedbackTiming.Immediate : FeedbackTiming.AfterSubmission),
        settings.AvailableFrom, settings.DueAt, settings.SessionAt);

    /// <summary>Points 0: the activity is practice, and no score goes to the gradebook.</summary>
    public bool IsGraded => Points > 0;

    public bool IsOpen(DateTimeOffset now) => AvailableFrom is not { } from || now >= from;

    public bool IsLate(DateTimeOffset submittedAt) => DueAt is { } due && submittedAt > due;

    /// <summary>Whether answers may show right or wrong now, for an attempt submitted or not.</summary>
    public bool ShowsFeedback(bool submitted, DateTimeOffset now) => Feedback switch
    {
        FeedbackTiming.Immediate => true,
        FeedbackTiming.AfterSubmission => submitted,
        _ => submitted && (DueAt is not { } due || now > due),
    };

}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AssignmentSettings))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class SettingsJson : JsonSerializerContext;
