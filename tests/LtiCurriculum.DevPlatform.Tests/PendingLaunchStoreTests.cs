using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class PendingLaunchStoreTests
{
    private static readonly DemoDirectory Directory = new();

    [Fact]
    public void Full_store_drops_the_oldest_launch()
    {
        var clock = new FakeTimeProvider();
        var store = new PendingLaunchStore(clock, capacity: 2);
        var oldest = store.Remember(Launch("learner-ana"));
        clock.Advance(TimeSpan.FromSeconds(1));
        var middle = store.Remember(Launch("instructor-lee"));
        clock.Advance(TimeSpan.FromSeconds(1));
        var newest = store.Remember(Launch("admin"));

        Assert.False(store.TryTake(oldest, out _));
        Assert.True(store.TryTake(middle, out var kept));
        Assert.Equal("instructor-lee", kept.User.Key);
        Assert.True(store.TryTake(newest, out _));
    }

    [Fact]
    public void Full_store_makes_room_by_dropping_expired_launches_first()
    {
        var clock = new FakeTimeProvider();
        var store = new PendingLaunchStore(clock, capacity: 2);
        store.Remember(Launch("learner-ana"));
        clock.Advance(TimeSpan.FromMinutes(4));
        var recent = store.Remember(Launch("instructor-lee"));
        clock.Advance(TimeSpan.FromMinutes(2));

        var newest = store.Remember(Launch("admin"));

        Assert.True(store.TryTake(recent, out _));
        Assert.True(store.TryTake(newest, out _));
    }

    [Fact]
    public void Missing_hint_finds_nothing()
    {
        var store = new PendingLaunchStore(new FakeTimeProvider());
        store.Remember(Launch("learner-ana"));

        Assert.False(store.TryTake(null, out _));
        Assert.False(store.TryTake(string.Empty, out _));
    }

    private static PendingLaunch Launch(string userKey)
    {
        var course = Directory.Courses[0];
        return new PendingLaunch("http://127.0.0.1:1", course, course.Links[0], Directory.FindUser(userKey)!, LtiMessageTypes.ResourceLinkRequest, "en");
    }
}
