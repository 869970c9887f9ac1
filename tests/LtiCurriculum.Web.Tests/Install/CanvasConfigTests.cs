using System.Net;
using System.Text.Json;
using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Lti.Nrps;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests.Install;

/// <summary>The Canvas developer key JSON the running tool serves at /lti-config/canvas.json.</summary>
public sealed class CanvasConfigTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private ToolInstance Tool => fixture.Tool;

    internal static async Task<JsonElement> ReadAsync(ToolInstance tool)
    {
        using var browser = tool.NewBrowser();
        var page = await browser.GetAsync(tool.Url("/lti-config/canvas.json"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("application/json", page.Header("Content-Type"), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(page.Html);
        return document.RootElement.Clone();
    }

    private static string Text(JsonElement element, string name)
    {
        Assert.True(element.TryGetProperty(name, out var value), $"Canvas needs '{name}'.");
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(value.GetString()), $"'{name}' is empty.");
        return value.GetString()!;
    }

    [Fact]
    public async Task Canvas_json_has_every_field_Canvas_requires()
    {
        var key = await ReadAsync(Tool);

        foreach (var name in new[] { "title", "description", "oidc_initiation_url", "target_link_uri", "public_jwk_url" })
        {
            Text(key, name);
        }
        Assert.Equal(JsonValueKind.Object, key.GetProperty("custom_fields").ValueKind);
        var extension = Assert.Single(key.GetProperty("extensions").EnumerateArray());
        Assert.Equal("canvas.instructure.com", Text(extension, "platform"));
        Assert.Equal(new Uri(Tool.Origin).Authority, Text(extension, "domain"));
        Text(extension, "tool_id");
        Assert.Contains(Text(extension, "privacy_level"), new[] { "anonymous", "name_only", "email_only", "public" });
        var settings = extension.GetProperty("settings");
        Text(settings, "text");
        Text(settings, "icon_url");
        var placements = settings.GetProperty("placements").EnumerateArray().ToList();
        foreach (var placement in placements)
        {
            Text(placement, "target_link_uri");
            Text(placement, "text");
        }
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["link_selection"] = "LtiDeepLinkingRequest",
                ["assignment_selection"] = "LtiDeepLinkingRequest",
                ["course_navigation"] = "LtiResourceLinkRequest",
            },
            placements.ToDictionary(p => Text(p, "placement"), p => Text(p, "message_type")));
    }

    [Fact]
    public async Task Every_url_in_canvas_json_is_an_endpoint_of_the_tool()
    {
        var key = await ReadAsync(Tool);
        var settings = key.GetProperty("extensions")[0].GetProperty("settings");

        // Canvas may start the login with either method (LTI Core 1.3 §5.1.1: "GET or POST").
        ToolRoutes.AssertEndpoint(Tool, Tool.Origin, Text(key, "oidc_initiation_url"), "GET", "POST");
        ToolRoutes.AssertEndpoint(Tool, Tool.Origin, Text(key, "target_link_uri"), "POST");
        ToolRoutes.AssertEndpoint(Tool, Tool.Origin, Text(key, "public_jwk_url"), "GET");
        foreach (var placement in settings.GetProperty("placements").EnumerateArray())
        {
            ToolRoutes.AssertEndpoint(Tool, Tool.Origin, Text(placement, "target_link_uri"), "POST");
            await ToolRoutes.AssertServedImageAsync(Tool, Tool.Origin, Text(placement, "icon_url"));
        }
        await ToolRoutes.AssertServedImageAsync(Tool, Tool.Origin, Text(settings, "icon_url"));
    }

    [Fact]
    public async Task Canvas_json_asks_for_exactly_the_scopes_the_grade_and_roster_clients_use()
    {
        var key = await ReadAsync(Tool);

        var asked = key.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!).ToList();

        Assert.Equal(asked.Count, asked.Distinct().Count());
        Assert.Equal(AgsScopes.All.Append(NrpsScopes.ContextMembershipReadOnly).Order(StringComparer.Ordinal), asked.Order(StringComparer.Ordinal));
    }
}
