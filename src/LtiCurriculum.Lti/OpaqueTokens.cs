using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti;

/// <summary>Random values (state, nonce, bindings) and their hashes, base64url without padding.</summary>
public static class OpaqueTokens
{
    public const int MaxLength = 128;

    public static string NewToken() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string value)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return Base64UrlEncoder.Encode(hash.ToArray());
    }

    /// <summary>True for a plausible token: base64url characters only, bounded length.</summary>
    public static bool IsWellFormed(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }
        return true;
    }

    public static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
