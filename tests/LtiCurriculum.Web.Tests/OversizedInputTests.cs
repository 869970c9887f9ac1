using System.Net.Http.Headers;
using System.Text;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests;

/// <summary>
/// Every endpoint that takes a body, found in the app's own route table (so a new one is covered the day it is
/// mapped), answers oversized or malformed input with a 4xx, never a 500: an 8 MB value, 20,000 fields, 2 MB of
/// broken JSON and broken multipart forms, each sent with and without a learner's session.
/// </summary>
public sealed class OversizedInputTests
{
    private static readonly string[] BodyMethods = ["POST", "PUT", "PATCH", "DELETE"];

    [Fact]
    public async Task No_endpoint_answers_oversized_or_malformed_bodies_with_a_server_error()
    {
        await using var tool = await ToolInstance.StartAsync();
        var learner = await LearnerSession.LaunchAsync(tool);
        var targets = tool.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Intersect(BodyMethods)
                .Select(method => (Method: method, Path: Fill(e.RoutePattern.RawText ?? ""))))
            .Distinct()
            .ToList();
        Assert.True(targets.Count > 20, $"Only {targets.Count} endpoints with a body were found; the route table was not read.");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
        var failures = new List<string>();

        foreach (var (method, path) in targets)
        {
            foreach (var (name, body) in Bodies())
            {
                foreach (var session in new[] { null, learner.Token })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), tool.Url(path)) { Content = body() };
                    if (session is not null)
                    {
                        request.Headers.Add("X-Lti-Session", session);
                    }
                    int status;
                    try
                    {
                        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
                        status = (int)response.StatusCode;
                    }
                    catch (HttpRequestException ex) when (ex.InnerException is IOException)
                    {
                        // The server answered (a 4xx such as 413) and closed the connection before taking the whole body.
                        continue;
                    }
                    if (status >= 500)
                    {
                        failures.Add($"{method} {path} with {name}{(session is null ? "" : " and a session")}: {status}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData("/learn/answer", "an 8 MB answer")]
    [InlineData("/learn/submit", "an 8 MB answer")]
    [InlineData("/learn/answer", "20,000 fields")]
    [InlineData("/learn/submit", "20,000 fields")]
    public async Task An_8_MB_answer_or_20000_fields_with_a_valid_session_is_413_form_too_large(string path, string what)
    {
        await using var tool = await ToolInstance.StartAsync();
        var learner = await LearnerSession.LaunchAsync(tool);
        using var http = new HttpClient();
        List<KeyValuePair<string, string>> fields = [new("form_token", learner.FormToken)];
        fields.AddRange(what == "20,000 fields"
            ? Enumerable.Range(0, 20_000).Select(i => new KeyValuePair<string, string>("answer", $"o{i}"))
            : [new("answer", new string('a', 8 * 1024 * 1024))]);
        using var request = new HttpRequestMessage(HttpMethod.Post, tool.Url(path)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Lti-Session", learner.Token);
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("form_too_large", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>
    /// Each endpoint group's own limits (LtiCurriculum.Web.Hosting.Limits.BodyLimits): one field more than it takes, or
    /// one value one character too long, in a body that is itself within the group's size; sent with the session the
    /// group needs, so the form is read where it matters. Platforms' posts answer 400, the tool's own forms 413.
    /// </summary>
    [Theory]
    [InlineData("/lti/login", "fields", 400)]
    [InlineData("/lti/login", "value", 400)]
    [InlineData("/lti/launch", "fields", 400)]
    [InlineData("/lti/launch", "value", 400)]
    [InlineData("/lti/register/confirm", "fields", 413)]
    [InlineData("/lti/register/confirm", "value", 413)]
    [InlineData("/learn/answer", "fields", 413)]
    [InlineData("/learn/answer", "value", 413)]
    [InlineData("/learn/submit", "fields", 413)]
    [InlineData("/learn/submit", "value", 413)]
    [InlineData("/teach/settings", "fields", 413)]
    [InlineData("/teach/settings", "value", 413)]
    [InlineData("/teach/grades/grade", "fields", 413)]
    public async Task One_field_too_many_or_one_value_too_long_is_refused_per_endpoint_group(string path, string over, int expected)
    {
        await using var tool = await ToolInstance.StartAsync();
        var user = path.StartsWith("/teach", StringComparison.Ordinal) ? DevPlatformLaunch.Instructor : DevPlatformLaunch.Learner;
        var session = path.StartsWith("/learn", StringComparison.Ordinal) || path.StartsWith("/teach", StringComparison.Ordinal)
            ? await LearnerSession.LaunchAsync(tool, user: user)
            : null;
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;
        request.Path = path;
        var limit = LtiCurriculum.Web.Hosting.Limits.BodyLimits.For(LtiCurriculum.Web.Hosting.Limits.EndpointGroups.Of(request))!;
        List<KeyValuePair<string, string>> fields = session is null ? [] : [new("form_token", session.FormToken)];
        fields.AddRange(over == "fields"
            ? Enumerable.Range(0, limit.MaxFields + 1).Select(i => new KeyValuePair<string, string>($"f{i}", "v"))
            : [new("answer", new string('a', limit.MaxValueLength + 1))]);
        var content = new FormUrlEncodedContent(fields);
        Assert.True(content.Headers.ContentLength < limit.MaxBodyBytes, "the body itself is within the group's size");
        using var message = new HttpRequestMessage(HttpMethod.Post, tool.Url(path)) { Content = content };
        if (session is not null)
        {
            message.Headers.Add("X-Lti-Session", session.Token);
        }
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await http.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Contains(expected == 413 ? "form_too_large" : "request_malformed", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>
    /// A multipart form that cannot be read is the sender's mistake, not "too large": 400 <c>request_malformed</c>,
    /// whether the session rides in a header (the handler reads the form) or in the form itself (the session handler
    /// reads it first). Cut short, the framework's reader threw an IOException that was answered 500.
    /// </summary>
    [Theory]
    [InlineData("/learn/answer", "cut short", true)]
    [InlineData("/learn/answer", "cut short", false)]
    [InlineData("/learn/answer", "without a boundary", true)]
    [InlineData("/learn/answer", "with an overlong boundary", false)]
    [InlineData("/teach/settings", "cut short", true)]
    [InlineData("/teach/settings", "cut short", false)]
    [InlineData("/teach/settings", "without a boundary", false)]
    [InlineData("/teach/grades/grade", "with an overlong boundary", true)]
    [InlineData("/lti/register/confirm", "cut short", false)]
    [InlineData("/lti/register/confirm", "without a boundary", false)]
    public async Task A_broken_multipart_form_is_400_request_malformed(string path, string broken, bool sessionInHeader)
    {
        await using var tool = await ToolInstance.StartAsync();
        var session = path.StartsWith("/lti", StringComparison.Ordinal)
            ? null
            : await LearnerSession.LaunchAsync(tool, user: path.StartsWith("/teach", StringComparison.Ordinal) ? DevPlatformLaunch.Instructor : DevPlatformLaunch.Learner);
        var content = BrokenMultipart(broken, sessionInHeader ? null : session?.Token);
        using var message = new HttpRequestMessage(HttpMethod.Post, tool.Url(path)) { Content = content };
        if (sessionInHeader && session is not null)
        {
            message.Headers.Add("X-Lti-Session", session.Token);
        }
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await http.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("request_malformed", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static ByteArrayContent BrokenMultipart(string broken, string? sessionField)
    {
        var start = sessionField is null ? "" : $"--zz\r\nContent-Disposition: form-data; name=\"lti_session\"\r\n\r\n{sessionField}\r\n";
        var (body, contentType) = broken switch
        {
            "cut short" => (start + "--zz\r\nContent-Disposition: form-data; name=\"answer\"\r\n\r\nno closing boundary", "multipart/form-data; boundary=zz"),
            "without a boundary" => (start + "--zz--\r\n", "multipart/form-data"),
            _ => (start + "--zz--\r\n", "multipart/form-data; boundary=" + new string('z', 100)),
        };
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static IEnumerable<(string Name, Func<HttpContent> Body)> Bodies()
    {
        yield return ("a multipart form cut short", () => BrokenMultipart("cut short", null));
        yield return ("a multipart form without a boundary", () => BrokenMultipart("without a boundary", null));
        yield return ("an 8 MB form value", () => new FormUrlEncodedContent([new("answer", new string('a', 8 * 1024 * 1024)), new("question", "q1")]));
        yield return ("20,000 form fields", () => new StringContent(string.Join('&', Enumerable.Range(0, 20_000).Select(i => $"f{i}=v")), Encoding.UTF8, "application/x-www-form-urlencoded"));
        yield return ("2 MB of broken JSON", () =>
        {
            var content = new StringContent("{\"answer\":\"" + new string('b', 2 * 1024 * 1024), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        });
    }

    /// <summary>A concrete path for a route pattern: each parameter gets a plausible value.</summary>
    private static string Fill(string pattern) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), @"\{([^}:=?*]+)[^}]*\}", m => m.Groups[1].Value switch
        {
            "flavour" => "moodle",
            "courseId" or "course" => "med-501",
            _ => "1",
        });
}
