using System.Diagnostics;
using System.Net;
using LtiCurriculum.Web.Tests.Support;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Telemetry;

/// <summary>The spans an operator reads: login, launch (refusals carry their reason code), key fetch, grade delivery, AGS and NRPS calls.</summary>
public sealed class TraceTests
{
    [Fact]
    public async Task A_refused_launch_is_an_error_span_tagged_with_its_reason_code_under_the_correlation_id_the_page_shows()
    {
        var capture = new TelemetryCapture();
        await using var tool = await ToolInstance.StartAsync(capture.Into(new ToolSettings()));
        using var browser = tool.NewBrowser();
        var steps = await browser.AuthorizeAsync(tool);

        var page = await browser.SubmitAsync(steps.AuthenticationResponse.With("id_token", "a.b.c"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var spans = await capture.WaitForSpansAsync(tool, s => s.Any(x => x.OperationName == "lti.launch"), "the launch span");
        var launch = spans.Single(s => s.OperationName == "lti.launch");
        Assert.Equal(ActivityStatusCode.Error, launch.Status);
        Assert.Equal("id_token_malformed", launch.GetTagItem("lti.reason"));
        Assert.Equal("token-format", launch.GetTagItem("lti.step"));
        Assert.Equal(page.CorrelationId, launch.TraceId.ToString());
        var request = TelemetryCapture.Ancestors(launch, spans).First();
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal("/lti/launch", request.GetTagItem("url.path"));

        var login = spans.Single(s => s.OperationName == "lti.login");
        Assert.Equal(ActivityStatusCode.Unset, login.Status);
    }

    [Fact]
    public async Task A_refused_login_is_an_error_span_tagged_with_its_reason_code()
    {
        var capture = new TelemetryCapture();
        await using var tool = await ToolInstance.StartAsync(capture.Into(new ToolSettings()));
        using var browser = tool.NewBrowser();

        var page = await browser.PostFormAsync(tool.Url("/lti/login"),
            [new("iss", "https://unknown.lms.test"), new("login_hint", "u1"), new("target_link_uri", tool.Origin + "/lti/launch")]);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        var spans = await capture.WaitForSpansAsync(tool, s => s.Any(x => x.OperationName == "lti.login"), "the login span");
        var login = spans.Single(s => s.OperationName == "lti.login");
        Assert.Equal(ActivityStatusCode.Error, login.Status);
        Assert.Equal("login_platform_unknown", login.GetTagItem("lti.reason"));
        Assert.Equal(page.CorrelationId, login.TraceId.ToString());
    }

    [Fact]
    public async Task A_launch_and_its_grade_delivery_are_traced_down_to_the_platform_calls()
    {
        var capture = new TelemetryCapture();
        await using var tool = await ToolInstance.StartAsync(capture.Into(Fast()));

        await SubmitOneRightAnswerAsync(tool);
        var spans = await capture.WaitForSpansAsync(tool, s => s.Any(x => x.OperationName == "grades.deliver" && x.GetTagItem("grades.outcome") is "Delivered"), "a delivered score");

        var launch = spans.Single(s => s.OperationName == "lti.launch");
        Assert.Equal(ActivityStatusCode.Unset, launch.Status);
        Assert.Equal("LtiResourceLinkRequest", launch.GetTagItem("lti.message_type"));
        // The platform's key set is fetched the first time a launch needs it, inside that launch.
        var keys = spans.Single(s => s.OperationName == "lti.jwks.fetch");
        Assert.Equal(launch.SpanId, keys.ParentSpanId);
        Assert.Equal("127.0.0.1", keys.GetTagItem("server.address"));
        Assert.True(keys.GetTagItem("lti.jwks.keys") is int count && count > 0);

        var delivery = spans.Single(s => s.OperationName == "grades.deliver");
        Assert.Equal(ActivityStatusCode.Unset, delivery.Status);
        Assert.Equal(default, delivery.ParentSpanId);
        var score = spans.Single(s => s.OperationName == "lti.ags.score.post");
        Assert.Contains(delivery, TelemetryCapture.Ancestors(score, spans));
        var token = spans.Single(s => s.OperationName == "lti.ags.token");
        Assert.Contains(delivery, TelemetryCapture.Ancestors(token, spans));
        // The HTTP client span below the score call names the method and the path, never the bearer token.
        var post = spans.Single(s => s.Kind == ActivityKind.Client && s.ParentSpanId == score.SpanId);
        Assert.Equal("POST", post.GetTagItem("http.request.method"));
        Assert.EndsWith("/scores", post.GetTagItem("url.full") as string);
        Assert.Equal(200, post.GetTagItem("http.response.status_code") is int status ? status / 100 * 100 : 0);
    }

    [Fact]
    public async Task A_failed_score_post_marks_the_delivery_and_the_ags_span_failed_with_the_platform_status()
    {
        var capture = new TelemetryCapture();
        await using var tool = await ToolInstance.StartAsync(capture.Into(Fast()));
        using var gradebook = DevGradebook.Of(tool);
        await gradebook.AddFaultAsync(new { target = "scores", kind = "status", status = 500, count = 1 });

        await SubmitOneRightAnswerAsync(tool);
        var spans = await capture.WaitForSpansAsync(tool, s => s.Any(x => x.OperationName == "grades.deliver" && x.GetTagItem("grades.outcome") is "Delivered"), "the score delivered after the failure");

        var failed = spans.Single(s => s.OperationName == "grades.deliver" && s.GetTagItem("grades.outcome") is "Retry");
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(500, failed.GetTagItem("grades.status"));
        var call = spans.Single(s => s.OperationName == "lti.ags.score.post" && s.ParentSpanId == failed.SpanId);
        Assert.Equal(ActivityStatusCode.Error, call.Status);
        Assert.Equal(500, call.GetTagItem("lti.platform_status"));
    }

    [Fact]
    public async Task The_class_roster_on_the_dashboard_is_an_nrps_span_inside_the_instructors_request()
    {
        var capture = new TelemetryCapture();
        await using var tool = await ToolInstance.StartAsync(capture.Into(new ToolSettings()));
        using var browser = tool.NewBrowser();

        var steps = await browser.LaunchAsync(tool, user: DevPlatformLaunch.Instructor);

        Assert.Equal("/teach/dashboard", steps.Page!.Url.AbsolutePath);
        var spans = await capture.WaitForSpansAsync(tool, s => s.Any(x => x.OperationName == "lti.nrps.membership"), "the membership call");
        var membership = spans.Single(s => s.OperationName == "lti.nrps.membership");
        Assert.Equal(ActivityStatusCode.Unset, membership.Status);
        Assert.True(membership.GetTagItem("lti.platform_id") is int);
        var request = TelemetryCapture.Ancestors(membership, spans).First(a => a.Kind == ActivityKind.Server);
        Assert.Equal("/teach/dashboard", request.GetTagItem("url.path"));
        Assert.Contains(spans, s => s.OperationName == "lti.ags.token" && TelemetryCapture.Ancestors(s, spans).Contains(membership));
    }
}
