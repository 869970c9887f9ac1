using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests.Teach;

/// <summary>An instructor placing modules the LMS way: a deep-linking launch in the development platform, the picker, settings, the signed response back.</summary>
internal static class TeachKit
{
    public sealed record Item(string Module, string Title, IReadOnlyDictionary<string, string>? Settings = null);

    /// <summary>Deep links <paramref name="items"/> into <paramref name="course"/>; returns the platform's page after the response and the course's links.</summary>
    public static Task<(WebPage PlatformPage, JsonArray Links)> DeepLinkAsync(ToolInstance tool, string course, params Item[] items) =>
        DeepLinkAsync(tool, course, clientId: null, items);

    /// <param name="clientId">A registration the platform made by dynamic registration; null for its built-in one.</param>
    public static async Task<(WebPage PlatformPage, JsonArray Links)> DeepLinkAsync(ToolInstance tool, string course, string? clientId, params Item[] items)
    {
        using var browser = tool.NewBrowser();
        var steps = await browser.LaunchAsync(tool, course, link: null, user: DevPlatformLaunch.Instructor, messageType: DevPlatformLaunch.DeepLinking, clientId: clientId);
        var instructor = new LearnerSession(browser, tool, steps.Page!);
        var setup = await instructor.PostAsync("/teach/deep-linking/setup", items.Select(i => KeyValuePair.Create("module", i.Module)));
        Assert.True(setup.Status == HttpStatusCode.OK, setup.ToString());
        var fields = new List<KeyValuePair<string, string>> { new("count", items.Length.ToString()) };
        for (var i = 0; i < items.Length; i++)
        {
            fields.Add(new($"item{i}_module", items[i].Module));
            fields.Add(new($"item{i}_title", items[i].Title));
            foreach (var (name, value) in items[i].Settings ?? new Dictionary<string, string>())
            {
                fields.Add(new($"item{i}_{name}", value));
            }
        }
        var response = await instructor.PostAsync("/teach/deep-linking/respond", fields);
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        var form = response.Form();
        Assert.Equal(tool.DevPlatformIssuer + "/deep-link-return", form.Action.AbsoluteUri);
        var platformPage = await browser.SubmitAsync(form);
        return (platformPage, await LinksAsync(tool, course));
    }

    public static async Task<JsonArray> LinksAsync(ToolInstance tool, string course)
    {
        using var http = new HttpClient();
        var json = await http.GetFromJsonAsync<JsonObject>($"{tool.DevPlatformIssuer}/courses/{course}/links.json", TestContext.Current.CancellationToken);
        return json!["links"]!.AsArray();
    }

    public static JsonNode CreatedLink(JsonArray links, string title) =>
        links.Single(l => (string?)l!["title"] == title && (bool?)l["createdByDeepLinking"] == true)!;
}
