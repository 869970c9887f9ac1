using System.Globalization;
using System.Text.Json.Serialization;

namespace LtiCurriculum.Lti.Ags;

/// <summary>
/// The AGS wire format: case-sensitive member names as in the spec, unknown members ignored, numbers accepted as
/// strings (Moodle sends <c>"scoreMaximum": "100.00000"</c>), null members left out when writing.
/// </summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(LenientDateTimeOffsetConverter)])]
[JsonSerializable(typeof(LineItem))]
[JsonSerializable(typeof(List<LineItem?>))]
[JsonSerializable(typeof(ScorePayload))]
[JsonSerializable(typeof(List<ResultRow?>))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class AgsJsonContext : JsonSerializerContext;

internal static class AgsJson
{
    /// <summary>UTC with milliseconds, always: platforms order scores by it and Canvas/Moodle parse ISO-8601.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>7.50m → 7.5, 10.0m → 10: decimals keep their scale, which would otherwise be written.</summary>
    public static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;
}
