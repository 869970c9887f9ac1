using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Hosting;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.Web.Tests;

/// <summary>Login states whose launch never came are removed once expired, and only then.</summary>
public sealed class CleanupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ExpiredLoginStateCleaner Cleaner(ToolInstance tool) =>
        tool.Services.GetServices<IHostedService>().OfType<ExpiredLoginStateCleaner>().Single();

    private static LoginStateEntity State(string hash, DateTimeOffset expiresAt) => new()
    {
        StateHash = hash,
        Nonce = "nonce-" + hash,
        PlatformId = 1,
        Issuer = "https://lms.test",
        ClientId = "client",
        TargetLinkUri = "http://127.0.0.1/lti/launch",
        BrowserBindingHash = "binding-" + hash,
        ExpiresAt = expiresAt,
    };

    [Fact]
    public async Task Cleaner_removes_expired_login_states_only()
    {
        // 1A-11: short TTL, and abandoned states do not pile up
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tool = await ToolInstance.StartAsync(new ToolSettings { Clock = clock });
        var now = clock.GetUtcNow();
        await tool.QueryAsync(async db =>
        {
            db.LoginStates.AddRange(
                State("expired-long-ago", now.AddHours(-1)),
                State("expired-just-now", now.AddSeconds(-1)),
                State("still-valid", now.AddMinutes(1)));
            return await db.SaveChangesAsync(Ct);
        });

        var removed = await Cleaner(tool).CleanOnceAsync(Ct);

        Assert.Equal(2, removed);
        Assert.Equal(["still-valid"], await tool.QueryAsync(db => db.LoginStates.Select(s => s.StateHash).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Abandoned_login_is_cleaned_once_its_lifetime_has_passed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tool = await ToolInstance.StartAsync(new ToolSettings
        {
            Clock = clock,
            Configuration = new Dictionary<string, string?> { ["Lti:LoginStateLifetime"] = "00:01:00" },
        });
        using var browser = tool.NewBrowser();
        await browser.AuthorizeAsync(tool);

        Assert.Equal(0, await Cleaner(tool).CleanOnceAsync(Ct));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Cleaner(tool).CleanOnceAsync(Ct));
        Assert.Equal(0, await tool.QueryAsync(db => db.LoginStates.CountAsync(Ct)));
    }
}
