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
    public async Task Development_keeps_the_plain_console()
    {
        using var folder = new TempFolder();
        await using var app = ToolInstance.Build(new ToolSettings(), folder.DatabaseFile);

        Assert.NotEqual(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }
}
