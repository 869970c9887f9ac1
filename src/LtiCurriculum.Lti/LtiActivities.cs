using System.Diagnostics;

namespace LtiCurriculum.Lti;

/// <summary>
/// The protocol's spans (ActivitySource <c>LtiCurriculum.Lti</c>): login, launch, AGS and NRPS calls, platform key
/// set fetches. Tags carry reason codes, operation names and the platform's internal id; never a token, a user id or
/// a URL (the HTTP client spans below them carry the URL with its query redacted).
/// </summary>
public static class LtiActivities
{
    public const string SourceName = "LtiCurriculum.Lti";

    internal static readonly ActivitySource Source = new(SourceName);

    /// <summary>A span for one call to a platform service; null when nobody listens.</summary>
    internal static Activity? StartCall(string name, int? platformId)
    {
        var activity = Source.StartActivity(name);
        if (platformId is { } id)
        {
            activity?.SetTag("lti.platform_id", id);
        }
        return activity;
    }

    /// <summary>A span for one AGS call; the access may be null (the call then refuses it).</summary>
    internal static Activity? StartCall(string name, Ags.AgsAccess? access) => StartCall(name, access?.Platform.PlatformId);

    /// <summary>
    /// For an exception filter: marks the current span of this source failed and returns false, so the exception
    /// goes on unchanged. A cancelled caller is not a failure.
    /// </summary>
    internal static bool RecordFailure(Exception exception)
    {
        if (exception is not OperationCanceledException && Activity.Current is { } current && current.Source == Source)
        {
            current.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            var status = exception switch { Ags.AgsException a => a.StatusCode, Nrps.NrpsException n => n.StatusCode, _ => null };
            if (status is not null)
            {
                current.SetTag("lti.platform_status", status);
            }
        }
        return false;
    }
}
