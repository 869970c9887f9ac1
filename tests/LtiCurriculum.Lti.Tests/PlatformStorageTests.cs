using LtiCurriculum.Lti.Oidc;
using LtiCurriculum.Lti.Storage;

namespace LtiCurriculum.Lti.Tests;

/// <summary>Where the cookieless launch sends its messages and whose answers it believes (LTI Platform Storage 0.1).</summary>
public sealed class PlatformStorageTests
{
    private const string State = "c3RhdGVzdGF0ZXN0YXRlc3RhdGVzdGF0ZXN0YXRlc3RhdGU";

    private static PlatformRegistration Moodle => new(1, "https://moodle.school.edu", "client", "https://moodle.school.edu/mod/lti/auth.php",
        "https://moodle.school.edu/mod/lti/token.php", "https://moodle.school.edu/mod/lti/certs.php", new HashSet<string> { "1" });

    private static PlatformRegistration HostedCanvas => new(2, "https://canvas.instructure.com", "10000000000001", "https://sso.canvaslms.com/api/lti/authorize_redirect",
        "https://school.instructure.com/login/oauth2/token", "https://sso.canvaslms.com/api/lti/security/jwks", new HashSet<string> { "1:abc" });

    [Fact]
    public void Messages_go_to_the_authorization_endpoints_origin_and_only_the_platforms_hosts_may_answer()
    {
        var storage = PlatformStorage.For(Moodle, State, "_parent")!;

        Assert.Equal("https://moodle.school.edu", storage.TargetOrigin);
        Assert.Equal(["https://moodle.school.edu"], storage.ReplyOrigins);
        Assert.Equal("_parent", storage.Target);
    }

    [Fact]
    public void Canvas_is_addressed_with_any_origin_as_its_documentation_asks_but_answers_only_from_its_own_hosts()
    {
        var storage = PlatformStorage.For(HostedCanvas, State, "post_message_forwarding")!;

        Assert.Equal("*", storage.TargetOrigin);
        Assert.Equal(["https://sso.canvaslms.com", "https://canvas.instructure.com", "https://school.instructure.com"], storage.ReplyOrigins);
    }

    [Fact]
    public void A_platform_registered_as_canvas_by_dynamic_registration_is_canvas_on_any_host()
    {
        var selfHosted = Moodle with { Issuer = "https://lms.school.edu" };
        Assert.Equal("https://moodle.school.edu", PlatformStorage.For(selfHosted, State, "_parent")!.TargetOrigin);
        Assert.Equal("*", PlatformStorage.For(selfHosted with { ProductFamily = "canvas" }, State, "_parent")!.TargetOrigin);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void No_storage_target_means_no_platform_storage(string? target) =>
        Assert.Null(PlatformStorage.For(Moodle, State, target));

    [Fact]
    public void An_absurdly_long_storage_target_is_ignored() =>
        Assert.Null(PlatformStorage.For(Moodle, State, new string('x', 129)));

    [Fact]
    public void Each_login_has_its_own_keys_derived_from_its_state_never_the_state_itself()
    {
        var first = PlatformStorage.For(Moodle, State, "_parent")!;
        var second = PlatformStorage.For(Moodle, OpaqueTokens.NewToken(), "_parent")!;

        Assert.NotEqual(first.BindingKey, second.BindingKey);
        Assert.NotEqual(first.BindingKey, first.NonceKey);
        Assert.DoesNotContain(State, first.BindingKey, StringComparison.Ordinal);
        Assert.EndsWith(LoginStateCookie.NameFor(State)[LoginStateCookie.Prefix.Length..], first.BindingKey, StringComparison.Ordinal);
    }
}
