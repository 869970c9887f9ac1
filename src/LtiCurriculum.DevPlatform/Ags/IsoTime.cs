using System.Globalization;
using System.Text.RegularExpressions;

namespace LtiCurriculum.DevPlatform;

/// <summary>ISO 8601 date-times as AGS sends them: a date, a time, and <c>Z</c> or an offset; any number of fraction digits.</summary>
internal static partial class IsoTime
{
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        var match = text is null ? null : Shape().Match(text);
        if (match is null || !match.Success)
        {
            return false;
        }

        // .NET reads at most seven fraction digits; platforms accept nanoseconds.
        var fraction = match.Groups["fraction"].Value;
        var normalized = match.Groups["head"].Value
            + (fraction.Length > 8 ? fraction[..8] : fraction)
            + match.Groups["zone"].Value;
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^(?<head>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?)(?<fraction>\.\d+)?(?<zone>Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Shape();
}
