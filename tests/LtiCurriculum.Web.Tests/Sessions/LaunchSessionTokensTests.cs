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
        Assert.Equal(Session with { ExpiresAt = decrypted.ExpiresAt, FormSecret = decrypted.FormSecret }, decrypted);
        Assert.Equal(22, decrypted.FormSecret?.Length);

        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Null(issuer.Read(issued.Token));
        Assert.Null(other.Read(issued.Token));
        Assert.Null(issuer.Read(issued.Token[..^2] + (issued.Token[^2] == 'A' ? "B" : "A") + issued.Token[^1]));
    }

    [Fact]
    public void Renewing_keeps_the_launchs_form_secret_and_a_new_launch_gets_its_own()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var options = new Monitor(new LaunchSessionOptions { Lifetime = TimeSpan.FromMinutes(30) });
        var tokens = new LaunchSessionTokens(new EphemeralDataProtectionProvider(), options, clock);

        var first = tokens.Issue(Session);
        Assert.Null(tokens.Renew(first.Session, first.Token).Renewed);
        clock.Advance(LaunchSessionTokens.RenewAfter + TimeSpan.FromSeconds(1));
        var (renewedToken, renewed) = tokens.Renew(tokens.Read(first.Token)!, first.Token);
        var another = tokens.Issue(Session);

        Assert.NotNull(renewed);
        Assert.NotEqual(first.Token, renewedToken);
        Assert.Equal(first.Session.FormSecret, tokens.Read(renewedToken)!.FormSecret);
        Assert.NotEqual(first.Session.FormSecret, another.Session.FormSecret);
    }

    [Fact]
    public void A_token_from_before_form_secrets_still_reads_and_is_renewed_at_once_with_a_secret()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var keys = new EphemeralDataProtectionProvider();
        var tokens = new LaunchSessionTokens(keys, new Monitor(new LaunchSessionOptions { Lifetime = TimeSpan.FromMinutes(30) }), clock);
        var old = SessionTokensBeforeFormSecrets.Write(keys, Session with { ExpiresAt = clock.GetUtcNow().AddMinutes(30) });

        var read = tokens.Read(old);
        var (token, renewed) = tokens.Renew(read!, old);

        Assert.Equal(Session with { ExpiresAt = read!.ExpiresAt }, read);
        Assert.NotNull(renewed);
        Assert.Equal(token, renewed.Token);
        Assert.Equal(22, tokens.Read(token)!.FormSecret?.Length);
        Assert.Equal(renewed.Session, tokens.Read(token));
    }

    private sealed class Monitor(LaunchSessionOptions value) : IOptionsMonitor<LaunchSessionOptions>
    {
        public LaunchSessionOptions CurrentValue => value;
        public LaunchSessionOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<LaunchSessionOptions, string?> listener) => null;
    }
}
