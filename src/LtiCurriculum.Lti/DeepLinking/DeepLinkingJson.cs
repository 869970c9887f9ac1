using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LtiCurriculum.Lti.DeepLinking;

/// <summary>The content item wire format: member names as in Deep Linking 2.0 §3, null members left out.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(OffsetDateTimeConverter)])]
[JsonSerializable(typeof(ContentItem))]
[JsonSerializable(typeof(LtiResourceLinkItem))]
[JsonSerializable(typeof(LinkItem))]
internal sealed partial class DeepLinkingJsonContext : JsonSerializerContext;

/// <summary>ISO 8601 to the second with the offset the caller chose (<c>2026-09-01T08:00:00+02:00</c>).</summary>
internal sealed class OffsetDateTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<char> text = stackalloc char[32];
        value.TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }
}
