using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Grades;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Teach.Settings;

public enum LineItemChange { Updated, NoColumnYet, NotAllowed, Failed, Ungraded }

/// <summary>
/// Brings the gradebook column in line with new points (AGS 2.0 line item PUT). Scores sent from now on carry the
/// new maximum whatever happens here; this only keeps the column's own maximum in step.
/// </summary>
public sealed partial class LineItemMaximum(IDbContextFactory<LtiDbContext> contexts, AgsClient ags, ILogger<LineItemMaximum> logger)
{
    public async Task<(LineItemChange Change, string? Detail)> ApplyAsync(int linkId, decimal points, CancellationToken cancellationToken)
    {
        if (points <= 0)
        {
            return (LineItemChange.Ungraded, null);
        }
        await using var db = contexts.CreateDbContext();
        var link = await db.ResourceLinks.AsNoTracking().Where(r => r.Id == linkId)
            .Select(r => new { r.PlatformId, r.AgsScopes, Url = r.ResolvedLineItemUrl ?? r.LineItemUrl })
            .FirstOrDefaultAsync(cancellationToken);
        if (link?.Url is null)
        {
            return (LineItemChange.NoColumnYet, null);
        }
        if (!GradeOutbox.Grants(link.AgsScopes, AgsScopes.LineItem))
        {
            return (LineItemChange.NotAllowed, null);
        }
        var platform = await db.Platforms.Where(p => p.Id == link.PlatformId)
            .Select(p => new AgsPlatform(p.Id, p.ClientId, p.TokenEndpoint, p.TokenAudience)).FirstOrDefaultAsync(cancellationToken);
        if (platform is null)
        {
            return (LineItemChange.Failed, "the platform is no longer registered");
        }
        var access = new AgsAccess(platform, GradeOutbox.ScopesOf(link.AgsScopes));
        try
        {
            var current = await ags.GetLineItemAsync(access, link.Url, cancellationToken);
            if (current is null)
            {
                return (LineItemChange.NoColumnYet, null);
            }
            if (current.ScoreMaximum != points)
            {
                await ags.UpdateLineItemAsync(access, link.Url, current with { ScoreMaximum = points }, cancellationToken);
            }
            return (LineItemChange.Updated, null);
        }
        catch (AgsException ex)
        {
            LogUpdateFailed(linkId, ex.StatusCode, ex.Message);
            return (LineItemChange.Failed, ex.StatusCode is { } status ? $"HTTP {status}" : "no answer");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Changing the line item maximum of link {LinkId} failed (HTTP {StatusCode}): {Reason}")]
    private partial void LogUpdateFailed(int linkId, int? statusCode, string reason);
}
