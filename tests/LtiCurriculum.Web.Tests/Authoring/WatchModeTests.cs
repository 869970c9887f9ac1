using System.Net;
using System.Text.RegularExpressions;
using LtiCurriculum.Web.Authoring;
using LtiCurriculum.Web.Hosting;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Authoring;

/// <summary>Watch mode (Curriculum:WatchPackFolder in Development): edit, break and fix a module, and the preview follows.</summary>
public sealed partial class WatchModeTests
{
    private const string PackId = "watch-pack";
    private const string ModuleId = "inst-handover";
    private const string LinkId = "watch-" + ModuleId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Module(string title, bool withCorrectOption = true)
    {
        var text = InstitutionPacks.HandoverModule.Replace("title: Safe handover at shift change", $"title: {title}");
        return withCorrectOption ? text : text.Replace("correct: true", "correct: false");
    }

    /// <summary>Makes the change, then waits on the watcher's reload signal until <paramref name="until"/> holds (never a fixed delay).</summary>
    private static async Task<PackReloadReport> ReloadAfterAsync(PackWatcher watcher, Action change, Func<PackReloadReport, bool> until)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var next = watcher.NextReload;
        change();
        while (true)
        {
            await next.WaitAsync(timeout.Token);
            next = watcher.NextReload;
            if (until(watcher.Last))
            {
                return watcher.Last;
            }
        }
    }

    private static async Task<string> LaunchedTitleAsync(ToolInstance tool)
    {
        var learner = await LearnerSession.LaunchAsync(tool, course: "watched-packs", link: LinkId);
        return H1().Match(learner.Page.Html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"No title on {learner.Page}");
    }

    [Fact]
    public async Task Edit_break_and_fix_a_module_and_the_preview_follows()
    {
        using var packs = new TempFolder();
        var module = InstitutionPacks.Write(packs.Path, PackId, PackId, Module("Handover, first draft"));
        await using var tool = await ToolInstance.StartAsync(new ToolSettings
        {
            Configuration = new Dictionary<string, string?> { ["Curriculum:PackFolder"] = packs.Path, [PackWatchServiceCollectionExtensions.WatchSetting] = "true" },
        });
        var watcher = tool.Services.GetRequiredService<PackWatcher>();
        using var browser = tool.NewBrowser();

        var home = await browser.GetAsync(tool.Url("/dev-platform"));
        Assert.Contains("Packs being watched", home.Text);
        Assert.Contains("Launch as learner", home.Text);
        Assert.Contains("Launch as instructor", home.Text);
        Assert.Contains("No problems.", home.Text);
        Assert.Equal("Handover, first draft", await LaunchedTitleAsync(tool));

        var edited = await ReloadAfterAsync(watcher, () => File.WriteAllText(module, Module("Handover, second draft")), r => r.Problems.Count == 0 && r.Lines.Contains($"reloaded pack {PackId}: 1 modules"));
        Assert.Equal("Handover, second draft", await LaunchedTitleAsync(tool));

        var broken = await ReloadAfterAsync(watcher, () => File.WriteAllText(module, Module("Handover, broken draft", withCorrectOption: false)), r => r.Problems.Count > 0);
        var problem = Assert.Single(broken.Problems);
        Assert.Matches($@"^{PackId}/01-module\.md:\d+: ", problem);
        Assert.Equal("Handover, second draft", await LaunchedTitleAsync(tool));
        home = await browser.GetAsync(tool.Url("/dev-platform"));
        Assert.Contains("role=\"alert\"", home.Html);
        Assert.Contains(problem, home.Text);
        Assert.Contains("Handover, second draft", home.Text);

        await ReloadAfterAsync(watcher, () => File.WriteAllText(module, Module("Handover, fixed draft")), r => r.Problems.Count == 0);
        Assert.Equal("Handover, fixed draft", await LaunchedTitleAsync(tool));
        home = await browser.GetAsync(tool.Url("/dev-platform"));
        Assert.Contains("No problems.", home.Text);
        Assert.DoesNotContain(problem, home.Text);
        Assert.True(edited.Number < broken.Number);
    }

    [Fact]
    public async Task Without_the_setting_the_dev_platform_shows_no_watched_packs()
    {
        await using var tool = await ToolInstance.StartAsync();
        using var browser = tool.NewBrowser();

        var home = await browser.GetAsync(tool.Url("/dev-platform"));

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.DoesNotContain("Packs being watched", home.Text);
        Assert.Null(tool.Services.GetService<PackWatcher>());
    }

    [Fact]
    public void Watch_mode_outside_development_stops_start_naming_the_key()
    {
        using var packs = new TempFolder();
        var settings = new ToolSettings
        {
            Environment = "Production",
            DevPlatform = false,
            Configuration = new Dictionary<string, string?> { ["Curriculum:PackFolder"] = packs.Path, [PackWatchServiceCollectionExtensions.WatchSetting] = "true" },
        };

        var error = Assert.Throws<ConfigurationException>(() => ToolInstance.Build(settings, packs.DatabaseFile));

        Assert.Contains("Curriculum:WatchPackFolder", error.Message);
        Assert.Contains("Development only", error.Message);
    }

    [GeneratedRegex("<h1>([^<]*)</h1>")]
    private static partial Regex H1();
}
