using System.Diagnostics;
using System.Net;
using LtiCurriculum.Benchmarks.Load;
using LtiCurriculum.Lti.Oidc;
using Microsoft.AspNetCore.WebUtilities;

namespace LtiCurriculum.Benchmarks.Instances;

/// <summary>What a replayed authentication response got: not tried, refused as it must be, or accepted.</summary>
internal enum ReplayOutcome
{
    None,
    Refused,
    Accepted,
}

/// <summary>One crossing flow: its steps (or its error) and what its replay got.</summary>
internal readonly record struct CrossFlowResult(FlowResult Flow, ReplayOutcome Replay);

/// <summary>
/// A browser whose launch crosses instances, as behind a load balancer without sticky sessions: login (GET, 302 and
/// the state cookie) on <c>from</c> → the platform signs the id_token for the redirect_uri <c>from</c> gave → the
/// auto-posted form goes to <c>to</c>'s /lti/launch with the cookie (303) → the landing page on <c>to</c> (200, the
/// page of the user's role). A replay posts the same id_token, state and cookie once more after the launch
/// succeeded; it must be refused with 401 and reason <c>state_unknown</c>: the state stands for one authentication
/// request and is used up by its launch, on whichever instance (OpenID Connect Core 1.0 §15.5.2 on replays).
/// </summary>
internal sealed class CrossFlowClient(HttpClient http, FakePlatform platform)
{
    public async Task<CrossFlowResult> RunAsync(Uri from, Uri to, LoadUser user, Uri? replayTo, CancellationToken cancellationToken)
    {
        var t0 = Stopwatch.GetTimestamp();
        var login = LoginUrl(from, user);
        string state, nonce, redirectUri, cookie;
        using (var response = await http.GetAsync(login, cancellationToken))
        {
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { IsAbsoluteUri: true } location)
            {
                return Failed($"login on {Name(from)}: HTTP {(int)response.StatusCode} (want 302 with an absolute Location)");
            }
            var query = QueryHelpers.ParseQuery(location.Query);
            state = query["state"].ToString();
            nonce = query["nonce"].ToString();
            redirectUri = query["redirect_uri"].ToString();
            cookie = response.Headers.TryGetValues("Set-Cookie", out var setCookies)
                ? setCookies.FirstOrDefault(c => c.StartsWith(LoginStateCookie.Prefix, StringComparison.Ordinal))?.Split(';')[0] ?? ""
                : "";
            if (state.Length == 0 || nonce.Length == 0 || redirectUri.Length == 0 || cookie.Length == 0)
            {
                return Failed($"login on {Name(from)}: redirect lacks state, nonce, redirect_uri or the lti_state_ cookie");
            }
        }

        var t1 = Stopwatch.GetTimestamp();
        var idToken = platform.SignIdToken(user, nonce, redirectUri);

        var t2 = Stopwatch.GetTimestamp();
        Uri landing;
        using (var launch = await PostAsync(to, idToken, state, cookie, cancellationToken))
        {
            if (launch.StatusCode != HttpStatusCode.SeeOther || launch.Headers.Location is not { } next)
            {
                var body = await launch.Content.ReadAsStringAsync(cancellationToken);
                return Failed($"launch on {Name(to)}: HTTP {(int)launch.StatusCode} (want 303){ReasonOf(body)}");
            }
            landing = next.IsAbsoluteUri ? next : new Uri(to, next);
        }

        var t3 = Stopwatch.GetTimestamp();
        using (var page = await http.GetAsync(landing, cancellationToken))
        {
            if (page.StatusCode != HttpStatusCode.OK)
            {
                return Failed($"page on {Name(to)}: HTTP {(int)page.StatusCode} (want 200)");
            }
            var html = await page.Content.ReadAsStringAsync(cancellationToken);
            // Learners land on the module page; course staff on the class readiness dashboard.
            var marker = user.Role == LtiCurriculum.DevPlatform.LtiRoles.Instructor ? "<section id=\"students\">" : "id=\"module-progress\"";
            if (!html.Contains(marker, StringComparison.Ordinal))
            {
                return Failed($"page on {Name(to)}: 200 but not the landing page of the user's role ({landing.AbsolutePath})");
            }
        }
        var t4 = Stopwatch.GetTimestamp();
        var flow = new FlowResult(null, t1 - t0, t2 - t1, t3 - t2, t4 - t3);
        if (replayTo is null)
        {
            return new CrossFlowResult(flow, ReplayOutcome.None);
        }

        using var replay = await PostAsync(replayTo, idToken, state, cookie, cancellationToken);
        var replayBody = await replay.Content.ReadAsStringAsync(cancellationToken);
        if (replay.StatusCode == HttpStatusCode.SeeOther)
        {
            return new CrossFlowResult(flow, ReplayOutcome.Accepted);
        }
        if (replay.StatusCode != HttpStatusCode.Unauthorized || ReasonOf(replayBody) != " reason state_unknown")
        {
            return Failed($"replay on {Name(replayTo)}: HTTP {(int)replay.StatusCode}{ReasonOf(replayBody)} (want 401 state_unknown)");
        }
        return new CrossFlowResult(flow, ReplayOutcome.Refused);
    }

    private async Task<HttpResponseMessage> PostAsync(Uri tool, string idToken, string state, string cookie, CancellationToken cancellationToken)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(tool, "lti/launch"))
        {
            Content = new FormUrlEncodedContent([new("id_token", idToken), new("state", state)]),
        };
        post.Headers.Add("Cookie", cookie);
        return await http.SendAsync(post, cancellationToken);
    }

    private static string LoginUrl(Uri tool, LoadUser user) => new Uri(tool, "lti/login").AbsoluteUri
        + $"?iss={Uri.EscapeDataString(FakePlatform.Issuer)}&client_id={Uri.EscapeDataString(FakePlatform.ClientId)}"
        + $"&lti_deployment_id={Uri.EscapeDataString(FakePlatform.DeploymentId)}"
        + $"&target_link_uri={Uri.EscapeDataString(new Uri(tool, "lti/launch").AbsoluteUri)}&login_hint={Uri.EscapeDataString(user.Subject)}";

    /// <summary>The instance's port, enough to tell A from B in an error.</summary>
    private static string Name(Uri tool) => $":{tool.Port}";

    /// <summary>The launch failure page's reason code, when the body names a known one.</summary>
    private static string ReasonOf(string body)
    {
        var match = System.Text.RegularExpressions.Regex.Match(body, "Reason code</dt>\\s*<dd><code>([a-z_]+)</code>");
        return match.Success ? $" reason {match.Groups[1].Value}" : "";
    }

    private static CrossFlowResult Failed(string error) => new(FlowResult.Fail(error), ReplayOutcome.None);
}
