using System.Buffers.Text;
using System.Net;
using System.Text;
using LtiCurriculum.Web.Hosting;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Tests.Hosting;

/// <summary>Requests the edge tests send: logins and launches as platforms send them, optionally through a proxy.</summary>
internal static class EdgeRequests
{
    public const string DevClientId = "lticurriculum-dev";

    /// <summary>Makes the tool know the dev platform (its registrar runs when a launch starts there).</summary>
    public static async Task RegisterDevPlatformAsync(ToolInstance tool)
    {
        using var browser = tool.NewBrowser();
        var start = await browser.PostFormAsync(tool.Url("/dev-platform/launch"), [new("course", "med-501"), new("link", "link-cc-1"), new("user", "learner-ana")]);
        Assert.Equal(HttpStatusCode.OK, start.Status);
    }

    /// <summary>A login initiation (form post) naming <paramref name="issuer"/>, as sent from <paramref name="forwardedFor"/> through a proxy.</summary>
    public static HttpRequestMessage Login(ToolInstance tool, string issuer, string user = "dev-user-1001", string? forwardedFor = null, string? targetLinkUri = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, tool.Url("/lti/login"))
        {
            Content = new FormUrlEncodedContent([
                new("iss", issuer), new("login_hint", user), new("client_id", DevClientId),
                new("target_link_uri", targetLinkUri ?? tool.Origin + "/lti/launch")]),
        };
        Forward(request, forwardedFor);
        return request;
    }

    /// <summary>A launch whose id_token names <paramref name="issuer"/> but is not signed: refused, yet counted.</summary>
    public static HttpRequestMessage Launch(ToolInstance tool, string issuer, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, tool.Url("/lti/launch"))
        {
            Content = new FormUrlEncodedContent([new("id_token", UnsignedToken(issuer, DevClientId)), new("state", "state-that-was-never-issued")]),
        };
        Forward(request, forwardedFor);
        return request;
    }

    /// <summary>A learner's JSON answer over the /learn body limit, asking for problem+json: refused with 413.</summary>
    public static HttpRequestMessage OversizedAnswer(ToolInstance tool, string session)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, tool.Url("/learn/answer"))
        {
            Content = new StringContent("{\"answer\":\"" + new string('a', 600 * 1024) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Lti-Session", session);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    public static void Forward(HttpRequestMessage request, string? forwardedFor)
    {
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
    }

    public static string UnsignedToken(string issuer, string audience)
    {
        static string Part(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        return $"{Part("""{"alg":"RS256","typ":"JWT","kid":"none"}""")}.{Part($$"""{"iss":"{{issuer}}","aud":"{{audience}}","sub":"u1"}""")}.c2lnbmF0dXJl";
    }

    /// <summary>The one failure the start-up tasks report for these settings (Program prints it and exits with 1).</summary>
    public static async Task<string> StartupErrorAsync(ToolSettings settings)
    {
        using var folder = new TempFolder();
        await using var app = ToolInstance.Build(settings, folder.DatabaseFile);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartupTasks.RunAsync(app.Services, TestContext.Current.CancellationToken));
        return Assert.Single(error.Failures);
    }

    public static async Task<(HttpStatusCode Status, HttpResponseMessage Response)> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        {
            var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            return (response.StatusCode, response);
        }
    }
}
