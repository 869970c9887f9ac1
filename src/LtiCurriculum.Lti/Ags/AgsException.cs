namespace LtiCurriculum.Lti.Ags;

/// <summary>
/// A failed AGS or token call. <see cref="StatusCode"/> is null for network failures and timeouts.
/// <see cref="PlatformBody"/> is the platform's answer, cut to 2,000 characters (never contains our token).
/// </summary>
public sealed class AgsException(string message, int? statusCode, string? platformBody, TimeSpan? retryAfter, bool isTransient, bool fromTokenEndpoint, Exception? inner = null)
    : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
    public string? PlatformBody { get; } = platformBody;
    /// <summary>From Retry-After (delta-seconds or HTTP-date) on 429 and 503.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
    /// <summary>Network failure, timeout, closed connection, 5xx, 408, 429, or a 401 that persisted after one token refresh.</summary>
    public bool IsTransient { get; } = isTransient;
    public bool FromTokenEndpoint { get; } = fromTokenEndpoint;
}
