using System.Net;
using LtiCurriculum.Web.Sessions;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Isolation;

/// <summary>A deep-linking request waiting for one platform's instructor cannot be answered (or used up) from another platform.</summary>
[Collection(IsolationCollection.Name)]
public sealed class DeepLinkingIsolationTests(TwoPlatforms platforms)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deep_linking_request_id_of_A_is_gone_for_a_session_of_B()
    {
        var (tokenA, requestA) = await DeepLinkingLaunchAsync(Platform.A);
        var (tokenB, requestB) = await DeepLinkingLaunchAsync(Platform.B);
        var rows = await platforms.Tool.QueryAsync(db => db.DeepLinkingRequests.AsNoTracking().Where(r => r.Id == requestA || r.Id == requestB).ToListAsync(Ct));
        Assert.Equal(await platforms.PlatformIdAsync(Platform.A), rows.Single(r => r.Id == requestA).PlatformId);
        Assert.Equal(await platforms.PlatformIdAsync(Platform.B), rows.Single(r => r.Id == requestB).PlatformId);

        // The request id travels only inside the signed session, so the tool itself mints B's session naming A's request:
        // what a bug that mixed up sessions, or a stolen request id, would present.
        var tokens = platforms.Tool.Services.GetRequiredService<LaunchSessionTokens>();
        var crossed = tokens.Read(tokenB)! with { DeepLinkingRequestId = requestA };
        var crossedToken = tokens.Issue(crossed).Token;
        var formToken = platforms.Tool.Services.GetRequiredService<FormTokens>().Issue(crossed);
        using var browser = platforms.Tool.NewBrowser();

        var catalogue = await browser.GetAsync(platforms.Tool.Url($"/teach/deep-linking?lti_session={Uri.EscapeDataString(crossedToken)}"));
        Assert.Equal((HttpStatusCode.Gone, "deep_linking_request_gone"), (catalogue.Status, catalogue.ReasonCode));
        var respond = await browser.PostFormAsync(platforms.Tool.Url("/teach/deep-linking/respond"),
            [new("lti_session", crossedToken), new("form_token", formToken), new("count", "1"), new("item0_module", "cop-what-is"), new("item0_title", "Placed from B")]);
        Assert.Equal((HttpStatusCode.Gone, "deep_linking_request_gone"), (respond.Status, respond.ReasonCode));
        var cancel = await browser.PostFormAsync(platforms.Tool.Url("/teach/deep-linking/cancel"), [new("lti_session", crossedToken), new("form_token", formToken)]);
        Assert.Equal((HttpStatusCode.Gone, "deep_linking_request_gone"), (cancel.Status, cancel.ReasonCode));
        Assert.True(await platforms.Tool.QueryAsync(db => db.DeepLinkingRequests.AnyAsync(r => r.Id == requestA, Ct)), "A's request was used up from B");

        // Each platform's own instructor still answers their own request, back to their own platform.
        var answeredA = await CancelAsync(tokenA);
        Assert.Equal(platforms.Issuer(Platform.A) + "/deep-link-return", answeredA.Form().Action.AbsoluteUri);
        var answeredB = await CancelAsync(tokenB);
        Assert.Equal(platforms.Issuer(Platform.B) + "/deep-link-return", answeredB.Form().Action.AbsoluteUri);
    }

    private async Task<(string Token, string RequestId)> DeepLinkingLaunchAsync(Platform platform)
    {
        using var browser = platforms.Tool.NewBrowser();
        var steps = await browser.LaunchAsync(platforms.Tool, "med-530", link: null, user: DevPlatformLaunch.Instructor, messageType: DevPlatformLaunch.DeepLinking,
            platform: platform == Platform.A ? null : platforms.PlatformB);
        Assert.True(steps.Page!.Status == HttpStatusCode.OK, steps.Page.ToString());
        var session = platforms.Tool.Services.GetRequiredService<LaunchSessionTokens>().Read(steps.SessionToken)!;
        return (steps.SessionToken, session.DeepLinkingRequestId!);
    }

    private async Task<WebPage> CancelAsync(string token)
    {
        using var browser = platforms.Tool.NewBrowser();
        var session = platforms.Tool.Services.GetRequiredService<LaunchSessionTokens>().Read(token)!;
        var formToken = platforms.Tool.Services.GetRequiredService<FormTokens>().Issue(session);
        var page = await browser.PostFormAsync(platforms.Tool.Url("/teach/deep-linking/cancel"), [new("lti_session", token), new("form_token", formToken)]);
        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        return page;
    }
}
