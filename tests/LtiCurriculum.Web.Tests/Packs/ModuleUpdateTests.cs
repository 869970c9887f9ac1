using System.Net;
using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Tests.Support;
using LtiCurriculum.Web.Tests.Teach;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Packs;

/// <summary>
/// A module changes under a student's open attempt: the student keeps answering and submitting the version they began
/// (also when the pack is disabled or removed), new attempts get the new version, and nothing is deleted.
/// </summary>
[Trait("Category", ServerDatabaseMatrix.Category)]
public sealed class ModuleUpdateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Installs version 1 of the handover pack and places its module in a new link of med-501 with two attempts.</summary>
    private static async Task<(PackAdmin Admin, string LinkId)> PlaceHandoverAsync(ToolInstance tool)
    {
        var admin = await PackAdmin.OpenAsync(tool);
        await admin.InstallAsync(tool, PackZips.Handover(1));
        var (_, links) = await TeachKit.DeepLinkAsync(tool, "med-501",
            new TeachKit.Item(PackZips.ModuleId, "Handover", new Dictionary<string, string> { ["attempts"] = "2" }));
        return (admin, (string)TeachKit.CreatedLink(links, "Handover")["id"]!);
    }

    private static string Version(ToolInstance tool) => tool.Services.GetRequiredService<ContentCatalogue>().FindModule(PackZips.ModuleId)!.Version;

    [Fact]
    public async Task A_student_mid_attempt_keeps_the_version_they_began_and_new_attempts_get_the_update()
    {
        await using var tool = await ToolInstance.StartAsync();
        var (admin, link) = await PlaceHandoverAsync(tool);
        var learner = await LearnerSession.LaunchAsync(tool, link);
        Assert.Contains("Safe handover at shift change", learner.Page.Text);
        var first = Version(tool);

        var updated = await admin.InstallAsync(tool, PackZips.Handover(2));
        Assert.Contains($"Pack {PackZips.PackId} is updated.", updated.Text);
        var second = Version(tool);
        Assert.NotEqual(first, second);

        // Still version 1 on the page, and its question (a is right there) is what the answer is checked and scored against.
        await learner.OpenAsync("/learn");
        Assert.Contains("Safe handover at shift change", learner.Page.Text);
        Assert.DoesNotContain("Safe handover, revised", learner.Page.Text);
        await learner.AnswerAsync("inst-h-q1", "a");
        var result = await learner.SubmitAsync();
        Assert.Contains("You scored 1 of 1 points.", result.Text);
        Assert.Contains($"Module version {first}", result.Text);

        // The next attempt begins on version 2, where b is right.
        var next = await learner.PostAsync("/learn/attempts", []);
        Assert.Equal(HttpStatusCode.SeeOther, next.Status);
        await learner.OpenAsync("/learn");
        Assert.Contains("Safe handover, revised", learner.Page.Text);
        await learner.AnswerAsync("inst-h-q1", "a");
        result = await learner.SubmitAsync();
        Assert.Contains("You scored 0 of 1 points.", result.Text);
        Assert.Contains($"Module version {second}", result.Text);

        await using var db = await tool.Services.GetRequiredService<IDbContextFactory<LtiDbContext>>().CreateDbContextAsync(Ct);
        var versions = await db.Attempts.Where(a => a.ModuleId == PackZips.ModuleId).OrderBy(a => a.Number).Select(a => a.ModuleVersion).ToListAsync(Ct);
        Assert.Equal([first, second], versions);

        // Course staff see which version each attempt used.
        var instructor = await LearnerSession.LaunchAsync(tool, link, DevPlatformLaunch.Instructor);
        var grades = await instructor.OpenAsync("/teach/grades");
        Assert.Contains($"module version {second}", grades.Text);
        var dashboard = await instructor.OpenAsync("/teach/dashboard");
        // The instructor's own student view began an attempt on the new version too.
        Assert.Contains($"attempts by version: {second} (2), {first} (1)", dashboard.Text);
    }

    [Fact]
    public async Task Disabling_the_pack_mid_attempt_lets_the_student_finish_but_begins_nothing_new()
    {
        await using var tool = await ToolInstance.StartAsync();
        var (admin, link) = await PlaceHandoverAsync(tool);
        var learner = await LearnerSession.LaunchAsync(tool, link);
        await learner.AnswerAsync("inst-h-q1", "b");

        var disabled = await admin.ActAsync("disable", PackZips.PackId);
        Assert.Equal(HttpStatusCode.SeeOther, disabled.Status);
        Assert.Null(tool.Services.GetRequiredService<ContentCatalogue>().FindModule(PackZips.ModuleId));

        await learner.OpenAsync("/learn");
        Assert.Equal(HttpStatusCode.OK, learner.Page.Status);
        Assert.Contains("Safe handover at shift change", learner.Page.Text);
        await learner.AnswerAsync("inst-h-q1", "a");
        var result = await learner.SubmitAsync();
        Assert.Contains("You scored 1 of 1 points.", result.Text);
        var again = await learner.PostAsync("/learn/attempts", []);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("no longer offered", again.Text);

        // Someone who never began gets the clear 404 of a module the catalogue does not serve.
        var newcomer = await LearnerSession.LaunchAsync(tool, link, DevPlatformLaunch.PrivateLearner);
        Assert.Equal(HttpStatusCode.NotFound, newcomer.Page.Status);

        var enabled = await admin.ActAsync("enable", PackZips.PackId);
        Assert.Equal(HttpStatusCode.SeeOther, enabled.Status);
        Assert.NotNull(tool.Services.GetRequiredService<ContentCatalogue>().FindModule(PackZips.ModuleId));
    }

    [Fact]
    public async Task Removing_a_pack_with_open_attempts_asks_first_and_never_deletes_answers()
    {
        await using var tool = await ToolInstance.StartAsync();
        var (admin, link) = await PlaceHandoverAsync(tool);
        var learner = await LearnerSession.LaunchAsync(tool, link);
        await learner.AnswerAsync("inst-h-q1", "a");

        var asked = await admin.ActAsync("remove", PackZips.PackId);
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("1 attempt on this pack's modules is begun and not submitted yet.", asked.Text);
        Assert.Contains("Remove anyway", asked.Text);
        Assert.NotNull(tool.Services.GetRequiredService<ContentCatalogue>().FindModule(PackZips.ModuleId));

        var removed = await admin.ActAsync("remove", PackZips.PackId, confirm: true);
        Assert.Equal(HttpStatusCode.SeeOther, removed.Status);
        Assert.Null(tool.Services.GetRequiredService<ContentCatalogue>().FindModule(PackZips.ModuleId));
        var list = await admin.ListAsync();
        Assert.DoesNotContain(PackZips.PackId, list.Text.Replace($"Pack {PackZips.PackId} is removed", ""));

        await learner.OpenAsync("/learn");
        Assert.Contains("Safe handover at shift change", learner.Page.Text);
        var result = await learner.SubmitAsync();
        Assert.Contains("You scored 1 of 1 points.", result.Text);
        await using var db = await tool.Services.GetRequiredService<IDbContextFactory<LtiDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal("a", (await db.Answers.SingleAsync(a => a.QuestionId == "inst-h-q1", Ct)).Value);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "packs remove" && a.Subject == PackZips.PackId, Ct));
    }

    [Fact]
    public async Task A_built_in_pack_can_be_disabled_removed_and_restored()
    {
        await using var tool = await ToolInstance.StartAsync();
        var admin = await PackAdmin.OpenAsync(tool);
        var catalogue = tool.Services.GetRequiredService<ContentCatalogue>();

        Assert.Equal(HttpStatusCode.SeeOther, (await admin.ActAsync("disable", "communities-of-practice")).Status);
        Assert.DoesNotContain(catalogue.Packs, p => p.Id == "communities-of-practice");
        var list = await admin.ListAsync();
        Assert.Contains("Disabled", list.Text);

        Assert.Equal(HttpStatusCode.SeeOther, (await admin.ActAsync("remove", "communities-of-practice")).Status);
        list = await admin.ListAsync();
        Assert.Contains("Removed", list.Text);
        Assert.Contains("Restore", list.Text);
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.ActAsync("restore", "communities-of-practice")).Status);
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.ActAsync("enable", "communities-of-practice")).Status);
        Assert.Contains(catalogue.Packs, p => p.Id == "communities-of-practice");

        var unknown = await admin.ActAsync("disable", "no-such-pack");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("There is no pack 'no-such-pack'", unknown.Text);
    }
}
