using System.Net;
using System.Net.Http.Json;
using LtiCurriculum.Lti;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.Web.Tests.Keys;

/// <summary>The development platform replaces its key pair but keeps the kid; the tool catches up after Lti:JwksRefetchInterval.</summary>
public sealed class PlatformRekeyTests
{
    [Fact]
    public async Task Launch_after_the_platform_rekeys_under_the_same_kid_succeeds_once_the_refetch_interval_has_passed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tool = await ToolInstance.StartAsync(new ToolSettings { Clock = clock });
        var interval = tool.Services.GetRequiredService<IOptions<LtiToolOptions>>().Value.JwksRefetchInterval;
        using var browser = tool.NewBrowser();
        await browser.LaunchAsync(tool);

        using (var http = new HttpClient())
        {
            var rekeyed = await http.PostAsJsonAsync($"{tool.DevPlatformIssuer}/control/rekey-same-kid", new { }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, rekeyed.StatusCode);
        }

        // The cached key was fetched just now: a failing signature is refused without asking the platform again.
        var tooSoon = await browser.SubmitAsync((await browser.AuthorizeAsync(tool)).AuthenticationResponse);
        Assert.Equal(HttpStatusCode.Unauthorized, tooSoon.Status);
        Assert.Equal("signature_invalid", tooSoon.ReasonCode);

        clock.Advance(interval);
        var steps = await browser.LaunchAsync(tool);
        Assert.Equal(HttpStatusCode.OK, steps.Page!.Status);
    }
}
