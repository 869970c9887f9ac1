using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace LtiCurriculum.Web.Launch;

/// <summary>
/// The issuer and audience an id_token names, read BEFORE any check, only to pick which platform's limits or origins
/// apply (rate limits, the cookieless launch's reply origins); the launch itself is then validated in full.
/// </summary>
internal static class UnverifiedClaims
{
    private const int MaxTokenLength = 64 * 1024;

    /// <summary><c>iss</c> and the first <c>aud</c> of a JWT's payload, read without checking its signature.</summary>
    public static (string? Issuer, string? Audience) Read(string? jwt)
    {
        if (jwt is null || jwt.Length > MaxTokenLength)
        {
            return default;
        }
        // header.payload.signature: the payload is sliced, not split out (every launch comes through here).
        var text = jwt.AsSpan();
        var first = text.IndexOf('.');
        var last = text.LastIndexOf('.');
        if (first < 0 || last <= first || text[(first + 1)..last].Contains('.'))
        {
            return default;
        }
        var payload = text[(first + 1)..last];
        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(payload.Length));
        try
        {
            if (Base64Url.DecodeFromChars(payload, buffer, out _, out var written) != OperationStatus.Done)
            {
                return default;
            }
            return ReadTopLevel(buffer.AsSpan(0, written));
        }
        catch (JsonException)
        {
            return default;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (string? Issuer, string? Audience) ReadTopLevel(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }
        string? issuer = null, audience = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("iss"u8))
            {
                reader.Read();
                issuer = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("aud"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    audience = reader.GetString();
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    audience = reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    while (reader.TokenType != JsonTokenType.EndArray)
                    {
                        reader.Skip();
                        reader.Read();
                    }
                }
                else
                {
                    audience = null;
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        // A payload cut short or with text after its object is not JSON: nothing is read from it.
        return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? (issuer, audience) : default;
    }
}
