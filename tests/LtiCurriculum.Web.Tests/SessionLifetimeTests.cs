using System.Net;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.Web.Tests;

/// <summary>Sessions:Lifetime is an idle lifetime: a session ends when unused that long, and every page renews it.</summary>
public sealed class SessionLifetimeTests
{
    private static Task<ToolInstance> StartAsync(FakeTimeProvider clock) =>
        ToolInstance.StartAsync(new ToolSettings
        {
            Clock = clock,
            Configuration = new Dictionary<string, string?> { ["Sessions:Lifetime"] = "00:30:00" },
        });

    [Fact]
    public async Task Session_ends_after_its_lifetime_without_use()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tool = await StartAsync(clock);
        using var browser = tool.NewBrowser();
        var token = (await browser.LaunchAsync(tool)).SessionToken;

        clock.Advance(TimeSpan.FromMinutes(31));
        using var later = tool.NewBrowser();
        var page = await later.GetAsync(tool.Url($"/launch/landing?lti_session={Uri.EscapeDataString(token)}"));

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Equal("session_missing", page.ReasonCode);
    }

    [Fact]
    public async Task Session_used_within_its_lifetime_is_renewed_by_the_page()
    {
        // LaunchSessionOptions.Lifetime: "Idle lifetime: every page renews it, so work in progress never times out mid-module."
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tool = await StartAsync(clock);
        using var browser = tool.NewBrowser();
        await browser.LaunchAsync(tool);

        clock.Advance(TimeSpan.FromMinutes(20));
        var active = await browser.GetAsync(tool.Url("/launch/landing"));
        Assert.Equal(HttpStatusCode.OK, active.Status);

        // Whichever carrier the page renews (cookie, a token in its links or hidden fields), the next request uses it.
        var renewed = RenewedToken(active.Html) ?? browser.Cookie("lti_session")!.Value;
        clock.Advance(TimeSpan.FromMinutes(20));
        using var next = tool.NewBrowser();
        var stillActive = await next.GetAsync(tool.Url($"/launch/landing?lti_session={Uri.EscapeDataString(renewed)}"));

        Assert.True(stillActive.Status == HttpStatusCode.OK,
            $"40 minutes after the launch but 20 after the last page, a 30-minute idle session should live: {stillActive}");
    }

    private static string? RenewedToken(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, @"(?:lti_session=|name=""lti_session"" value="")(?<token>[A-Za-z0-9_\-]+)") is { Success: true } match
            ? match.Groups["token"].Value
            : null;
}
