using System.Diagnostics;
using System.Net;
using LtiCurriculum.Lti.Oidc;
using Microsoft.AspNetCore.WebUtilities;

namespace LtiCurriculum.Benchmarks.Load;

/// <summary>How one whole flow went: Stopwatch ticks per step, or the reason it failed.</summary>
internal readonly record struct FlowResult(string? Error, long Login, long Sign, long Launch, long Page)
{
    public long Total => Login + Sign + Launch + Page;

    public static FlowResult Fail(string error) => new(error, 0, 0, 0, 0);
}

/// <summary>
/// One browser going through a launch, with the platform's part played in-process: login (GET, expect 302 and the
/// state cookie) → sign an id_token with the nonce from the redirect → POST it with the cookie (expect 303)
/// → GET the module page the launch leads to (expect 200 with the module's progress bar).
/// </summary>
internal sealed class FlowClient(HttpClient http, Uri toolBase, FakePlatform platform)
{
    private readonly string _loginPrefix = new Uri(toolBase, "lti/login").AbsoluteUri
        + $"?iss={Uri.EscapeDataString(FakePlatform.Issuer)}&client_id={Uri.EscapeDataString(FakePlatform.ClientId)}"
        + $"&lti_deployment_id={Uri.EscapeDataString(FakePlatform.DeploymentId)}"
        + $"&target_link_uri={Uri.EscapeDataString(new Uri(toolBase, "lti/launch").AbsoluteUri)}&login_hint=";

    public async Task<FlowResult> RunAsync(LoadUser user, CancellationToken cancellationToken) => (await RunWithPageAsync(user, cancellationToken)).Result;

    /// <summary>The flow, also returning the module page's URL and HTML for the learn scenario.</summary>
    public async Task<(FlowResult Result, Uri? PageUrl, string? Html)> RunWithPageAsync(LoadUser user, CancellationToken cancellationToken)
    {
        // 1. Login initiation.
        var t0 = Stopwatch.GetTimestamp();
        string state, nonce, redirectUri, cookie;
        using (var login = await http.GetAsync(_loginPrefix + Uri.EscapeDataString(user.Subject), cancellationToken))
        {
            if (login.StatusCode != HttpStatusCode.Redirect || login.Headers.Location is not { IsAbsoluteUri: true } location)
            {
                return Failed($"login: HTTP {(int)login.StatusCode} (want 302 with an absolute Location)");
            }
            var query = QueryHelpers.ParseQuery(location.Query);
            state = query["state"].ToString();
            nonce = query["nonce"].ToString();
            redirectUri = query["redirect_uri"].ToString();
            cookie = login.Headers.TryGetValues("Set-Cookie", out var setCookies)
                ? setCookies.FirstOrDefault(c => c.StartsWith(LoginStateCookie.Prefix, StringComparison.Ordinal))?.Split(';')[0] ?? ""
                : "";
            if (state.Length == 0 || nonce.Length == 0 || redirectUri.Length == 0 || cookie.Length == 0)
            {
                return Failed("login: redirect lacks state, nonce, redirect_uri or the lti_state_ cookie");
            }
        }

        // 2. The platform signs the id_token (client CPU, ~1 ms of RSA).
        var t1 = Stopwatch.GetTimestamp();
        var idToken = platform.SignIdToken(user, nonce, redirectUri);

        // 3. The auto-posted form to the redirect URI, with the cookie the browser kept.
        var t2 = Stopwatch.GetTimestamp();
        Uri landing;
        using (var post = new HttpRequestMessage(HttpMethod.Post, redirectUri))
        {
            post.Content = new FormUrlEncodedContent([new("id_token", idToken), new("state", state)]);
            post.Headers.Add("Cookie", cookie);
            using var launch = await http.SendAsync(post, cancellationToken);
            if (launch.StatusCode != HttpStatusCode.SeeOther || launch.Headers.Location is not { } next)
            {
                return Failed($"launch: HTTP {(int)launch.StatusCode} (want 303)");
            }
            landing = next.IsAbsoluteUri ? next : new Uri(toolBase, next);
        }

        // 4. The page the launch lands on.
        var t3 = Stopwatch.GetTimestamp();
        string html;
        using (var page = await http.GetAsync(landing, cancellationToken))
        {
            if (page.StatusCode != HttpStatusCode.OK)
            {
                return Failed($"page: HTTP {(int)page.StatusCode} (want 200)");
            }
            html = await page.Content.ReadAsStringAsync(cancellationToken);
            // Learners land on the module page; course staff on the class readiness dashboard.
            var marker = user.Role == LtiCurriculum.DevPlatform.LtiRoles.Instructor ? "<section id=\"students\">" : "id=\"module-progress\"";
            if (!html.Contains(marker, StringComparison.Ordinal))
            {
                var title = System.Text.RegularExpressions.Regex.Match(html, "<title>(.*?)</title>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value.Trim();
                return Failed($"page: 200 but it is not the landing page of its role (it is \"{title}\" at {landing.AbsolutePath})");
            }
        }
        var t4 = Stopwatch.GetTimestamp();
        return (new FlowResult(null, t1 - t0, t2 - t1, t3 - t2, t4 - t3), landing, html);
    }

    private static (FlowResult, Uri?, string?) Failed(string error) => (FlowResult.Fail(error), null, null);
}
