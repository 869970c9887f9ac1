namespace LtiCurriculum.Lti.Ags;

/// <summary>Which line item to look for in a container (AGS 2.0 §3.2.5 filters).</summary>
public sealed record LineItemQuery(string? ResourceLinkId, string? ResourceId, string? Tag)
{
    /// <summary>Every non-null field equals the item's (ordinal). Checked client-side: platforms may ignore filters.</summary>
    internal bool Matches(LineItem item) =>
        (ResourceLinkId is null || string.Equals(ResourceLinkId, item.ResourceLinkId, StringComparison.Ordinal))
        && (ResourceId is null || string.Equals(ResourceId, item.ResourceId, StringComparison.Ordinal))
        && (Tag is null || string.Equals(Tag, item.Tag, StringComparison.Ordinal));
}
