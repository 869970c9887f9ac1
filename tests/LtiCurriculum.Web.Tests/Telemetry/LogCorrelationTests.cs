using System.Net;
using System.Text.Json;
using LtiCurriculum.Web.Hosting.Telemetry;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Tests.Telemetry;

/// <summary>Every log line of a request carries its trace id, the correlation id error pages show; Production writes JSON lines with it.</summary>
public sealed class LogCorrelationTests
{
    [Fact]
    public async Task Every_line_logged_inside_a_request_carries_the_trace_id_the_error_page_shows()
    {
        var capture = new LogCapture();
        await using var tool = await ToolInstance.StartAsync(capture.Into(new ToolSettings()));
        using var browser = tool.NewBrowser();
        var steps = await browser.AuthorizeAsync(tool);

        var refused = await browser.SubmitAsync(steps.AuthenticationResponse.With("id_token", "a.b.c"));

        var inRequests = capture.Logs.Where(l => l.Scope("RequestId") is not null).ToList();
        Assert.True(inRequests.Count > 10, $"only {inRequests.Count} lines were logged inside requests");
        Assert.All(inRequests, l => Assert.Matches("^[0-9a-f]{32}$", l.Scope("TraceId")));
        var rejection = Assert.Single(capture.Logs, l => l.Message.StartsWith("LTI launch rejected: id_token_malformed", StringComparison.Ordinal));
        Assert.Equal(refused.CorrelationId, rejection.Scope("TraceId"));
        Assert.Contains(capture.Logs, l => l.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && l.Scope("TraceId") == refused.CorrelationId);
    }

    [Fact]
    public async Task Production_logs_json_lines_with_scopes_through_the_redactor()
    {
        using var folder = new TempFolder();
        await using var app = ToolInstance.Build(new ToolSettings { Environment = "Production", DevPlatform = false }, folder.DatabaseFile);

        Assert.Equal(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        var json = app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.True(json.IncludeScopes);
        Assert.True(json.UseUtcTimestamp);
        Assert.IsType<RedactingLoggerFactory>(app.Services.GetRequiredService<ILoggerFactory>());
    }

    [Fact]
    public async Task A_production_process_writes_json_lines_and_each_refused_launch_s_line_carries_the_correlation_id_its_page_shows()
    {
        using var folder = new TempFolder();
        using var tool = await ChildTool.StartAsync(folder.DatabaseFile, new Dictionary<string, string?>(), environment: "Production");
        using var browser = new TestBrowser();
        var correlationIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var page = await browser.PostFormAsync(new Uri(tool.Origin + "/lti/launch"), [new("id_token", "a.b.c"), new("state", $"c3RhdGVzdGF0ZXN0YXRlc3RhdGVzdGF0ZXN0YXRlc3RhdGU{i}")]);
            Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
            correlationIds.Add(Assert.IsType<string>(page.CorrelationId));
        }

        var rejections = await WaitForLinesAsync(tool, lines => lines.Count(l => l.Contains("LTI launch rejected", StringComparison.Ordinal)) >= 3);

        // Every line the process wrote is one JSON object, startup lines included.
        var entries = rejections.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var refused = entries.Where(e => e.GetProperty("Message").GetString()!.StartsWith("LTI launch rejected", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, refused.Count);
        Assert.Equal(correlationIds.Order(), refused.Select(TraceId).Order());
        Assert.All(refused, e => Assert.Equal("Warning", e.GetProperty("LogLevel").GetString()));
        Assert.All(refused, e => Assert.Contains(e.GetProperty("Scopes").EnumerateArray(), s => s.TryGetProperty("RequestPath", out var path) && path.GetString() == "/lti/launch"));
    }

    private static string? TraceId(JsonElement entry) =>
        entry.GetProperty("Scopes").EnumerateArray().Select(s => s.TryGetProperty("TraceId", out var id) ? id.GetString() : null).Single(id => id is not null);

    /// <summary>The process's output once <paramref name="done"/> holds (the console writes on its own thread), within 30 s.</summary>
    private static async Task<IReadOnlyList<string>> WaitForLinesAsync(ChildTool tool, Func<IReadOnlyList<string>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var lines = tool.RecentLines;
            if (done(lines)) return lines;
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting for the log lines. Output:{Environment.NewLine}{tool.RecentOutput}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Development_keeps_the_plain_console()
    {
        using var folder = new TempFolder();
        await using var app = ToolInstance.Build(new ToolSettings(), folder.DatabaseFile);

        Assert.NotEqual(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }
}
