using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Web.Sessions;
using Microsoft.AspNetCore.DataProtection;

namespace LtiCurriculum.Web.Tests.Sessions;

/// <summary>A form token is good for its own launch only; one rendered before form secrets stays good for its launch's ids.</summary>
public sealed class FormTokensTests
{
    private static readonly LaunchSession Ana = new(7, "deployment-1", 11, 13, 17, LtiRole.Learner, IsDeepLinking: false, "en", null,
        DateTimeOffset.MaxValue, FormSecret: FormTokens.NewSecret());

    [Fact]
    public void The_token_of_this_launch_passes_and_any_other_is_refused()
    {
        var forms = new FormTokens(new EphemeralDataProtectionProvider());
        var relaunch = Ana with { FormSecret = FormTokens.NewSecret() };
        var token = forms.Issue(Ana);

        Assert.True(forms.IsValid(Ana, token));
        Assert.False(forms.IsValid(relaunch, token));
        Assert.False(forms.IsValid(Ana, forms.Issue(relaunch)));
        Assert.False(forms.IsValid(Ana, token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        Assert.False(forms.IsValid(Ana, token.ToLowerInvariant() == token ? token.ToUpperInvariant() : token.ToLowerInvariant()));
        Assert.False(forms.IsValid(Ana, ""));
        Assert.False(forms.IsValid(Ana, null));
        Assert.False(forms.IsValid(Ana, new string('é', 22)));
        Assert.False(forms.IsValid(Ana, new string('A', 2000)));
    }

    [Fact]
    public void A_token_rendered_before_form_secrets_passes_for_its_launchs_ids_only()
    {
        var keys = new EphemeralDataProtectionProvider();
        var forms = new FormTokens(keys);
        var before = SessionTokensBeforeFormSecrets.FormToken(keys, Ana);

        Assert.True(forms.IsValid(Ana, before));
        Assert.True(forms.IsValid(Ana with { FormSecret = null }, before));
        Assert.False(forms.IsValid(Ana with { UserDbId = 18 }, before));
        Assert.False(forms.IsValid(Ana with { ResourceLinkDbId = 14 }, before));
        Assert.False(forms.IsValid(Ana, SessionTokensBeforeFormSecrets.FormToken(new EphemeralDataProtectionProvider(), Ana)));
    }

    [Fact]
    public void A_session_without_a_secret_gets_no_token()
    {
        var forms = new FormTokens(new EphemeralDataProtectionProvider());

        Assert.Throws<InvalidOperationException>(() => forms.Issue(Ana with { FormSecret = null }));
    }
}
