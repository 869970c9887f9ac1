using System.Net;
using System.Text.RegularExpressions;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class HomePageTests(DevPlatformFixture fixture) : IClassFixture<DevPlatformFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Home_page_has_one_launch_button_per_link_for_the_chosen_user()
    {
        var html = await fixture.Host.Client.GetStringAsync("/dev-platform", Cancel);

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<h1>LtiCurriculum Development Platform</h1>", html);
        Assert.Contains("MED-501 Leading Curriculum Change", html);
        Assert.Contains("MED-210 Hematology/Oncology Clinical Pre-work", html);
        var directory = new DemoDirectory();
        var links = directory.Courses.Sum(c => c.Links.Count);
        foreach (var link in directory.Courses.SelectMany(c => c.Links))
        {
            Assert.Equal(1, Regex.Count(html, $"name=\"link\" value=\"{link.Id}\""));
        }

        // The first demo user until another is chosen; a learner gets no deep linking button.
        Assert.Equal(links, Regex.Count(html, "<button type=\"submit\" name=\"user\" value=\"learner-ana\">Launch<span class=\"visually-hidden\">"));
        Assert.Equal(links, Regex.Count(html, "<button type=\"submit\" name=\"user\""));
        Assert.DoesNotContain("Add activity (Deep Linking)", html);
        Assert.Contains("<option value=\"learner-ana\" selected>", html);
    }

    [Fact]
    public async Task User_picker_lists_demo_users_and_roster_students()
    {
        var html = await fixture.Host.Client.GetStringAsync("/dev-platform", Cancel);

        Assert.Contains("<label for=\"as\">Launch as</label>", html);
        Assert.Contains("<select id=\"as\" name=\"as\">", html);
        foreach (var user in new DemoDirectory().Everyone)
        {
            Assert.Contains($"<option value=\"{user.Key}\"", html);
        }

        Assert.Contains("<optgroup label=\"Course roster: students\">", html);
        Assert.Contains("Oluwaseun Adeyemi (student, inactive)", html);
    }

    [Fact]
    public async Task Chosen_staff_user_gets_launch_buttons_and_a_deep_linking_button_per_course()
    {
        var html = await fixture.Host.Client.GetStringAsync("/dev-platform?as=instructor-lee&accept_multiple=false", Cancel);

        var directory = new DemoDirectory();
        var links = directory.Courses.Sum(c => c.Links.Count);
        Assert.Equal(links + directory.Courses.Count, Regex.Count(html, "<button type=\"submit\" name=\"user\" value=\"instructor-lee\">"));
        Assert.Equal(directory.Courses.Count, Regex.Count(html, ">Add activity \\(Deep Linking\\)<span class=\"visually-hidden\">"));
        Assert.Equal(directory.Courses.Count, Regex.Count(html, "name=\"message_type\" value=\"LtiDeepLinkingRequest\""));
        Assert.Equal(directory.Courses.Count, Regex.Count(html, "type=\"hidden\" name=\"accept_multiple\" value=\"false\""));
        Assert.Contains("<option value=\"instructor-lee\" selected>", html);
        Assert.Contains("You launch as <strong>Dr. Jordan Lee (instructor)</strong>", html);
    }

    [Fact]
    public async Task Roster_student_can_be_chosen_and_launches()
    {
        var html = await fixture.Host.Client.GetStringAsync("/dev-platform?as=student-05", Cancel);
        var token = LaunchFlow.Payload(await new LaunchFlow(fixture.Host).LaunchAsync(user: "student-05"));

        Assert.Contains("<button type=\"submit\" name=\"user\" value=\"student-05\">Launch", html);
        Assert.Equal("dev-student-05", token.GetProperty("sub").GetString());
        Assert.Equal("Priya Natarajan", token.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Home_page_carries_chosen_locale_and_style_into_launch_forms()
    {
        var html = await fixture.Host.Client.GetStringAsync("/dev-platform?as=ta-kim&locale=zh-CN&style=get", Cancel);

        var directory = new DemoDirectory();
        var forms = directory.Courses.Sum(c => c.Links.Count) + directory.Courses.Count;
        Assert.Equal(forms, Regex.Count(html, "type=\"hidden\" name=\"locale\" value=\"zh-CN\""));
        Assert.Equal(forms, Regex.Count(html, "type=\"hidden\" name=\"style\" value=\"get\""));
        Assert.Contains("<option value=\"zh-CN\" selected", html);
        Assert.Contains("value=\"get\" checked", html);
    }

    [Fact]
    public async Task Unknown_user_in_the_query_falls_back_to_the_first_demo_user()
    {
        var html = await fixture.Host.Client.GetStringAsync("/dev-platform?as=%3Cscript%3E", Cancel);

        Assert.Contains("<option value=\"learner-ana\" selected>", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task Home_page_labels_every_form_control()
    {
        var html = await fixture.Host.Client.GetStringAsync("/dev-platform?as=admin", Cancel);

        Assert.Contains("<label for=\"locale\">", html);
        Assert.Contains("<select id=\"locale\"", html);
        Assert.Contains("<label for=\"style-post\">", html);
        Assert.Contains("<label for=\"style-get\">", html);
        Assert.Contains("<label for=\"accept-multiple-true\">", html);
        Assert.Contains("<label for=\"accept-multiple-false\">", html);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html);
        foreach (Match form in Regex.Matches(html, "<form [^>]*>"))
        {
            var labelledBy = Regex.Match(form.Value, "aria-labelledby=\"([^\"]+)\"").Groups[1].Value;
            Assert.NotEmpty(labelledBy);
            Assert.Contains($"id=\"{labelledBy}\"", html);
        }
    }

    [Fact]
    public async Task Pages_let_only_their_own_nonce_run_script_and_style()
    {
        var login = await fixture.Host.Client.PostAsync("/dev-platform/launch", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["course"] = "med-501", ["link"] = "link-cc-1", ["user"] = "learner-ana",
        }), Cancel);
        var again = await fixture.Host.Client.GetAsync("/dev-platform", Cancel);

        var policy = login.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Regex.Match(policy, "script-src 'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"style-src 'nonce-{nonce}'", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        var html = await login.Content.ReadAsStringAsync(Cancel);
        Assert.Contains($"<script nonce=\"{nonce}\">", html);
        Assert.DoesNotContain(nonce, again.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-store", login.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
