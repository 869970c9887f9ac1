namespace LtiCurriculum.Lti.Nrps;

/// <summary>
/// A failed membership read, including a failed token request (<see cref="FromTokenEndpoint"/>).
/// <see cref="StatusCode"/> is null for network failures and timeouts; <see cref="PlatformBody"/> is the start of
/// the platform's answer (2,000 characters at most, never our token). Transient means repeating later may work.
/// </summary>
public sealed class NrpsException(string message, int? statusCode, string? platformBody, TimeSpan? retryAfter, bool isTransient, bool fromTokenEndpoint, Exception? inner = null)
    : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
    public string? PlatformBody { get; } = platformBody;
    /// <summary>From Retry-After on 429 and 503.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public bool IsTransient { get; } = isTransient;
    public bool FromTokenEndpoint { get; } = fromTokenEndpoint;

    internal static NrpsException From(Ags.AgsException failure) =>
        new(failure.Message, failure.StatusCode, failure.PlatformBody, failure.RetryAfter, failure.IsTransient, failure.FromTokenEndpoint, failure);
}
