namespace LtiCurriculum.DevPlatform;

/// <summary>Which real platform the gradebook imitates: its claims, token answer, paging and score rules.</summary>
internal static class GradebookStyles
{
    /// <summary>The AGS 2.0 specification, with no coupled line item.</summary>
    public const string Standard = "standard";

    public const string Canvas = "canvas";

    public const string Moodle = "moodle";

    /// <summary>The style in its canonical spelling, or null when the value is no style.</summary>
    public static string? Normalize(string? value) =>
        string.Equals(value, Standard, StringComparison.OrdinalIgnoreCase) ? Standard
        : string.Equals(value, Canvas, StringComparison.OrdinalIgnoreCase) ? Canvas
        : string.Equals(value, Moodle, StringComparison.OrdinalIgnoreCase) ? Moodle
        : null;
}
