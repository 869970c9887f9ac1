using System.Net;
using System.Text.Json;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests.Install;

/// <summary>Moodle's "Configure a tool manually" values, served at /lti-config/moodle (HTML) and /lti-config/moodle.json.</summary>
public sealed class MoodleConfigTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private ToolInstance Tool => fixture.Tool;

    /// <summary>The fields of Moodle 4.x/5.x's manual tool form the tool must say something about.</summary>
    internal static readonly string[] ManualFormFields =
    [
        "Tool name", "Tool URL", "Tool description", "LTI version", "Client ID", "Public key type", "Public keyset",
        "Initiate login URL", "Redirection URI(s)", "Custom parameters", "Tool configuration usage", "Default launch container",
        "Supports Deep Linking (Content-Item Message)", "Content Selection URL", "Icon URL", "Secure icon URL",
        "IMS LTI Assignment and Grade Services", "IMS LTI Names and Role Provisioning", "Tool Settings",
        "Share launcher's name with tool", "Share launcher's email with tool", "Accept grades from the tool",
    ];

    internal static async Task<JsonElement> ReadAsync(ToolInstance tool)
    {
        using var browser = tool.NewBrowser();
        var page = await browser.GetAsync(tool.Url("/lti-config/moodle.json"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("application/json", page.Header("Content-Type"), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(page.Html);
        return document.RootElement.Clone();
    }

    /// <summary>Field label → value (null when left as Moodle fills it), over every section.</summary>
    internal static Dictionary<string, string?> Fields(JsonElement configuration) =>
        configuration.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("fields").EnumerateArray())
            .ToDictionary(f => f.GetProperty("label").GetString()!, f => f.GetProperty("value").GetString());

    [Fact]
    public async Task Moodle_json_lists_every_field_of_the_manual_form()
    {
        var fields = Fields(await ReadAsync(Tool));

        Assert.Equal(ManualFormFields.Order(StringComparer.Ordinal), fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("LTI 1.3", fields["LTI version"]);
        Assert.Equal("Keyset URL", fields["Public key type"]);
        Assert.Null(fields["Client ID"]);
        Assert.Equal("Always", fields["Share launcher's name with tool"]);
        Assert.Equal("Always", fields["Share launcher's email with tool"]);
        Assert.Equal("Always", fields["Accept grades from the tool"]);
        Assert.Equal("Do not use this service", fields["Tool Settings"]);
    }

    [Fact]
    public async Task Every_url_in_moodle_json_is_an_endpoint_of_the_tool()
    {
        var fields = Fields(await ReadAsync(Tool));

        ToolRoutes.AssertEndpoint(Tool, Tool.Origin, fields["Tool URL"], "POST");
        ToolRoutes.AssertEndpoint(Tool, Tool.Origin, fields["Public keyset"], "GET");
        ToolRoutes.AssertEndpoint(Tool, Tool.Origin, fields["Initiate login URL"], "GET", "POST");
        foreach (var redirect in fields["Redirection URI(s)"]!.Split('\n'))
        {
            ToolRoutes.AssertEndpoint(Tool, Tool.Origin, redirect, "POST");
        }
        ToolRoutes.AssertEndpoint(Tool, Tool.Origin, fields["Content Selection URL"], "POST");
        await ToolRoutes.AssertServedImageAsync(Tool, Tool.Origin, fields["Icon URL"]);
        await ToolRoutes.AssertServedImageAsync(Tool, Tool.Origin, fields["Secure icon URL"]);
    }

    [Fact]
    public async Task Moodle_services_grant_what_the_grade_and_roster_clients_use()
    {
        var fields = Fields(await ReadAsync(Tool));
        var canvasScopes = (await CanvasConfigTests.ReadAsync(Tool)).GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ToList();

        // Moodle maps "grade sync and column management" to the lineitem scope, which creating a column needs.
        Assert.Contains("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", canvasScopes);
        Assert.Equal("Use this service for grade sync and column management", fields["IMS LTI Assignment and Grade Services"]);
        Assert.Contains("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly", canvasScopes);
        Assert.Equal("Use this service to retrieve members' information as per privacy settings", fields["IMS LTI Names and Role Provisioning"]);
        Assert.Equal("Yes (ticked)", fields["Supports Deep Linking (Content-Item Message)"]);
    }

    [Fact]
    public async Task Moodle_page_shows_every_field_with_its_value_as_code()
    {
        var configuration = await ReadAsync(Tool);
        using var browser = Tool.NewBrowser();

        var page = await browser.GetAsync(Tool.Url("/lti-config/moodle"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("text/html", page.Header("Content-Type"), StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(page.Html);
        foreach (var (label, value) in Fields(configuration))
        {
            Assert.Contains($"<th scope=\"row\">{label}</th>", html, StringComparison.Ordinal);
            if (value is not null)
            {
                Assert.Contains($"<code>{value}</code>", html, StringComparison.Ordinal);
            }
        }
        foreach (var issued in configuration.GetProperty("issuedByMoodle").EnumerateArray())
        {
            Assert.Contains(issued.GetProperty("label").GetString()!, html, StringComparison.Ordinal);
        }
        Assert.Contains($"<code>{configuration.GetProperty("registerCommand").GetString()}</code>", html, StringComparison.Ordinal);
        Assert.True(page.Text.IndexOf("Dynamic Registration", StringComparison.Ordinal) < page.Text.IndexOf("configure a tool manually", StringComparison.Ordinal),
            "Dynamic Registration, the easier way, comes first.");
    }

    [Fact]
    public async Task Register_command_has_an_option_for_every_value_Moodle_issues()
    {
        var configuration = await ReadAsync(Tool);
        var command = configuration.GetProperty("registerCommand").GetString()!;

        Assert.StartsWith("dotnet LtiCurriculum.Web.dll platforms add ", command, StringComparison.Ordinal);
        var options = configuration.GetProperty("issuedByMoodle").EnumerateArray().Select(v => v.GetProperty("option").GetString()!).ToList();
        Assert.Equal(
            new[] { "--authorization-endpoint", "--client-id", "--deployment-id", "--issuer", "--jwks-uri", "--token-endpoint" },
            options.Order(StringComparer.Ordinal));
        foreach (var issued in configuration.GetProperty("issuedByMoodle").EnumerateArray())
        {
            Assert.Contains($"{issued.GetProperty("option").GetString()} \"<{issued.GetProperty("label").GetString()}>\"", command, StringComparison.Ordinal);
        }
    }
}
