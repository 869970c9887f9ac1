using LtiCurriculum.Web.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Isolation;

/// <summary>Two platforms sending the same sub, context id, resource link id and deployment id get rows of their own.</summary>
[Collection(IsolationCollection.Name)]
public sealed class LaunchIsolationTests(TwoPlatforms platforms)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_ids_launched_from_two_platforms_make_separate_user_context_and_link_rows()
    {
        var a = await platforms.LaunchAsync(Platform.A, "med-501", "link-cc-1");
        var b = await platforms.LaunchAsync(Platform.B, "med-501", "link-cc-1");
        var (aId, bId) = (await platforms.PlatformIdAsync(Platform.A), await platforms.PlatformIdAsync(Platform.B));
        Assert.NotEqual(aId, bId);

        var users = await platforms.Tool.QueryAsync(db => db.Users.AsNoTracking().Where(u => u.Subject == "dev-user-1001").ToListAsync(Ct));
        Assert.Equal(new[] { aId, bId }.Order(), users.Select(u => u.PlatformId).Order());
        var contexts = await platforms.Tool.QueryAsync(db => db.Contexts.AsNoTracking().Where(c => c.ContextId == "med-501").ToListAsync(Ct));
        Assert.Equal(new[] { aId, bId }.Order(), contexts.Select(c => c.PlatformId).Order());
        Assert.All(contexts, c => Assert.Equal("dev-deployment-1", c.DeploymentId));
        var links = await platforms.Tool.QueryAsync(db => db.ResourceLinks.AsNoTracking().Where(r => r.ResourceLinkId == "link-cc-1").ToListAsync(Ct));
        Assert.Equal(new[] { aId, bId }.Order(), links.Select(r => r.PlatformId).Order());
        // Each link belongs to its own platform's course, and remembers its own platform's services.
        Assert.All(links, l => Assert.Equal(contexts.Single(c => c.PlatformId == l.PlatformId).Id, l.ContextDbId));
        Assert.StartsWith(platforms.Issuer(Platform.A) + "/", links.Single(l => l.PlatformId == aId).LineItemsUrl);
        Assert.StartsWith(platforms.Issuer(Platform.B) + "/", links.Single(l => l.PlatformId == bId).LineItemsUrl);
        Assert.StartsWith(platforms.Issuer(Platform.B) + "/", contexts.Single(c => c.PlatformId == bId).MembershipsUrl);

        // Each session names its own platform's rows.
        var tokens = platforms.Tool.Services.GetRequiredService<LaunchSessionTokens>();
        var sessionA = tokens.Read(a.Token)!;
        var sessionB = tokens.Read(b.Token)!;
        Assert.Equal((aId, users.Single(u => u.PlatformId == aId).Id, links.Single(l => l.PlatformId == aId).Id), (sessionA.PlatformId, sessionA.UserDbId, sessionA.ResourceLinkDbId));
        Assert.Equal((bId, users.Single(u => u.PlatformId == bId).Id, links.Single(l => l.PlatformId == bId).Id), (sessionB.PlatformId, sessionB.UserDbId, sessionB.ResourceLinkDbId));
        Assert.Equal(contexts.Single(c => c.PlatformId == bId).Id, sessionB.ContextDbId);
    }

    [Fact]
    public async Task The_about_this_launch_page_names_the_platform_the_launch_came_from()
    {
        var a = await platforms.LaunchAsync(Platform.A, "med-501", "link-cc-setup");
        var b = await platforms.LaunchAsync(Platform.B, "med-501", "link-cc-setup");

        var aboutA = await a.OpenAsync("/launch/landing");
        var aboutB = await b.OpenAsync("/launch/landing");
        Assert.Equal(platforms.Issuer(Platform.A), aboutA.Fact("Platform"));
        Assert.Equal(platforms.Issuer(Platform.B), aboutB.Fact("Platform"));
    }
}
