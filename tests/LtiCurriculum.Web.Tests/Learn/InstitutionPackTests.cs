using System.Net;
using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Web.Hosting;
using LtiCurriculum.Web.Install.Cli;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static LtiCurriculum.Web.Tests.Support.DevPlatformLaunch;

namespace LtiCurriculum.Web.Tests.Learn;

/// <summary>An institution's own packs (Curriculum:PackFolder): good ones are served, broken ones refused whole and shown to staff.</summary>
public sealed class InstitutionPackTests
{
    [Fact]
    public async Task Good_pack_is_served_and_a_broken_one_is_refused_whole_and_shown_to_staff()
    {
        using var packs = new TempFolder();
        InstitutionPacks.Write(packs.Path, "good", "inst-good", InstitutionPacks.HandoverModule);
        var hostile = InstitutionPacks.HandoverModule.Replace("inst-handover", "inst-hostile").Replace("Structured handover lowers", "<script>alert(1)</script> Structured handover lowers");
        InstitutionPacks.Write(packs.Path, "hostile", "inst-hostile", hostile.Replace("inst-h-q1", "inst-x-q1"));

        await using var tool = await ToolInstance.StartAsync(new ToolSettings { Configuration = new Dictionary<string, string?> { ["Curriculum:PackFolder"] = packs.Path } });
        var catalogue = tool.Services.GetRequiredService<ContentCatalogue>();
        Assert.NotNull(catalogue.FindModule("inst-handover"));
        Assert.Null(catalogue.FindModule("inst-hostile"));
        var refused = Assert.Single(catalogue.Refused);
        Assert.Contains(refused.Problems, p => p.ToString() == "inst-hostile/01-module.md:15: Raw HTML is not allowed in packs; use Markdown.");

        using var browser = tool.NewBrowser();
        var steps = await browser.LaunchAsync(tool, link: "link-cc-setup", user: Instructor);
        var chooser = await browser.FollowAsync(steps.Page!);
        Assert.Contains("value=\"inst-handover\"", chooser.Html);
        Assert.Contains("Packs that could not be loaded", chooser.Text);
        Assert.Contains("Raw HTML is not allowed", chooser.Text);
        Assert.DoesNotContain("<script>alert(1)</script>", chooser.Html);

        var instructor = new LearnerSession(browser, tool, chooser);
        Assert.Equal(HttpStatusCode.SeeOther, (await instructor.PostAsync("/teach/settings", [new("module", "inst-handover")])).Status);
        var learner = await LearnerSession.LaunchAsync(tool, link: "link-cc-setup");
        Assert.Contains("<h1>Safe handover at shift change</h1>", learner.Page.Html);

        var listed = await LtiCurriculum.Web.Tests.Cli.CliRun.AgainstAsync(tool.Services, "packs", "list");
        Assert.Equal(1, listed.ExitCode);
        Assert.Contains("inst-good", listed.Output);
        Assert.Contains("REFUSED", listed.Output);
    }

    [Fact]
    public async Task Missing_pack_folder_stops_startup_naming_the_setting()
    {
        using var folder = new TempFolder();
        var settings = new ToolSettings { Configuration = new Dictionary<string, string?> { ["Curriculum:PackFolder"] = "/no/such/packs" } };
        await using var app = ToolInstance.Build(settings, folder.DatabaseFile);

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => StartupTasks.RunAsync(app.Services, TestContext.Current.CancellationToken));

        Assert.Contains("Curriculum:PackFolder", error.Message);
    }

    [Fact]
    public void Packs_validate_checks_a_folder_without_a_database()
    {
        using var packs = new TempFolder();
        InstitutionPacks.Write(packs.Path, "good", "inst-good", InstitutionPacks.HandoverModule);
        InstitutionPacks.Write(packs.Path, "broken", "inst-broken", InstitutionPacks.HandoverModule.Replace("inst-handover", "inst-broken").Replace("inst-h-q1", "inst-b-q1").Replace("correct: true", "corect: true"));
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = PackCommands.Validate(packs.Path, output, errors);

        Assert.Equal(1, exit);
        Assert.Contains("OK\tinst-good", output.ToString());
        Assert.Contains("inst-broken/01-module.md:25: Unknown key 'corect'", errors.ToString());
        Assert.Equal(2, PackCommands.Validate(Path.Combine(packs.Path, "nope"), output, errors));
    }
}
