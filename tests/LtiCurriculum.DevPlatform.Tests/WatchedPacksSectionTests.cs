using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.DevPlatform.Tests;

/// <summary>When the host watches a pack folder, the home page lists its modules (launchable as a learner and an instructor) and its problems.</summary>
public sealed class WatchedPacksSectionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed class Watched(WatchedPacks current) : IDevPlatformWatchedPacks
    {
        public WatchedPacks Current { get; set; } = current;
    }

    [Fact]
    public async Task Watched_modules_get_launch_buttons_and_problems_an_alert()
    {
        var watched = new Watched(new([new("inst-a", "First <module>"), new("inst-b", "Second")], ["inst/01-a.md:14: A question needs a correct option & <more>."]));
        await using var host = await DevPlatformHost.StartAsync(hostServices: services => services.AddSingleton<IDevPlatformWatchedPacks>(watched));

        var html = await host.Client.GetStringAsync("/dev-platform", Cancel);

        Assert.Contains("<h2 id=\"watched-packs-heading\">Packs being watched</h2>", html);
        Assert.Contains("<div id=\"watched-problems\" role=\"alert\">", html);
        Assert.Contains("<li><code>inst/01-a.md:14: A question needs a correct option &amp; &lt;more&gt;.</code></li>", html);
        Assert.Contains("First &lt;module&gt;", html);
        Assert.Equal(2, Regex.Count(html, "name=\"course\" value=\"watched-packs\""));
        Assert.Equal(2, Regex.Count(html, "name=\"user\" value=\"learner-ana\">Launch as learner<"));
        Assert.Equal(2, Regex.Count(html, "name=\"user\" value=\"instructor-lee\">Launch as instructor<"));
        Assert.Contains("name=\"link\" value=\"watch-inst-b\"", html);
    }

    [Fact]
    public async Task Watched_course_links_name_their_module_and_follow_what_the_host_serves()
    {
        var watched = new Watched(new([new("inst-a", "First")], []));
        await using var host = await DevPlatformHost.StartAsync(hostServices: services => services.AddSingleton<IDevPlatformWatchedPacks>(watched));
        var directory = host.Services.GetRequiredService<DemoDirectory>();

        var course = directory.FindCourse("watched-packs");

        Assert.NotNull(course);
        Assert.Equal("inst-a", Assert.Single(course.Links).Custom["module"]);
        Assert.DoesNotContain(directory.Courses, c => c.Id == "watched-packs");
        watched.Current = new([], ["broken"]);
        Assert.Empty(directory.FindCourse("watched-packs")!.Links);
        var html = await host.Client.GetStringAsync("/dev-platform", Cancel);
        Assert.Contains("The watched folder serves no module yet.", html);
    }

    [Fact]
    public async Task Without_watched_packs_there_is_no_such_course()
    {
        await using var host = await DevPlatformHost.StartAsync();

        var html = await host.Client.GetStringAsync("/dev-platform", Cancel);

        Assert.DoesNotContain("Packs being watched", html);
        Assert.Null(host.Services.GetRequiredService<DemoDirectory>().FindCourse("watched-packs"));
    }
}
