using System.Net;
using System.Text.RegularExpressions;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class RegistrationPageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Home_page_offers_a_labelled_register_a_tool_form()
    {
        await using var tool = await RegisteringTool.StartAsync();

        var html = await tool.Client.GetStringAsync("/dev-platform", Cancel);

        Assert.Contains("<h2 id=\"register-tool\">Register a tool (Dynamic Registration)</h2>", html);
        Assert.Contains("<label for=\"tool-registration-url\">The tool's registration URL</label>", html);
        Assert.Contains("<input type=\"url\" id=\"tool-registration-url\" name=\"toolRegistrationUrl\" required", html);
        Assert.Contains("<legend>Which LMS to imitate</legend>", html);
        Assert.Contains("id=\"flavour-canvas\" name=\"flavour\" value=\"canvas\"", html);
        Assert.Contains($"action=\"{tool.Issuer}/register-tool\"", html);
    }

    [Fact]
    public async Task Register_tool_page_frames_the_initiation_url_and_waits_for_the_close_message()
    {
        await using var tool = await RegisteringTool.StartAsync();

        var response = await tool.Client.PostAsync("/dev-platform/register-tool", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["toolRegistrationUrl"] = "https://tool.example/lti/register?secret=s1",
            ["flavour"] = "canvas",
        }), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-src https://tool.example", response.Headers.GetValues("Content-Security-Policy").Single());
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
        var src = Regex.Match(html, "<iframe id=\"tool-registration\" title=\"The tool's registration page\" src=\"(?<src>[^\"]*)\"").Groups["src"].Value;
        Assert.StartsWith("https://tool.example/lti/register?secret=s1&openid_configuration=", src);
        Assert.Contains("registration_token=", src);
        Assert.Contains("org.imsglobal.lti.close", html);
        Assert.Contains("JSON.parse", html);
        Assert.Contains("role=\"status\"", html);
    }

    [Fact]
    public async Task Register_tool_page_refuses_a_bad_url_in_words()
    {
        await using var tool = await RegisteringTool.StartAsync();

        var response = await tool.Client.PostAsync("/dev-platform/register-tool", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["toolRegistrationUrl"] = "javascript:alert(1)",
            ["flavour"] = "moodle",
        }), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("toolRegistrationUrl", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Registrations_page_has_launch_and_deep_linking_buttons_per_registration()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var clientId = RegisteringTool.ClientId(await tool.RegisterAsync("moodle"));

        var html = await tool.Client.GetStringAsync("/dev-platform/registrations", Cancel);

        Assert.Contains("<h2 id=\"registration-" + clientId + "\">LtiCurriculum (moodle)</h2>", html);
        Assert.Equal(2, Regex.Count(html, $"name=\"client_id\" value=\"{clientId}\""));
        Assert.Contains("value=\"learner-ana\">Launch as learner", html);
        Assert.Contains("value=\"instructor-lee\">Launch as instructor", html);
        Assert.Contains("value=\"instructor-lee\">Add activity (Deep Linking)", html);
    }

    [Fact]
    public async Task Home_page_with_a_chosen_registration_launches_every_link_with_it()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var clientId = RegisteringTool.ClientId(await tool.RegisterAsync("canvas"));

        var plain = await tool.Client.GetStringAsync("/dev-platform", Cancel);
        var chosen = await tool.Client.GetStringAsync($"/dev-platform?client_id={clientId}", Cancel);

        Assert.DoesNotContain("name=\"client_id\" value=", plain);
        Assert.Contains("<label for=\"client-id\">Tool to launch</label>", plain);
        Assert.Equal(Regex.Count(chosen, "name=\"link\" value="), Regex.Count(chosen, $"name=\"client_id\" value=\"{clientId}\""));
        Assert.Contains("name=\"style\" value=\"get\"", chosen);
    }
}
