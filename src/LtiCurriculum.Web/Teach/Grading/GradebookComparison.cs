using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Grades;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Teach.Grading;

/// <summary>What the LMS gradebook holds for a link (its results), keyed by platform user id; or why it could not be read.</summary>
public sealed record GradebookResults(IReadOnlyDictionary<string, AgsResult> ByUser, string? Problem);

/// <summary>Reads <c>{lineitem}/results</c> so an instructor can see what the gradebook holds next to what the tool sent.</summary>
public sealed class GradebookComparison(IDbContextFactory<LtiDbContext> contexts, AgsClient ags)
{
    public async Task<GradebookResults> ReadAsync(int linkId, TeachText text, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var link = await db.ResourceLinks.AsNoTracking().Where(r => r.Id == linkId)
            .Join(db.Platforms, r => r.PlatformId, p => p.Id, (r, p) => new
            {
                LineItem = r.LineItemUrl ?? r.ResolvedLineItemUrl, r.AgsScopes,
                Platform = new AgsPlatform(p.Id, p.ClientId, p.TokenEndpoint, p.TokenAudience),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (link?.LineItem is null)
        {
            return new(Empty, text.GradebookNoColumn);
        }
        if (!GradeOutbox.Grants(link.AgsScopes, AgsScopes.ResultReadOnly))
        {
            return new(Empty, text.GradebookNoResultScope);
        }
        try
        {
            var access = new AgsAccess(link.Platform, GradeOutbox.ScopesOf(link.AgsScopes));
            var results = await ags.GetResultsAsync(access, link.LineItem, null, cancellationToken);
            var byUser = new Dictionary<string, AgsResult>(StringComparer.Ordinal);
            foreach (var result in results)
            {
                byUser[result.UserId] = result;
            }
            return new(byUser, null);
        }
        catch (AgsException failure)
        {
            var said = failure.PlatformBody is { Length: > 0 } body ? " " + text.Format(text.PlatformSaid, body) : "";
            return new(Empty, text.Format(text.GradebookUnreadable, failure.Message) + said);
        }
    }

    private static readonly IReadOnlyDictionary<string, AgsResult> Empty = new Dictionary<string, AgsResult>();
}
