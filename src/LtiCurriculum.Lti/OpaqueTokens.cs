using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti;

/// <summary>Random values (state, nonce, bindings) and their hashes, base64url without padding.</summary>
public static class OpaqueTokens
{
    public const int MaxLength = 128;

    private const int TokenBytes = 32;

    public static string NewToken() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Three independent tokens from one call to the random generator (a login needs state, nonce and binding).</summary>
    public static (string, string, string) NewTokens()
    {
        Span<byte> random = stackalloc byte[3 * TokenBytes];
        RandomNumberGenerator.Fill(random);
        return (Encode(random[..TokenBytes]), Encode(random.Slice(TokenBytes, TokenBytes)), Encode(random[(2 * TokenBytes)..]));
    }

    private static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    public static string Hash(string value)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return Encode(hash);
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
