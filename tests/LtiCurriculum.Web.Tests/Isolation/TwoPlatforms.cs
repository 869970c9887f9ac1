using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Install.Platforms;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Isolation;

/// <summary>Which of the two platforms a launch comes from.</summary>
public enum Platform { A, B }

/// <summary>
/// One tool and one database with two LMSs that send identical ids: the same client id, deployment id, course
/// (context_id), resource link ids and users (sub). Platform A is the tool's own development platform; platform B
/// is the development platform of a second instance on another origin, pointed at the tool and registered in its
/// database as an admin would register a second institution. Only the issuer (and so every service URL) differs.
/// Shared by the isolation tests, which run one after another; each test works in links no other test uses.
/// </summary>
public sealed class TwoPlatforms : IAsyncLifetime
{
    private ToolInstance? _tool;
    private ToolInstance? _platformB;
    private bool _deliverGrades = true;

    /// <summary>A pair of its own whose scores stay in the outbox (no worker), for a test to lease them itself.</summary>
    internal static async Task<TwoPlatforms> StartWithoutDeliveryAsync()
    {
        var quiet = new TwoPlatforms { _deliverGrades = false };
        await quiet.InitializeAsync();
        return quiet;
    }

    /// <summary>The tool under test, its database, and platform A.</summary>
    internal ToolInstance Tool => _tool ?? throw new InvalidOperationException("Not started.");

    /// <summary>The instance that hosts platform B (its own tool is never launched).</summary>
    internal ToolInstance PlatformB => _platformB ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        _tool = await ToolInstance.StartAsync(Fast(more: new() { ["Grades:DeliveryEnabled"] = _deliverGrades ? "true" : "false" }));
        _platformB = await ToolInstance.StartAsync(Fast(more: new() { ["Grades:DeliveryEnabled"] = "false", ["DevPlatform:ToolOrigin"] = _tool.Origin }));
        await _tool.Services.GetRequiredService<PlatformAdmin>().UpsertAsync(new PlatformSettings
        {
            Issuer = _platformB.DevPlatformIssuer,
            ClientId = "lticurriculum-dev",
            AuthorizationEndpoint = _platformB.DevPlatformIssuer + "/authorize",
            TokenEndpoint = _platformB.DevPlatformIssuer + "/token",
            JwksUri = _platformB.DevPlatformIssuer + "/jwks",
            DeploymentIds = ["dev-deployment-1"],
        }, "test", TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_platformB is not null) await _platformB.DisposeAsync();
        if (_tool is not null) await _tool.DisposeAsync();
    }

    public string Issuer(Platform platform) => platform == Platform.A ? Tool.DevPlatformIssuer : PlatformB.DevPlatformIssuer;

    /// <summary>The platform's row in the tool's database (A's is written by its first launch).</summary>
    public Task<int> PlatformIdAsync(Platform platform)
    {
        var issuer = Issuer(platform);
        return Tool.QueryAsync(db => db.Platforms.Where(p => p.Issuer == issuer).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>A launch into the tool from <paramref name="platform"/>, as a browser without JavaScript would make it.</summary>
    internal Task<LearnerSession> LaunchAsync(Platform platform, string course, string link, string user = DevPlatformLaunch.Learner) =>
        LearnerSession.LaunchAsync(Tool, link, user, course, platform: platform == Platform.A ? null : PlatformB);

    /// <summary>Course staff launching into a link: they land on class readiness, and try nothing as a student.</summary>
    internal async Task<LearnerSession> StaffLaunchAsync(Platform platform, string course, string link)
    {
        var browser = Tool.NewBrowser();
        var steps = await browser.LaunchAsync(Tool, course, link, DevPlatformLaunch.Instructor, platform: platform == Platform.A ? null : PlatformB);
        Assert.Equal("/teach/dashboard", steps.Page!.Url.AbsolutePath);
        return new LearnerSession(browser, Tool, steps.Page);
    }

    internal DevGradebook Gradebook(Platform platform) => new(Issuer(platform));

    /// <summary>The resource link row <paramref name="platform"/>'s launches of <paramref name="linkId"/> wrote.</summary>
    public async Task<ResourceLinkEntity> LinkAsync(Platform platform, string linkId)
    {
        var platformId = await PlatformIdAsync(platform);
        return await Tool.QueryAsync(db => db.ResourceLinks.AsNoTracking().SingleAsync(r => r.PlatformId == platformId && r.ResourceLinkId == linkId, TestContext.Current.CancellationToken));
    }

    /// <summary>Every attempt in <paramref name="platform"/>'s link <paramref name="linkId"/>, with its answers.</summary>
    public async Task<List<AttemptEntity>> AttemptsAsync(Platform platform, string linkId)
    {
        var link = await LinkAsync(platform, linkId);
        return await Tool.QueryAsync(db => db.Attempts.AsNoTracking().Include(a => a.Answers).Where(a => a.ResourceLinkDbId == link.Id)
            .OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken));
    }

    internal Module Module(string id) => LearnerSession.Module(Tool, id);

    /// <summary>A reflection answer that names its platform, so a page showing it shows whose work it is.</summary>
    public static string Reflection(ReflectionQuestion question, Platform platform, string about) =>
        $"Written on platform {platform} about {about}: " + new string('x', Math.Max(question.MinLength, 1));
}

[CollectionDefinition(Name)]
public sealed class IsolationCollection : ICollectionFixture<TwoPlatforms>
{
    public const string Name = "Tenant isolation";
}
