using System.Text.Json.Serialization;
using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Lti.Claims;

namespace LtiCurriculum.Lti.Nrps;

/// <summary>A membership container page (NRPS 2.0); unknown members are ignored, ids may be JSON numbers.</summary>
internal sealed record MembershipContainer(
    [property: JsonPropertyName("id"), JsonConverter(typeof(StringOrNumberConverter))] string? Id,
    [property: JsonPropertyName("context")] ContextJson? Context,
    [property: JsonPropertyName("members")] List<MemberJson?>? Members);

internal sealed record ContextJson(
    [property: JsonPropertyName("id"), JsonConverter(typeof(StringOrNumberConverter))] string? Id,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("title")] string? Title)
{
    public ContextClaim ToClaim() => new(Id, Label, Title);
}

internal sealed record MemberJson(
    [property: JsonPropertyName("user_id"), JsonConverter(typeof(StringOrNumberConverter))] string? UserId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("roles")] List<string?>? Roles,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("given_name")] string? GivenName,
    [property: JsonPropertyName("family_name")] string? FamilyName,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("lis_person_sourcedid")] string? LisPersonSourcedId,
    [property: JsonPropertyName("picture")] string? Picture)
{
    /// <summary>Null for a member without user_id: nothing can refer to it.</summary>
    public NrpsMember? ToMember()
    {
        if (string.IsNullOrEmpty(UserId))
        {
            return null;
        }
        string[] roles = [.. (Roles ?? []).OfType<string>()];
        return new NrpsMember
        {
            UserId = UserId,
            Status = StatusOf(Status),
            RoleUris = roles,
            Roles = LtiRoles.Map(roles),
            Name = Name,
            GivenName = GivenName,
            FamilyName = FamilyName,
            Email = Email,
            LisPersonSourcedId = LisPersonSourcedId,
            Picture = Picture,
        };
    }

    /// <summary>Absent or unknown values read as Active, the spec's default.</summary>
    private static MemberStatus StatusOf(string? status) =>
        status?.Trim() switch
        {
            { } s when s.Equals("Inactive", StringComparison.OrdinalIgnoreCase) => MemberStatus.Inactive,
            { } s when s.Equals("Deleted", StringComparison.OrdinalIgnoreCase) => MemberStatus.Deleted,
            _ => MemberStatus.Active,
        };
}

[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString, MaxDepth = 32)]
[JsonSerializable(typeof(MembershipContainer))]
internal sealed partial class NrpsJsonContext : JsonSerializerContext;
