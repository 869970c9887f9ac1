using LtiCurriculum.Lti;
using System.ComponentModel.DataAnnotations;

namespace LtiCurriculum.Web.Sessions;

/// <summary>Configuration section <c>Sessions</c>.</summary>
public sealed class LaunchSessionOptions
{
    public const string SectionName = "Sessions";

    /// <summary>Idle lifetime: every page renews it, so work in progress never times out mid-module.</summary>
    [TimeSpanRange("00:05:00", "12:00:00", ErrorMessage = "Sessions:Lifetime must be between 00:05:00 and 12:00:00.")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(2);
}
