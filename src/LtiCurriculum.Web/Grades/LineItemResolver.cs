using System.Collections.Concurrent;
using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Grades;

/// <summary>Another worker is finding or creating this link's line item right now; try again in a moment.</summary>
public sealed class LineItemBusyException() : Exception("Another worker is creating this link's line item.");

/// <summary>
/// The line item a link's scores go to: the launch's coupled <c>lineitem</c> when the platform gave one; otherwise
/// the item found in (or created in) the link's <c>lineitems</c> container, matched by resourceLinkId and our tag,
/// then remembered on the link. Creation is guarded twice: one caller per link in this instance, and a short lock
/// on the link row across instances, so two learners submitting at once on a fresh link make one line item.
/// </summary>
public sealed class LineItemResolver(AgsClient ags, IDbContextFactory<LtiDbContext> contexts, WriteTransactions writes, ContentCatalogue catalogue, TimeProvider time)
{
    public const string Tag = "lticurriculum";
    private static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<int, string> _resolved = new();
    private readonly ConcurrentDictionary<int, Lazy<Task<string>>> _inFlight = new();

    public async Task<string> ResolveAsync(LeasedDelivery delivery, AgsAccess access, CancellationToken cancellationToken)
    {
        if (delivery.LineItemUrl is { } coupled) return coupled;
        if (delivery.ResolvedLineItemUrl is { } stored) return stored;
        if (_resolved.TryGetValue(delivery.ResourceLinkDbId, out var known)) return known;
        if (delivery.LineItemsUrl is not { } container)
        {
            throw new AgsException("The launch gave neither a line item nor a line item container for this link.", null, null, null, isTransient: false, fromTokenEndpoint: false);
        }
        // Callers for one link share one lookup, and its failure: a failing platform is asked once, not once per score.
        var shared = _inFlight.GetOrAdd(delivery.ResourceLinkDbId, _ => new Lazy<Task<string>>(() => ResolveOnceAsync(delivery, access, container)));
        return await shared.Value.WaitAsync(cancellationToken);
    }

    private async Task<string> ResolveOnceAsync(LeasedDelivery delivery, AgsAccess access, string container)
    {
        try
        {
            var url = await FindOrCreateAsync(delivery, access, container, CancellationToken.None);
            _resolved[delivery.ResourceLinkDbId] = url;
            return url;
        }
        finally
        {
            _inFlight.TryRemove(delivery.ResourceLinkDbId, out _);
        }
    }

    /// <summary>
    /// The platform says the line item we found or created is gone (deleted in the gradebook): forget it, so the next
    /// try finds or creates one again. A coupled line item from the launch is the platform's to fix and is kept.
    /// </summary>
    public async Task ForgetAsync(LeasedDelivery delivery, string url, CancellationToken cancellationToken)
    {
        _resolved.TryRemove(new KeyValuePair<int, string>(delivery.ResourceLinkDbId, url));
        await using var db = contexts.CreateDbContext();
        using (await writes.EnterSqliteWriterAsync(cancellationToken))
        {
            await db.ResourceLinks.Where(r => r.Id == delivery.ResourceLinkDbId && r.ResolvedLineItemUrl == url)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.ResolvedLineItemUrl, (string?)null), cancellationToken);
        }
    }

    private async Task<string> FindOrCreateAsync(LeasedDelivery delivery, AgsAccess access, string container, CancellationToken cancellationToken)
    {
        var linkId = delivery.ResourceLinkDbId;
        var now = time.GetUtcNow();
        await using var db = contexts.CreateDbContext();
        int locked;
        using (await writes.EnterSqliteWriterAsync(cancellationToken))
        {
            locked = await db.ResourceLinks
                .Where(r => r.Id == linkId && r.ResolvedLineItemUrl == null && (r.LineItemLockUntil == null || r.LineItemLockUntil < now))
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.LineItemLockUntil, now + LockDuration), cancellationToken);
        }
        if (locked == 0)
        {
            return await db.ResourceLinks.Where(r => r.Id == linkId).Select(r => r.ResolvedLineItemUrl).FirstOrDefaultAsync(cancellationToken)
                ?? throw new LineItemBusyException();
        }
        string? url = null;
        try
        {
            var module = catalogue.FindModule(delivery.ModuleId)?.English;
            var proposed = new LineItem
            {
                Label = delivery.LinkTitle ?? module?.Title ?? "LtiCurriculum module",
                ScoreMaximum = delivery.ScoreMaximum ?? module?.MaximumPoints ?? 1m,
                ResourceLinkId = delivery.ResourceLinkId,
                ResourceId = delivery.ModuleId,
                Tag = Tag,
            };
            var item = await ags.FindOrCreateLineItemAsync(access, container, new LineItemQuery(delivery.ResourceLinkId, null, Tag), proposed, cancellationToken);
            url = item.Id ?? throw new AgsException("The platform's line item has no id.", null, null, null, isTransient: false, fromTokenEndpoint: false);
            return url;
        }
        finally
        {
            using (await writes.EnterSqliteWriterAsync(CancellationToken.None))
            {
                await db.ResourceLinks.Where(r => r.Id == linkId)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.ResolvedLineItemUrl, r => url ?? r.ResolvedLineItemUrl).SetProperty(r => r.LineItemLockUntil, (DateTimeOffset?)null), CancellationToken.None);
            }
        }
    }
}
