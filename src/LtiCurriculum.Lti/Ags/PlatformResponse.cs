using System.Net;

namespace LtiCurriculum.Lti.Ags;

/// <summary>How platform answers are read and classified, for the token endpoint and the services alike.</summary>
internal static class PlatformResponse
{
    public const int MaxBodyBytes = 4 * 1024 * 1024;
    public const int MaxBodyChars = 2_000;
    private const int MaxErrorBodyBytes = 4 * MaxBodyChars;

    public static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and <= 299;

    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>A failure of the connection itself (including HttpClient's timeout), not a cancellation by our caller.</summary>
    public static bool IsNetworkFailure(Exception exception, CancellationToken callerToken) =>
        exception is HttpRequestException or IOException
        || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);

    /// <summary>Retry-After on 429 and 503, as delta-seconds or an HTTP-date relative to <paramref name="now"/>; never negative.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            || response.Headers.RetryAfter is not { } header)
        {
            return null;
        }
        var delay = header.Delta ?? (header.Date is { } date ? date - now : null);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    /// <summary>The whole body, refused beyond <paramref name="maxBytes"/> (4 MB unless given); a UTF-8 byte order mark is dropped.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, bool fromTokenEndpoint, CancellationToken cancellationToken, int maxBytes = MaxBodyBytes)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(response, fromTokenEndpoint, maxBytes);
        }
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var body = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > maxBytes)
            {
                throw TooLarge(response, fromTokenEndpoint, maxBytes);
            }
            body.Write(buffer, 0, read);
        }
        var bytes = body.ToArray();
        return bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
    }

    /// <summary>The start of an error body for logs and <see cref="AgsException.PlatformBody"/>; unreadable → empty.</summary>
    public static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[MaxErrorBodyBytes];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }
            return Cut(System.Text.Encoding.UTF8.GetString(buffer, 0, total));
        }
        catch (Exception ex) when (IsNetworkFailure(ex, cancellationToken))
        {
            return "";
        }
    }

    public static string Cut(string text) => text.Length <= MaxBodyChars ? text : text[..MaxBodyChars];

    /// <summary>The AgsException for a non-success status (the caller has logged the body).</summary>
    public static AgsException Failure(string what, HttpResponseMessage response, string body, DateTimeOffset now, bool fromTokenEndpoint)
    {
        var status = (int)response.StatusCode;
        var transient = IsTransient(response.StatusCode);
        return new AgsException(
            $"{what} answered HTTP {status}{(transient ? "" : " (will not succeed if repeated)")}.",
            status, body, RetryAfter(response, now), transient, fromTokenEndpoint);
    }

    public static AgsException NetworkFailure(string what, Exception exception, bool fromTokenEndpoint) =>
        new($"{what} could not be reached ({(exception is OperationCanceledException ? "timed out" : exception.GetType().Name)}).",
            null, null, null, isTransient: true, fromTokenEndpoint, exception);

    private static AgsException TooLarge(HttpResponseMessage response, bool fromTokenEndpoint, int maxBytes) =>
        new($"The platform's response is too large (over {maxBytes / (1024 * 1024)} MB).",
            (int)response.StatusCode, null, null, isTransient: false, fromTokenEndpoint);
}
