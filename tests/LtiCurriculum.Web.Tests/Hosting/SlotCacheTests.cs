using LtiCurriculum.Web.Hosting.Caching;
using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.Web.Tests.Hosting;

public sealed class SlotCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_key_whose_slot_another_key_took_reads_as_missing_never_as_the_other_keys_value()
    {
        // One slot: every key shares it.
        var cache = new SlotCache<string>(1, TimeSpan.FromMinutes(5), _clock);
        var first = SlotCache.KeyOf("platform\u001fdeployment\u001f1\u001f7");
        var second = SlotCache.KeyOf("platform\u001fdeployment\u001f1\u001f8");

        cache.Set(first, "token for 7");
        Assert.True(cache.TryGet(first, out var kept));
        Assert.Equal("token for 7", kept);
        Assert.False(cache.TryGet(second, out _));

        cache.Set(second, "token for 8");
        Assert.False(cache.TryGet(first, out _));
        Assert.True(cache.TryGet(second, out kept));
        Assert.Equal("token for 8", kept);
    }

    [Fact]
    public void An_entry_reads_until_its_lifetime_has_passed_and_a_new_set_starts_it_again()
    {
        var cache = new SlotCache<int>(16, TimeSpan.FromSeconds(30), _clock);
        var key = SlotCache.KeyOf(42);
        cache.Set(key, 1);

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.True(cache.TryGet(key, out var value));
        Assert.Equal(1, value);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet(key, out _));

        cache.Set(key, 2);
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.True(cache.TryGet(key, out value));
        Assert.Equal(2, value);
    }

    [Fact]
    public void Keys_tell_apart_texts_that_differ_only_in_where_a_separator_falls_and_ids_that_differ_by_one()
    {
        Assert.Equal(SlotCache.KeyOf("a\u001fbc"), SlotCache.KeyOf("a\u001fbc"));
        Assert.NotEqual(SlotCache.KeyOf("a\u001fbc"), SlotCache.KeyOf("ab\u001fc"));
        Assert.NotEqual(SlotCache.KeyOf("é"), SlotCache.KeyOf("e\u0301"));
        var longText = new string('x', 800);
        Assert.Equal(SlotCache.KeyOf(longText), SlotCache.KeyOf(new string('x', 800)));
        Assert.NotEqual(SlotCache.KeyOf(longText), SlotCache.KeyOf(longText + "y"));
        Assert.NotEqual(SlotCache.KeyOf(7), SlotCache.KeyOf(8));
        Assert.NotEqual(SlotCache.KeyOf(-1), SlotCache.KeyOf(int.MaxValue));

        // Ids that differ by one land in different slots of a large cache, so neighbouring attempts do not evict each other.
        var cache = new SlotCache<int>(1024, TimeSpan.FromMinutes(1), _clock);
        for (var id = 1; id <= 1024; id++)
        {
            cache.Set(SlotCache.KeyOf(id), id);
        }
        for (var id = 1; id <= 1024; id++)
        {
            Assert.True(cache.TryGet(SlotCache.KeyOf(id), out var value));
            Assert.Equal(id, value);
        }
    }

    [Fact]
    public async Task Readers_racing_writers_on_the_same_slot_see_whole_entries_only()
    {
        // An entry wider than one machine word, in one slot: a torn read would pair one key with part of another's value.
        var cache = new SlotCache<(long A, long B, long C, long D)>(1, TimeSpan.FromMinutes(1), TimeProvider.System);
        var keys = new[] { SlotCache.KeyOf(1), SlotCache.KeyOf(2) };
        var start = new Barrier(2);
        var torn = 0;
        var writer = Task.Run(() =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            for (var i = 0; i < 2_000_000; i++)
            {
                long id = 1 + (i & 1);
                cache.Set(keys[id - 1], (id, id, id, id));
            }
        }, TestContext.Current.CancellationToken);
        var reader = Task.Run(() =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            for (var i = 0; i < 2_000_000; i++)
            {
                long id = 1 + (i & 1);
                if (cache.TryGet(keys[id - 1], out var value) && value != (id, id, id, id))
                {
                    torn++;
                }
            }
        }, TestContext.Current.CancellationToken);
        await Task.WhenAll(writer, reader);
        Assert.Equal(0, torn);
    }
}
