using System.Net;
using System.Text.RegularExpressions;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class HomePageTests(DevPlatformFixture fixture) : IClassFixture<DevPlatformFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Home_page_lists_demo_courses_links_and_users()
    {
        var html = await fixture.Host.Client.GetStringAsync("/dev-platform", Cancel);

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<h1>LtiCurriculum Development Platform</h1>", html);
        Assert.Contains("MED-501 Leading Curriculum Change", html);
        Assert.Contains("MED-210 Hematology/Oncology Clinical Pre-work", html);
        foreach (var link in new[] { "link-cc-1", "link-cc-2", "link-ho-1", "link-ho-2" })
        {
            Assert.Contains($"name=\"link\" value=\"{link}\"", html);
        }

        var directory = new DemoDirectory();
        var links = directory.Courses.Sum(c => c.Links.Count);
        var forms = links + directory.Courses.Count;
        var users = new[] { "learner-ana", "learner-private", "instructor-lee", "ta-kim", "admin", "anonymous", "test-student" };
        foreach (var user in users)
        {
            Assert.Equal(forms, Regex.Count(html, $"<button type=\"submit\" name=\"user\" value=\"{user}\">"));
        }

        Assert.Equal(links * users.Length, Regex.Count(html, ">Launch as "));
        Assert.Equal(directory.Courses.Count * users.Length, Regex.Count(html, ">Start deep linking as "));
        Assert.Contains("name=\"message_type\" value=\"LtiDeepLinkingRequest\"", html);
    }

    [Fact]
    public async Task Home_page_carries_chosen_locale_and_style_into_launch_forms()
    {
        var html = await fixture.Host.Client.GetStringAsync("/dev-platform?locale=zh-CN&style=get", Cancel);

        var directory = new DemoDirectory();
        var forms = directory.Courses.Sum(c => c.Links.Count) + directory.Courses.Count;
        Assert.Equal(forms, Regex.Count(html, "type=\"hidden\" name=\"locale\" value=\"zh-CN\""));
        Assert.Equal(forms, Regex.Count(html, "type=\"hidden\" name=\"style\" value=\"get\""));
        Assert.Contains("<option value=\"zh-CN\" selected", html);
        Assert.Contains("value=\"get\" checked", html);
    }

    [Fact]
    public async Task Home_page_labels_every_form_control()
    {
        var html = await fixture.Host.Client.GetStringAsync("/dev-platform", Cancel);

        Assert.Contains("<label for=\"locale\">", html);
        Assert.Contains("<select id=\"locale\"", html);
        Assert.Contains("<label for=\"style-post\">", html);
        Assert.Contains("<label for=\"style-get\">", html);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html);
        foreach (Match form in Regex.Matches(html, "<form [^>]*>"))
        {
            Assert.Contains("aria-labelledby=", form.Value);
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
