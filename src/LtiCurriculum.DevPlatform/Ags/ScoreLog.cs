namespace LtiCurriculum.DevPlatform;

/// <summary>The last <see cref="Capacity"/> score posts, oldest first, with the running counters. Thread-safe.</summary>
internal sealed class ScoreLog(GradebookCounters counters)
{
    public const int Capacity = 10_000;

    private readonly Queue<ScoreLogEntry> entries = new();
    private readonly Lock gate = new();
    private long sequence;

    /// <summary>Appends <paramref name="entry"/> under the next sequence number and counts it.</summary>
    public void Add(ScoreLogEntry entry, bool accepted)
    {
        lock (gate)
        {
            entry = entry with { Sequence = ++sequence };
            if (entries.Count >= Capacity)
            {
                entries.Dequeue();
            }

            entries.Enqueue(entry);
        }

        counters.ScoreAnswered(accepted, entry.Replay);
    }

    /// <summary>The last <paramref name="max"/> entries that match, oldest first.</summary>
    public IReadOnlyList<ScoreLogEntry> Recent(int max, Func<ScoreLogEntry, bool>? filter = null)
    {
        lock (gate)
        {
            return [.. entries.Where(filter ?? (_ => true)).TakeLast(max)];
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }
}
