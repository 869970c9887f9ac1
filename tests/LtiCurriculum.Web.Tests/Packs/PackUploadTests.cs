using System.Net;
using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Packs;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Packs;

/// <summary>An administrator uploads a pack as a zip from a page reached by an LTI launch: checked whole, installed or refused with every problem.</summary>
public sealed class PackUploadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_uploads_a_pack_and_it_serves_new_attempts_and_is_audited()
    {
        await using var tool = await ToolInstance.StartAsync();
        var admin = await PackAdmin.OpenAsync(tool);
        Assert.Contains("Content packs", admin.Session.Page.Text);
        Assert.Contains("Built in", admin.Session.Page.Text);

        var list = await admin.InstallAsync(tool, PackZips.Handover(1));

        Assert.Contains($"Pack {PackZips.PackId} is installed and serves new attempts.", list.Text);
        Assert.Contains("Uploaded", list.Text);
        var module = tool.Services.GetRequiredService<ContentCatalogue>().FindModule(PackZips.ModuleId);
        Assert.NotNull(module);
        Assert.Contains(module.Version, list.Text);
        await using var db = await tool.Services.GetRequiredService<IDbContextFactory<LtiDbContext>>().CreateDbContextAsync(Ct);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "packs upload", Ct);
        Assert.Equal(PackZips.PackId, audit.Subject);
        Assert.Contains("Site Administrator", audit.Details);
        Assert.True(await db.ModuleVersions.AnyAsync(v => v.ModuleId == PackZips.ModuleId && v.Version == module.Version, Ct));
    }

    [Fact]
    public async Task A_broken_pack_is_refused_with_every_problem_as_file_and_line_and_nothing_changes()
    {
        await using var tool = await ToolInstance.StartAsync();
        var admin = await PackAdmin.OpenAsync(tool);
        var broken = PackZips.Module(1).Replace("    correct: true\n", "").Replace("type: single", "type: single\npoints: -3");
        var zip = PackZips.Zip(("pack.yaml", PackZips.Manifest()), ("01-handover.md", broken), ("notes.exe", "MZ"), ("../escape.md", "x"));

        var page = await admin.UploadAsync(tool, zip, "handover.zip");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("The pack was not installed", page.Text);
        Assert.Contains("role=\"alert\"", page.Html);
        Assert.Contains("notes.exe", page.Text);
        Assert.Contains("../escape.md", page.Text);
        // The files that passed were checked as a pack too: the module's own problems are in the same list.
        Assert.Matches(@"handover-pack/01-handover\.md:\d+: ", page.Text);
        Assert.Null(tool.Services.GetRequiredService<ContentCatalogue>().FindModule(PackZips.ModuleId));
        await using var db = await tool.Services.GetRequiredService<IDbContextFactory<LtiDbContext>>().CreateDbContextAsync(Ct);
        Assert.False(await db.ContentPacks.AnyAsync(Ct));

        // The archive is fine now, so the content's own problems show with their file and line.
        var content = await admin.UploadAsync(tool, PackZips.Zip(("pack.yaml", PackZips.Manifest()), ("01-handover.md", broken)), "handover.zip");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, content.Status);
        Assert.Matches(@"handover-pack/01-handover\.md:\d+: ", content.Text);
    }

    [Fact]
    public async Task A_zip_bomb_too_many_entries_and_a_pack_clashing_with_a_built_in_one_are_refused()
    {
        await using var tool = await ToolInstance.StartAsync(new ToolSettings
        {
            Configuration = new Dictionary<string, string?> { ["Packs:MaxEntries"] = "20" },
        });
        var admin = await PackAdmin.OpenAsync(tool);

        var bomb = PackZips.Zip(("pack.yaml", PackZips.Manifest()), ("01-handover.md", PackZips.Module(1) + new string(' ', 900_000)));
        var refused = await admin.UploadAsync(tool, bomb);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("01-handover.md", refused.Text);

        var many = PackZips.Zip([("pack.yaml", PackZips.Manifest()), .. Enumerable.Range(1, 25).Select(i => ($"{i:00}-m.md", "x"))]);
        refused = await admin.UploadAsync(tool, many);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("20", refused.Text);

        var clash = await admin.UploadAsync(tool, PackZips.Handover(1, packId: "clinical-prework"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, clash.Status);
        Assert.Contains("The pack id 'clinical-prework' belongs to the built-in pack", clash.Text);

        var moduleClash = PackZips.Zip(("pack.yaml", PackZips.Manifest()), ("01-handover.md", PackZips.Module(1).Replace("id: inst-handover", "id: cp-anemia-approach")));
        clash = await admin.UploadAsync(tool, moduleClash);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, clash.Status);
        Assert.Contains("Module id 'cp-anemia-approach' is already used by the built-in pack 'clinical-prework'", clash.Text);
    }

    [Fact]
    public async Task A_zip_over_the_size_limit_is_413_and_an_upload_without_a_file_is_400()
    {
        await using var tool = await ToolInstance.StartAsync(new ToolSettings
        {
            Configuration = new Dictionary<string, string?> { ["Packs:MaxUploadBytes"] = "20000" },
        });
        var admin = await PackAdmin.OpenAsync(tool);
        var random = new byte[60_000];
        new Random(7).NextBytes(random);

        var tooLarge = await admin.UploadAsync(tool, random);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);

        var content = new MultipartFormDataContent { { new StringContent(admin.Session.Token), "lti_session" }, { new StringContent(admin.Session.FormToken), "form_token" } };
        var empty = await admin.Session.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, tool.Url("/teach/packs/upload")) { Content = content });
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("Choose a pack's .zip file", empty.Text);
    }

    [Fact]
    public async Task Instructors_and_learners_cannot_reach_the_packs_page_and_a_forged_upload_is_refused()
    {
        await using var tool = await ToolInstance.StartAsync();
        var instructor = await LearnerSession.LaunchAsync(tool, "link-cc-1", DevPlatformLaunch.Instructor);
        Assert.DoesNotContain("/teach/packs", (await instructor.OpenAsync("/teach/dashboard")).Html);
        var refused = await instructor.OpenAsync("/teach/packs");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("administrators_only", refused.ReasonCode);
        var learner = await LearnerSession.LaunchAsync(tool, "link-cc-1", DevPlatformLaunch.Learner);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.OpenAsync("/teach/packs")).Status);

        var admin = await PackAdmin.OpenAsync(tool);
        Assert.Contains("/teach/packs", (await admin.Session.OpenAsync("/teach/dashboard")).Html);
        await admin.ListAsync();
        var forged = await admin.UploadAsync(tool, PackZips.Handover(1), formToken: "not-the-token");
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Null(tool.Services.GetRequiredService<ContentCatalogue>().FindModule(PackZips.ModuleId));
    }

    [Fact]
    public async Task An_uploaded_pack_reaches_another_instance_on_the_same_database()
    {
        using var folder = new TempFolder();
        await using var first = await ToolInstance.StartAsync(new ToolSettings { DatabaseFile = folder.DatabaseFile });
        await using var second = await ToolInstance.StartAsync(new ToolSettings { DatabaseFile = folder.DatabaseFile });
        var admin = await PackAdmin.OpenAsync(first);
        await admin.InstallAsync(first, PackZips.Handover(1));
        Assert.Null(second.Services.GetRequiredService<ContentCatalogue>().FindModule(PackZips.ModuleId));

        // What the other instance's refresher does every 30 seconds.
        await second.Services.GetRequiredService<PackLibrary>().RefreshAsync(Ct);

        Assert.NotNull(second.Services.GetRequiredService<ContentCatalogue>().FindModule(PackZips.ModuleId));
    }
}
