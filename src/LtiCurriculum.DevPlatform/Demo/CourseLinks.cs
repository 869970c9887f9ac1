using System.Globalization;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Every course's resource links: the built-in ones of <see cref="DemoDirectory"/>, then those made from deep linking
/// responses, in the order they were made. Thread-safe and in memory (per process, as a development platform may be);
/// made link ids (<c>dl-1</c>, <c>dl-2</c>…) are never reused, even after <see cref="Reset"/>, so a tool never meets
/// an old id naming a new link.
/// </summary>
public sealed class CourseLinks(DemoDirectory directory)
{
    /// <summary>How many made links one course holds.</summary>
    public const int CapacityPerCourse = 200;

    private readonly Dictionary<string, List<DemoLink>> made = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long lastId;

    /// <summary>The course's built-in links, then the made ones.</summary>
    public IReadOnlyList<DemoLink> Of(DemoCourse course)
    {
        ArgumentNullException.ThrowIfNull(course);
        lock (gate)
        {
            return made.TryGetValue(course.Id, out var links) ? [.. course.Links, .. links] : course.Links;
        }
    }

    public DemoLink? Find(DemoCourse course, string? linkId) =>
        linkId is null ? null : Of(course).FirstOrDefault(link => link.Id == linkId);

    /// <summary>
    /// Makes one link per draft in <paramref name="courseId"/>, all or none: null when the course would hold more than
    /// <see cref="CapacityPerCourse"/> made links. Each draft's id is replaced by a new one.
    /// </summary>
    public IReadOnlyList<DemoLink>? Add(string courseId, IReadOnlyList<DemoLink> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        if (directory.FindCourse(courseId) is null)
        {
            throw new ArgumentException($"No demo course {courseId}.", nameof(courseId));
        }

        lock (gate)
        {
            if (!made.TryGetValue(courseId, out var links))
            {
                made[courseId] = links = [];
            }

            if (links.Count + drafts.Count > CapacityPerCourse)
            {
                return null;
            }

            var added = drafts.Select(draft => draft with
            {
                Id = "dl-" + (++lastId).ToString(CultureInfo.InvariantCulture),
                CreatedByDeepLinking = true,
            }).ToList();
            links.AddRange(added);
            return added;
        }
    }

    /// <summary>Forgets every made link; ids keep counting.</summary>
    public void Reset()
    {
        lock (gate)
        {
            made.Clear();
        }
    }
}
