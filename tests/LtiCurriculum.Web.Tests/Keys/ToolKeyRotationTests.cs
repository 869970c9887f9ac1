using LtiCurriculum.Web.Data.Stores;
using LtiCurriculum.Web.Install.Keys;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.Web.Tests.Keys;

/// <summary>
/// Rotating the tool's keys: the next key (published ahead) starts signing, the old one stays published for the grace
/// so whatever it signed still verifies, and every instance serves every key any instance may sign with.
/// </summary>
public sealed class ToolKeyRotationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rotation_signs_with_the_next_key_publishes_a_new_next_key_and_keeps_the_retired_one()
    {
        await using var tool = await ToolInstance.StartAsync();
        var before = await tool.PublishedKidsAsync();

        var rotation = await tool.KeyService().RotateAsync("test", Ct);

        Assert.NotNull(rotation);
        Assert.Equal(before[1], rotation.CurrentKeyId);
        Assert.Equal(before[0], rotation.RetiredKeyId);
        Assert.DoesNotContain(rotation.NextKeyId, before);
        Assert.Equal([rotation.CurrentKeyId, rotation.NextKeyId, rotation.RetiredKeyId], await tool.PublishedKidsAsync());
        Assert.Equal(rotation.CurrentKeyId, await tool.SigningKidAsync());
        ToolKeyKit.AssertOneCurrentAndOneNext(await tool.KeyRowsAsync());
    }

    [Fact]
    public async Task Retired_key_leaves_the_jwks_when_the_grace_has_passed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tool = await ToolInstance.StartAsync(new ToolSettings
        {
            Clock = clock,
            Configuration = new Dictionary<string, string?> { [$"{KeyOptions.SectionName}:RetiredKeyGrace"] = "01:00:00" },
        });
        var rotation = (await tool.KeyService().RotateAsync("test", Ct))!;

        clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.Contains(rotation.RetiredKeyId, await tool.PublishedKidsAsync());

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([rotation.CurrentKeyId, rotation.NextKeyId], await tool.PublishedKidsAsync());
    }

    [Fact]
    public async Task Retiring_the_next_key_creates_a_new_next_key_and_the_current_key_cannot_be_retired()
    {
        await using var tool = await ToolInstance.StartAsync();
        var keys = tool.KeyService();
        var (current, next) = (await tool.PublishedKidsAsync()) is [var c, var n] ? (c, n) : throw new InvalidOperationException("two keys expected");

        Assert.Equal(KeyRetirement.IsCurrent, await keys.RetireAsync(current, "test", Ct));
        Assert.Equal(KeyRetirement.Retired, await keys.RetireAsync(next, "test", Ct));
        Assert.Equal(KeyRetirement.AlreadyRetired, await keys.RetireAsync(next, "test", Ct));
        Assert.Equal(KeyRetirement.NotFound, await keys.RetireAsync("no-such-kid", "test", Ct));

        var rows = await tool.KeyRowsAsync();
        ToolKeyKit.AssertOneCurrentAndOneNext(rows);
        var newNext = rows.Single(r => r.IsNext).KeyId;
        Assert.NotEqual(next, newNext);
        Assert.Equal([current, newNext, next], await tool.PublishedKidsAsync());
    }

    [Fact]
    public async Task Two_rotations_at_once_on_two_instances_sharing_one_database_leave_one_current_and_one_next_key()
    {
        using var folder = new TempFolder();
        await using var a = await ToolInstance.StartAsync(new ToolSettings { DatabaseFile = folder.DatabaseFile });
        await using var b = await ToolInstance.StartAsync(new ToolSettings { DatabaseFile = folder.DatabaseFile });

        var rotations = await Task.WhenAll(a.KeyService().RotateAsync("a", Ct), b.KeyService().RotateAsync("b", Ct));

        Assert.Contains(rotations, r => r is not null);
        var rows = await a.KeyRowsAsync();
        ToolKeyKit.AssertOneCurrentAndOneNext(rows);
        Assert.Equal(await a.PublishedKidsAsync(), await b.PublishedKidsAsync());
        Assert.Equal(await a.SigningKidAsync(), await b.SigningKidAsync());
        Assert.Equal(rows.Single(r => r.IsCurrent).KeyId, await a.SigningKidAsync());
    }

    [Fact]
    public async Task Whatever_key_an_instance_signs_with_after_rotations_elsewhere_is_in_the_jwks_every_instance_serves()
    {
        using var folder = new TempFolder();
        await using var a = await ToolInstance.StartAsync(new ToolSettings { DatabaseFile = folder.DatabaseFile });
        await using var b = await ToolInstance.StartAsync(new ToolSettings { DatabaseFile = folder.DatabaseFile });
        // Both instances have read their keys (signed and served) before the rotations.
        foreach (var instance in new[] { a, b })
        {
            await instance.SigningKidAsync();
            await instance.PublishedKidsAsync();
        }

        await a.KeyService().RotateAsync("a", Ct);
        await a.KeyService().RotateAsync("a", Ct);

        foreach (var signer in new[] { a, b })
        {
            var kid = await signer.SigningKidAsync();
            Assert.Contains(kid, await a.PublishedKidsAsync());
            Assert.Contains(kid, await b.PublishedKidsAsync());
        }
    }
}
