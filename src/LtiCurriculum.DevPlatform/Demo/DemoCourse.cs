namespace LtiCurriculum.DevPlatform;

/// <summary>A course of the demo LMS: the LTI context.</summary>
public sealed record DemoCourse(string Id, string Label, string Title, IReadOnlyList<DemoLink> Links)
{
    public DemoLink? FindLink(string? linkId) => Links.FirstOrDefault(link => link.Id == linkId);
}

/// <summary>A placement of the tool in a demo course: the LTI resource link.</summary>
public sealed record DemoLink(string Id, string Title, IReadOnlyDictionary<string, string> Custom);
