using System.Security.Cryptography;
using System.Text;

namespace LtiCurriculum.Curriculum.Loading;

/// <summary>
/// A module's version: the first 12 lower-case hex digits of SHA-256 over its own files only (English, then each
/// translation by language code), so editing one module changes only its version and a pack.yaml edit changes none.
/// </summary>
internal static class ModuleVersion
{
    public const int Length = 12;

    /// <param name="english">The English file's text.</param>
    /// <param name="translations">Each translation's language code and file text.</param>
    public static string Of(string english, IEnumerable<(string Language, string Text)> translations)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, "en", english);
        foreach (var (language, text) in translations.OrderBy(t => t.Language, StringComparer.Ordinal))
        {
            Append(hash, language, text);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..Length];
    }

    // The byte length after the language code keeps "en" + "ab" apart from "en" + "a" followed by a file starting "b".
    private static void Append(IncrementalHash hash, string language, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(Normalise(text));
        hash.AppendData(Encoding.UTF8.GetBytes($"{language}\n{bytes.Length}\n"));
        hash.AppendData(bytes);
    }

    // A Windows checkout (CRLF) or an editor's byte order mark must not make a new version of the same content.
    private static string Normalise(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
}
