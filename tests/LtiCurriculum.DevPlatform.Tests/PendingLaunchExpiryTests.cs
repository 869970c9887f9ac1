namespace LtiCurriculum.DevPlatform.Tests;

/// <summary>Moves the platform's clock, so it has a host of its own.</summary>
public sealed class PendingLaunchExpiryTests(DevPlatformFixture fixture) : IClassFixture<DevPlatformFixture>
{
    private DevPlatformHost Host => fixture.Host;

    private LaunchFlow Flow => new(Host);

    [Fact]
    public async Task Pending_launch_expires_after_five_minutes()
    {
        var login = await Flow.StartAsync();
        Host.Clock.Advance(TimeSpan.FromMinutes(5));

        var answer = await AutoPost.ReadAsync(await Flow.AuthorizeAsync(Flow.AuthenticationRequest(login)));

        Assert.Equal("invalid_request", answer.Fields["error"]);
    }

    [Fact]
    public async Task Pending_launch_is_still_good_just_before_five_minutes()
    {
        var login = await Flow.StartAsync();
        Host.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));

        var answer = await AutoPost.ReadAsync(await Flow.AuthorizeAsync(Flow.AuthenticationRequest(login)));

        Assert.True(answer.Fields.ContainsKey("id_token"));
    }

    [Fact]
    public async Task Id_token_times_come_from_the_injected_clock()
    {
        Host.Clock.Advance(TimeSpan.FromDays(3));

        var token = LaunchFlow.Payload(await Flow.LaunchAsync());

        Assert.Equal(Host.Clock.GetUtcNow().ToUnixTimeSeconds(), token.GetProperty("iat").GetInt64());
    }
}
