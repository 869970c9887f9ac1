using System.Text.Encodings.Web;

namespace LtiCurriculum.DevPlatform;

/// <summary>Encodes every value a page echoes.</summary>
internal static class Html
{
    /// <summary>The value encoded for HTML text and for quoted attribute values.</summary>
    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);
}
