using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace LtiCurriculum.Lti;

/// <summary>
/// A setting's duration must lie between <paramref name="minimum"/> and <paramref name="maximum"/> (invariant
/// <c>[d.]hh:mm:ss[.fff]</c> text). Used instead of <c>[TimeSpanRange(…)]</c>: that attribute converts its
/// bounds on first use without a lock, and two hosts validating the same options at once (tests start several tools
/// in one process) could read the bounds half-converted and throw InvalidCastException
/// (dotnet/runtime issue 1143). These bounds are parsed once, in the constructor, and never change.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    /// <summary>No value is valid (as with <see cref="RangeAttribute"/>); <c>[Required]</c> says otherwise.</summary>
    public override bool IsValid(object? value) => value is null || value is TimeSpan duration && duration >= Minimum && duration <= Maximum;
}
