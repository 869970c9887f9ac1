namespace LtiCurriculum.DevPlatform;

/// <summary>A course of the demo LMS: the LTI context, with its built-in resource links.</summary>
public sealed record DemoCourse(string Id, string Label, string Title, IReadOnlyList<DemoLink> Links)
{
    public DemoLink? FindLink(string? linkId) => Links.FirstOrDefault(link => link.Id == linkId);
}

/// <summary>
/// A placement of the tool in a demo course: the LTI resource link. Built-in links have only an id, a title and custom
/// parameters; links made from a deep linking response (<see cref="CreatedByDeepLinking"/>) also keep what the tool's
/// <c>ltiResourceLink</c> content item said (Deep Linking 2.0 §3.1).
/// </summary>
public sealed record DemoLink(string Id, string Title, IReadOnlyDictionary<string, string> Custom)
{
    /// <summary>The item's <c>text</c>: sent as the resource_link claim's <c>description</c>.</summary>
    public string? Text { get; init; }

    /// <summary>The item's <c>url</c>: the launch's target_link_uri when set.</summary>
    public string? Url { get; init; }

    /// <summary><c>iframe</c> or <c>window</c> when the item asked for one; the launch's document_target.</summary>
    public string? DocumentTarget { get; init; }

    public DemoTimeWindow? Available { get; init; }

    public DemoTimeWindow? Submission { get; init; }

    public bool CreatedByDeepLinking { get; init; }
}

/// <summary>An <c>available</c> or <c>submission</c> window of a content item, kept as the tool wrote it.</summary>
public sealed record DemoTimeWindow(string? StartDateTime, string? EndDateTime);
