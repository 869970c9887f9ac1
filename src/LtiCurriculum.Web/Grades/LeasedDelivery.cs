namespace LtiCurriculum.Web.Grades;

/// <summary>An outbox row this instance owns for now, with what delivering it needs from its link and user.</summary>
public sealed record LeasedDelivery(
    long Id,
    string LeaseToken,
    int PlatformId,
    int ResourceLinkDbId,
    string ResourceLinkId,
    string? LinkTitle,
    string? ModuleId,
    decimal? ScoreGiven,
    decimal? ScoreMaximum,
    bool AwaitingInstructor,
    bool IsRegrade,
    DateTimeOffset Timestamp,
    DateTimeOffset? SubmittedAt,
    int Failures,
    bool MaybeSentBefore,
    string UserSubject,
    string? ProductFamily,
    string? AgsScopes,
    string? LineItemUrl,
    string? LineItemsUrl,
    string? ResolvedLineItemUrl,
    string? Comment);
