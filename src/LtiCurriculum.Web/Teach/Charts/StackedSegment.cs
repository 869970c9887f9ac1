using LtiCurriculum.Curriculum.Readiness;

namespace LtiCurriculum.Web.Teach.Charts;

/// <summary>How a segment is drawn: each has its own colour (3:1 or more against white) and pattern, so colour is never the only cue.</summary>
public enum SegmentPattern { Hatched, Dotted, Solid, CrossHatched }

/// <summary>One part of a <see cref="StackedBar"/>.</summary>
public sealed record StackedSegment(string Label, int Count, SegmentPattern Pattern)
{
    /// <summary>The class's readiness in dashboard order: not started, in progress, submitted, late.</summary>
    public static IReadOnlyList<StackedSegment> ForReadiness(ClassReadiness readiness, Func<ReadinessState, string> label)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        ArgumentNullException.ThrowIfNull(label);
        return
        [
            new(label(ReadinessState.NotStarted), readiness.NotStarted, SegmentPattern.Hatched),
            new(label(ReadinessState.InProgress), readiness.InProgress, SegmentPattern.Dotted),
            new(label(ReadinessState.Submitted), readiness.Submitted, SegmentPattern.Solid),
            new(label(ReadinessState.Late), readiness.Late, SegmentPattern.CrossHatched),
        ];
    }
}
