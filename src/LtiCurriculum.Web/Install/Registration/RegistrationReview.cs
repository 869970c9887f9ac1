using LtiCurriculum.Lti.Registration;
using LtiCurriculum.Web.Install.Profile;

namespace LtiCurriculum.Web.Install.Registration;

/// <summary>One message as it will be registered: what it does, its label, and the placements this platform gets.</summary>
public sealed record ReviewedMessage(string Type, string Words, string Label, IReadOnlyList<string> Placements);

/// <summary>One service scope as it will be requested, in words and as its URI.</summary>
public sealed record ReviewedScope(string Uri, string Words);

/// <summary>Everything the review page shows: exactly what the confirmation will send, and to whom.</summary>
public sealed record RegistrationReview(
    string PendingId,
    string Issuer,
    string? ProductFamily,
    string? Version,
    string ToolName,
    string Description,
    IReadOnlyList<ReviewedMessage> Messages,
    IReadOnlyList<ReviewedScope> Scopes,
    IReadOnlyList<string> Claims,
    DateTimeOffset ExpiresAt)
{
    public static RegistrationReview For(string pendingId, DateTimeOffset expiresAt, PlatformConfiguration platform, ToolProfile profile)
    {
        var tool = ToolRegistrationFactory.From(profile);
        return new RegistrationReview(
            pendingId,
            platform.Issuer!,
            platform.ProductFamily,
            platform.Platform?.Version,
            tool.ClientName,
            tool.Description,
            [.. tool.Messages.Select(m => new ReviewedMessage(m.Type, ScopeWords.DescribeMessage(m.Type), m.Label, ClientRegistrationBody.Placements(m, platform)))],
            [.. ClientRegistrationBody.Scopes(tool, platform).Select(s => new ReviewedScope(s, ScopeWords.Describe(s)))],
            tool.Claims,
            expiresAt);
    }
}
