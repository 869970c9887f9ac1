using LtiCurriculum.Lti;
using System.ComponentModel.DataAnnotations;

namespace LtiCurriculum.Web.Install.Keys;

/// <summary>Settings of the tool's own signing keys, section <c>Keys</c>.</summary>
public sealed class KeyOptions
{
    public const string SectionName = "Keys";

    /// <summary>
    /// How long a key stays in the JWKS after a rotation retired it, so that grade calls and deep-linking responses
    /// signed just before the rotation, and platforms' cached key sets, still verify. Default 7 days.
    /// </summary>
    [TimeSpanRange("00:05:00", "365.00:00:00", ErrorMessage = "Keys:RetiredKeyGrace must be between 5 minutes and 365 days (e.g. \"7.00:00:00\").")]
    public TimeSpan RetiredKeyGrace { get; set; } = TimeSpan.FromDays(7);
}
