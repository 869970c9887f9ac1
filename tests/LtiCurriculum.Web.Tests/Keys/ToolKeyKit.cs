using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Data.Stores;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Keys;

/// <summary>The tool's keys as a test sees them: the service, the JWKS an instance serves, the rows in the database.</summary>
internal static class ToolKeyKit
{
    public static ToolKeyService KeyService(this ToolInstance tool) => tool.Services.GetRequiredService<ToolKeyService>();

    /// <summary>The kids in the JWKS the instance serves over HTTP, in order (current first, then next, then retired).</summary>
    public static async Task<List<string>> PublishedKidsAsync(this ToolInstance tool) =>
        [.. (await ToolKeyTests.ReadKeysAsync(tool)).Select(k => k.GetProperty("kid").GetString()!)];

    /// <summary>The kid the instance signs grade-token assertions and deep-linking responses with.</summary>
    public static async Task<string> SigningKidAsync(this ToolInstance tool) =>
        (await tool.KeyService().GetPublishedKeysAsync(TestContext.Current.CancellationToken)).Single(k => k.IsCurrent).KeyId;

    public static Task<List<ToolKeyEntity>> KeyRowsAsync(this ToolInstance tool) =>
        tool.QueryAsync(db => db.ToolKeys.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));

    /// <summary>Exactly one current key, exactly one next key, different; every other key retired.</summary>
    public static void AssertOneCurrentAndOneNext(IReadOnlyList<ToolKeyEntity> rows)
    {
        var current = Assert.Single(rows, r => r.IsCurrent);
        var next = Assert.Single(rows, r => r.IsNext);
        Assert.NotEqual(current.KeyId, next.KeyId);
        Assert.Null(current.RetiredAt);
        Assert.Null(next.RetiredAt);
        Assert.All(rows.Where(r => !r.IsCurrent && !r.IsNext), r => Assert.NotNull(r.RetiredAt));
    }
}
