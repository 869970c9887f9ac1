using System.Text.Json;
using System.Text.Json.Nodes;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests.Install;

/// <summary>A tool behind a proxy, known to LMSs as https://lti.example.edu (the address the lti-config/ templates use).</summary>
public sealed class PublicToolFixture : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://lti.example.edu";

    private ToolInstance? _tool;

    internal ToolInstance Tool => _tool ?? throw new InvalidOperationException("The tool has not started.");

    public async ValueTask InitializeAsync() => _tool = await ToolInstance.StartAsync(new ToolSettings
    {
        Configuration = new Dictionary<string, string?> { ["Tool:PublicBaseUrl"] = PublicBaseUrl + "/" },
    });

    public async ValueTask DisposeAsync()
    {
        if (_tool is not null)
        {
            await _tool.DisposeAsync();
        }
    }
}

/// <summary>With Tool:PublicBaseUrl set, the served documents use it, and the lti-config/ templates are exactly them.</summary>
public sealed class PublicBaseUrlTests(PublicToolFixture fixture) : IClassFixture<PublicToolFixture>
{
    private const string Base = PublicToolFixture.PublicBaseUrl;

    private ToolInstance Tool => fixture.Tool;

    [Fact]
    public async Task Canvas_template_is_the_served_document_of_a_tool_at_the_example_address()
    {
        var served = JsonNode.Parse((await CanvasConfigTests.ReadAsync(Tool)).GetRawText());
        var template = JsonNode.Parse(RepositoryFiles.Read("lti-config/canvas-developer-key.json"));

        Assert.True(JsonNode.DeepEquals(served, template),
            "lti-config/canvas-developer-key.json differs from what a tool at https://lti.example.edu serves; replace it with:\n"
            + served!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    [Fact]
    public async Task Every_url_the_tool_gives_an_lms_uses_the_public_base_url()
    {
        var canvas = (await CanvasConfigTests.ReadAsync(Tool)).GetRawText();
        var moodle = MoodleConfigTests.Fields(await MoodleConfigTests.ReadAsync(Tool));

        var canvasUrls = Urls(JsonNode.Parse(canvas)!).ToList();
        Assert.True(canvasUrls.Count >= 5, $"Expected the Canvas document's URLs, found {canvasUrls.Count}.");
        Assert.All(canvasUrls, url => Assert.StartsWith(Base + "/", url, StringComparison.Ordinal));
        var moodleUrls = moodle.Values.OfType<string>().SelectMany(v => v.Split('\n')).Where(v => v.StartsWith("http", StringComparison.Ordinal)).ToList();
        Assert.True(moodleUrls.Count >= 7, $"Expected the Moodle fields' URLs, found {moodleUrls.Count}.");
        Assert.All(moodleUrls, url => Assert.StartsWith(Base + "/", url, StringComparison.Ordinal));
        Assert.DoesNotContain("127.0.0.1", canvas, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moodle_template_has_every_served_field_with_its_value()
    {
        var configuration = await MoodleConfigTests.ReadAsync(Tool);
        var fields = MoodleConfigTests.Fields(configuration);
        var template = RepositoryFiles.Read("lti-config/moodle-manual-configuration.md");
        var rows = template.Split('\n').Where(l => l.StartsWith('|')).ToList();

        foreach (var (label, value) in fields)
        {
            var row = rows.FirstOrDefault(r => r.StartsWith($"| {label} |", StringComparison.Ordinal));
            Assert.True(row is not null, $"lti-config/moodle-manual-configuration.md has no row for \"{label}\".");
            Assert.Contains(value is null ? "Leave empty" : $"`{value.Replace("\n", "` `", StringComparison.Ordinal)}`", row, StringComparison.Ordinal);
        }
        foreach (var issued in configuration.GetProperty("issuedByMoodle").EnumerateArray())
        {
            Assert.Contains($"| {issued.GetProperty("label").GetString()} | `{issued.GetProperty("option").GetString()}` |", template, StringComparison.Ordinal);
        }
        Assert.Contains(configuration.GetProperty("registerCommand").GetString()!, template, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Urls(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Urls(p.Value)),
        JsonArray a => a.SelectMany(i => i is null ? [] : Urls(i)),
        JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith("http", StringComparison.Ordinal) && !s.StartsWith("https://purl.imsglobal.org/", StringComparison.Ordinal) => [s],
        _ => [],
    };
}
