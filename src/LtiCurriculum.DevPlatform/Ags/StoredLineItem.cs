namespace LtiCurriculum.DevPlatform;

/// <summary>
/// A line item (gradebook column) of a demo course. <see cref="CoupledToLink"/> marks the one the platform made for a
/// resource link on its first launch (Canvas and Moodle styles); <see cref="CreatedByTool"/> the ones a tool POSTed.
/// </summary>
internal sealed record StoredLineItem(
    long Id,
    string CourseId,
    LineItemDraft Values,
    bool CreatedByTool,
    bool CoupledToLink)
{
    /// <summary>One of the <see cref="LineItemSeed"/> items: no tool made it and no link owns it.</summary>
    public bool IsSeed => !CreatedByTool && !CoupledToLink;
}

/// <summary>The fields of a line item a tool (or the seed) sets.</summary>
internal sealed record LineItemDraft(
    string Label,
    decimal ScoreMaximum,
    string? ResourceLinkId = null,
    string? ResourceId = null,
    string? Tag = null,
    string? StartDateTime = null,
    string? EndDateTime = null)
{
    /// <summary>Whether both name the same link, resource and tag (and name at least one of them).</summary>
    public bool SameTarget(LineItemDraft other) =>
        (ResourceLinkId ?? ResourceId ?? Tag) is not null
        && ResourceLinkId == other.ResourceLinkId
        && ResourceId == other.ResourceId
        && Tag == other.Tag;
}
