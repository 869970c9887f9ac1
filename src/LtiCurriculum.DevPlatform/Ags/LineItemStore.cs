namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Every course's line items, in id order. Thread-safe; ids are never reused, so a deleted item's URL stays a 404.
/// Holds at most <see cref="Capacity"/> items.
/// </summary>
internal sealed class LineItemStore
{
    public const int Capacity = 10_000;

    private readonly SortedDictionary<long, StoredLineItem> items = [];
    private readonly Lock gate = new();
    private readonly DemoDirectory directory;
    private readonly GradebookCounters counters;
    private long lastId;

    public LineItemStore(DemoDirectory directory, GradebookCounters counters)
    {
        this.directory = directory;
        this.counters = counters;
        Reset();
    }

    public IReadOnlyList<StoredLineItem> All()
    {
        lock (gate)
        {
            return [.. items.Values];
        }
    }

    public IReadOnlyList<StoredLineItem> InCourse(string courseId)
    {
        lock (gate)
        {
            return [.. items.Values.Where(item => item.CourseId == courseId)];
        }
    }

    public StoredLineItem? Find(string courseId, long id)
    {
        lock (gate)
        {
            return items.TryGetValue(id, out var item) && item.CourseId == courseId ? item : null;
        }
    }

    /// <summary>The new item, or null when the store is full. Duplicates are allowed, as real platforms allow them, and counted.</summary>
    public StoredLineItem? Create(string courseId, LineItemDraft draft)
    {
        lock (gate)
        {
            if (items.Count >= Capacity)
            {
                return null;
            }

            var duplicate = items.Values.Any(item => item.CourseId == courseId && item.Values.SameTarget(draft));
            var created = Add(courseId, draft, createdByTool: true, coupled: false);
            counters.LineItemCreated(duplicate);
            return created;
        }
    }

    /// <summary>Replaces every field (AGS PUT is a full replace); null when there is no such item.</summary>
    public StoredLineItem? Replace(string courseId, long id, LineItemDraft draft)
    {
        lock (gate)
        {
            if (!items.TryGetValue(id, out var item) || item.CourseId != courseId)
            {
                return null;
            }

            var replaced = item with { Values = draft };
            items[id] = replaced;
            return replaced;
        }
    }

    public bool Delete(string courseId, long id)
    {
        lock (gate)
        {
            return items.TryGetValue(id, out var item) && item.CourseId == courseId && items.Remove(id);
        }
    }

    /// <summary>
    /// The line item the platform couples to <paramref name="link"/>: the one deep linking made, or else one made on the
    /// link's first launch.
    /// </summary>
    public StoredLineItem EnsureCoupled(string courseId, DemoLink link)
    {
        lock (gate)
        {
            return items.Values.FirstOrDefault(item => item.CoupledToLink && item.CourseId == courseId && item.Values.ResourceLinkId == link.Id)
                ?? Add(courseId, new LineItemDraft(link.Title, 100m, ResourceLinkId: link.Id), createdByTool: false, coupled: true);
        }
    }

    /// <summary>
    /// A new line item coupled to a link that was just made from a deep linking response whose item declared a
    /// <c>lineItem</c> (as Canvas and Moodle make one then); launches of the link name it in the AGS claim.
    /// </summary>
    public StoredLineItem CoupleNew(string courseId, LineItemDraft draft)
    {
        lock (gate)
        {
            return Add(courseId, draft, createdByTool: false, coupled: true);
        }
    }

    /// <summary>The line item coupled to the link, when there is one; never makes one.</summary>
    public StoredLineItem? FindCoupled(string courseId, string linkId)
    {
        lock (gate)
        {
            return items.Values.FirstOrDefault(item => item.CoupledToLink && item.CourseId == courseId && item.Values.ResourceLinkId == linkId);
        }
    }

    /// <summary>Back to the seed; new items keep counting from the highest id ever given.</summary>
    public void Reset()
    {
        lock (gate)
        {
            items.Clear();
            foreach (var item in LineItemSeed.For(directory))
            {
                items[item.Id] = item;
                lastId = Math.Max(lastId, item.Id);
            }
        }
    }

    private StoredLineItem Add(string courseId, LineItemDraft draft, bool createdByTool, bool coupled)
    {
        var item = new StoredLineItem(++lastId, courseId, draft, createdByTool, coupled);
        items[item.Id] = item;
        return item;
    }
}
