using System.Text;
using System.Text.Json;

namespace LtiCurriculum.Lti.Registration;

/// <summary>
/// Turns a platform's refusal into words for the administrator. Platforms disagree on the shape: Canvas answers 422
/// <c>{"errors": [...]}</c> with strings or <c>{message, field}</c> objects; OAuth-style platforms
/// <c>{"error", "error_description"}</c>; Moodle 401 <c>token_already_used</c> when the token was spent.
/// </summary>
public static class PlatformErrorText
{
    private const int MaxDetailLength = 600;

    public static RegistrationFailure Describe(int statusCode, ReadOnlySpan<byte> body)
    {
        var (error, details) = Read(body);
        if (error == "token_already_used" || (statusCode == 401 && details.Contains("token_already_used", StringComparison.Ordinal)))
        {
            return RegistrationFailures.TokenAlreadyUsed;
        }
        if (statusCode >= 500 || (error is null && details.Length == 0))
        {
            return RegistrationFailures.PlatformFailed.WithDetail($"(HTTP {statusCode})");
        }
        var words = error is null ? details : details.Length == 0 ? error : $"{error}: {details}";
        return RegistrationFailures.PlatformRefused.WithDetail($"The LMS said (HTTP {statusCode}): {Trim(words)}");
    }

    private static (string? Error, string Details) Read(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "");
            }
            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var description = root.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() ?? "" : "";
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                return (error, string.Join("; ", errors.EnumerateArray().Select(ErrorItem).Where(s => s.Length > 0)));
            }
            return (error, description);
        }
        catch (JsonException)
        {
            return (null, "");
        }
    }

    private static string ErrorItem(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.String => item.GetString() ?? "",
        JsonValueKind.Object => (Text(item, "field"), Text(item, "message")) switch
        {
            ({ Length: > 0 } field, { Length: > 0 } message) => $"{field}: {message}",
            (_, { Length: > 0 } message) => message,
            _ => "",
        },
        _ => "",
    };

    private static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    /// <summary>Short, one line, printable: the text goes on a page and into a log.</summary>
    private static string Trim(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxDetailLength));
        foreach (var c in text)
        {
            if (builder.Length >= MaxDetailLength)
            {
                builder.Append('…');
                break;
            }
            builder.Append(char.IsControl(c) ? ' ' : c);
        }
        return builder.ToString();
    }
}
