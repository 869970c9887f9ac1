using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Web.Sessions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.Web.Tests.Sessions;

/// <summary>A token read back by the instance that just issued it (kept, not decrypted) equals what any other instance reads.</summary>
public sealed class LaunchSessionTokensTests
{
    private static readonly LaunchSession Session = new(
        7, "deployment-1", 11, 13, 17, LtiRole.Learner | LtiRole.Administrator, IsDeepLinking: false, "es", "https://lms.example.edu/return",
        default, DeepLinkingRequestId: null);

    [Fact]
    public void A_just_issued_token_reads_as_another_instance_reads_it_and_still_expires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, 123, TimeSpan.Zero));
        var keys = new EphemeralDataProtectionProvider();
        var options = new Monitor(new LaunchSessionOptions { Lifetime = TimeSpan.FromMinutes(30) });
        var issuer = new LaunchSessionTokens(keys, options, clock);
        var other = new LaunchSessionTokens(keys, options, clock);

        var issued = issuer.Issue(Session);
        var kept = issuer.Read(issued.Token);
        var decrypted = other.Read(issued.Token);

        Assert.NotNull(decrypted);
        Assert.Equal(decrypted, kept);
        Assert.Equal(Session with { ExpiresAt = decrypted.ExpiresAt }, decrypted);

        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Null(issuer.Read(issued.Token));
        Assert.Null(other.Read(issued.Token));
        Assert.Null(issuer.Read(issued.Token[..^2] + (issued.Token[^2] == 'A' ? "B" : "A") + issued.Token[^1]));
    }

    private sealed class Monitor(LaunchSessionOptions value) : IOptionsMonitor<LaunchSessionOptions>
    {
        public LaunchSessionOptions CurrentValue => value;
        public LaunchSessionOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<LaunchSessionOptions, string?> listener) => null;
    }
}
