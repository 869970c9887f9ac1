using System.Net;
using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Tests.Support;
using LtiCurriculum.Web.Tests.Teach;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Telemetry;

/// <summary>No log line, at any level and in any category, carries a token, an assertion or a key that the flow used.</summary>
public sealed class LogSecretTests
{
    [Fact]
    public async Task A_whole_course_flow_logged_at_trace_level_leaks_no_token_assertion_or_key()
    {
        var capture = new LogCapture();
        await using var tool = await ToolInstance.StartAsync(capture.Into(Fast()));

        // Launch, answer, submit; the score goes to the platform's gradebook over AGS.
        await SubmitOneRightAnswerAsync(tool);
        await WaitForOutboxAsync(tool, rows => rows.Count == 1 && rows[0].Status == GradeDeliveryStatus.Delivered, "the score delivered");
        // Deep linking: the instructor places a module; the signed response goes back to the platform.
        var (placed, _) = await TeachKit.DeepLinkAsync(tool, "med-501", new TeachKit.Item("co-case-for-change", "Placed by deep linking"));
        Assert.Equal(HttpStatusCode.OK, placed.Status);
        // The instructor's dashboard reads the class list over NRPS.
        using var browser = tool.NewBrowser();
        var dashboard = await browser.LaunchAsync(tool, user: DevPlatformLaunch.Instructor);
        Assert.Contains("Class list from the LMS", dashboard.Page!.Text);

        foreach (var key in await tool.Services.GetRequiredService<IToolKeyStore>().GetPublishedKeysAsync(TestContext.Current.CancellationToken))
        {
            capture.Keep("private key", Base64UrlEncoder.Encode(key.Parameters.D));
            capture.Keep("private key", Convert.ToBase64String(key.Parameters.D!));
        }
        var secrets = capture.Secrets;
        Assert.All(new[] { "id_token", "lti_session", "form_token", "JWT", "client_assertion", "bearer", "state", "nonce", "private key" },
            field => Assert.True(secrets.Values.Contains(field), $"the flow carried no {field}: the test would prove nothing about it"));

        var logs = capture.Logs;
        Assert.Contains(logs, l => l.Category == "Microsoft.AspNetCore.Hosting.Diagnostics");
        Assert.Contains(logs, l => l.Category.StartsWith("System.Net.Http.HttpClient.", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Category.StartsWith("Microsoft.EntityFrameworkCore.", StringComparison.Ordinal));
        var leaks = (from log in logs
                     let text = log.AllText
                     from secret in secrets
                     where text.Contains(secret.Key, StringComparison.Ordinal) || text.Contains(Uri.EscapeDataString(secret.Key), StringComparison.Ordinal)
                     select $"{secret.Value} in {log.Category}: {text}").ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(20)));
        var jwtLike = logs.Where(l => l.AllText.Contains("eyJ", StringComparison.Ordinal)).Select(l => l.AllText).ToList();
        Assert.True(jwtLike.Count == 0, string.Join("\n", jwtLike.Take(20)));
    }
}
